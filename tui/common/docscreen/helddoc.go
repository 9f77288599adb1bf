package docscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// HeldDoc is the document a screen that holds its rows shows: read by
// its id, nil until the first answer is in, forgotten as the screen goes
// back to its lists.
type HeldDoc[T any] struct {
	Doc  *T
	base *Base
	id   func(T) int64
	load func(seq int, id int64) tea.Cmd // reads document id, its answer tagged seq
}

// NewHeldDoc starts the document of the screen whose skeleton is b: id
// says which document a row is, load reads one.
func NewHeldDoc[T any](b *Base, id func(T) int64, load func(seq int, id int64) tea.Cmd) HeldDoc[T] {
	return HeldDoc[T]{base: b, id: id, load: load}
}

// Read asks for document id; the answer to an earlier read is dropped.
func (d *HeldDoc[T]) Read(id int64) tea.Cmd { return d.load(d.base.AskDetail(), id) }

// Show shows document id, read afresh.
func (d *HeldDoc[T]) Show(id int64) tea.Cmd {
	d.base.Mode = Detail
	return d.Read(id)
}

// ReadAgain reads the document again while onScreen says it is shown
// (nil when not, or when none is).
func (d *HeldDoc[T]) ReadAgain(onScreen bool) tea.Cmd {
	if d.Doc == nil || !onScreen {
		return nil
	}
	return d.Read(d.id(*d.Doc))
}

// Take shows doc, the answer to document read seq, unless a later read
// is on its way or this one failed (cmd says why; see TakeAnswer). The
// same document read again keeps its place; another starts at its top.
func (d *HeldDoc[T]) Take(seq int, err error, doc T) (ok bool, cmd tea.Cmd) {
	again := d.Doc != nil && d.id(*d.Doc) == d.id(doc)
	if ok, cmd := d.base.TakeAnswer(seq, err, d.Doc == nil, again); !ok {
		return false, cmd
	}
	d.Doc = &doc
	return true, nil
}

// Key takes the keys every held document takes alike: back forgets it
// and shows the lists, refresh reads what is shown again (refresh). step
// is true, with the document, when the key is left to the screen's
// steps: one is shown and no action is on its way.
func (d *HeldDoc[T]) Key(msg tea.KeyPressMsg, refresh func() tea.Cmd) (doc T, cmd tea.Cmd, step bool) {
	k := d.base.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		d.base.Mode, d.Doc = List, nil
		return doc, nil, false
	case key.Matches(msg, k.Refresh):
		return doc, refresh(), false
	case d.Doc == nil || d.base.Busy:
		return doc, nil, false
	}
	return *d.Doc, nil, true
}
