package pricelist

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
)

// A form keeps what is typed as a draft, so a dropped SSH session loses
// nothing: the same form, opened again, offers it back. Saving or
// cancelling discards it.

// draftDelay is how long typing may go unsaved.
const draftDelay = 700 * time.Millisecond

// draft is a form's cells as typed, with the lines' stored ids and the
// version of the change it was typed over (a draft saved over a newer
// change is refused as stale, never silently undoing the other edit).
type draft struct {
	Header  map[string]string
	Lines   []map[string]string
	LineIDs []int64
	Version int64
}

// drafted is what a form needs to keep drafts.
type drafted struct {
	key      string    // where the draft is kept: "price_change:new", …
	due      bool      // a save of the draft is scheduled
	restored time.Time // when the draft shown was kept (zero: none)
}

type draftTickMsg struct{ key string }

type draftLoadedMsg struct {
	key   string
	draft draft
	at    time.Time
	found bool
}

// snapshot reads a form's cells.
func snapshot(f *form.Form, header, cols []string) draft {
	d := draft{Header: map[string]string{}}
	for _, k := range header {
		d.Header[k] = f.Value(k)
	}
	if cols == nil {
		return d
	}
	for i := range f.Lines() {
		line := map[string]string{}
		for _, k := range cols {
			line[k] = f.Cell(i, k)
		}
		d.Lines, d.LineIDs = append(d.Lines, line), append(d.LineIDs, f.LineID(i))
	}
	return d
}

// restore writes a draft into a form built afresh.
func restore(f *form.Form, d draft) {
	for k, v := range d.Header {
		f.SetValue(k, v)
	}
	for i, line := range d.Lines {
		if i >= f.Lines() {
			f.AddLine(nil)
		}
		for k, v := range line {
			f.SetCell(i, k, v)
		}
		f.SetLineID(i, d.LineIDs[i])
	}
	for f.Lines() > max(len(d.Lines), 1) {
		f.DeleteLine(f.Lines() - 1)
	}
}

func loadDraft(c *common.Common, key string) tea.Cmd {
	desk, ctx := c.Desk, c.Ctx
	return func() tea.Msg {
		var d draft
		at, found, err := desk.LoadDraft(ctx, key, &d)
		return draftLoadedMsg{key: key, draft: d, at: at, found: found && err == nil}
	}
}

// touched schedules a save of the draft after typing changed the form.
func (d *drafted) touched(f *form.Form) tea.Cmd {
	if d.due || !f.Dirty() {
		return nil
	}
	d.due = true
	key := d.key
	return tea.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{key: key} })
}

func saveDraft(c *common.Common, key string, d draft) tea.Cmd {
	desk, ctx := c.Desk, c.Ctx
	return func() tea.Msg {
		desk.SaveDraft(ctx, key, d) // best effort: the form itself still holds it
		return nil
	}
}

func discardDraft(c *common.Common, key string) tea.Cmd {
	desk, ctx := c.Desk, c.Ctx
	return func() tea.Msg {
		desk.DiscardDraft(ctx, key)
		return nil
	}
}

// onDraftTick keeps the open form's draft.
func (s *Screen) onDraftTick(msg draftTickMsg) tea.Cmd {
	switch {
	case s.mode == editingChange && s.change != nil && s.change.draft.key == msg.key:
		cf := s.change
		cf.draft.due = false
		d := snapshot(cf.form, []string{reasonKey}, changeKeys())
		d.Version = cf.seen
		return saveDraft(s.c, msg.key, d)
	case s.mode == recordingMarket && s.record != nil && s.record.draft.key == msg.key:
		s.record.draft.due = false
		return saveDraft(s.c, msg.key, snapshot(s.record.form, marketKeys(), nil))
	}
	return nil
}

// onDraftLoaded puts a kept draft into the form just opened, unless
// typing has already begun.
func (s *Screen) onDraftLoaded(msg draftLoadedMsg) {
	if !msg.found {
		return
	}
	switch {
	case s.mode == editingChange && s.change != nil && s.change.draft.key == msg.key && !s.change.form.Dirty():
		cf := s.change
		restore(cf.form, msg.draft)
		if cf.docID != 0 {
			cf.seen = msg.draft.Version // typed over that version: a newer one refuses the save
		}
		cf.draft.restored = msg.at
	case s.mode == recordingMarket && s.record != nil && s.record.draft.key == msg.key && !s.record.form.Dirty():
		restore(s.record.form, msg.draft)
		s.record.draft.restored = msg.at
	}
}

func (d *drafted) note(c *common.Common) string {
	if d.restored.IsZero() {
		return ""
	}
	return "\n" + c.Styles.Warning.Render(c.T("pricelist.draft_restored", d.restored.In(c.Now().Location()).Format("01-02 15:04")))
}
