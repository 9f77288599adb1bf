// Package draft keeps a form's input while it is typed, so a dropped SSH
// session or a closed terminal loses nothing: the next time the same
// form opens (a new document, or the edit of the same one) the draft is
// offered back. Saving, or a deliberate cancel, discards it.
//
// A screen holds one Shelf; each form it opens holds a Keeper over the
// shelf, typed by what the form keeps (its input, its cells, the version
// it was typed over). Messages carry the keeper that asked, so a form
// closed and opened again never takes its predecessor's answers.
package draft

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// Delay is how long typing may go unsaved.
const Delay = 700 * time.Millisecond

// Shelf is a screen's drafts: it remembers those this session saved or
// cancelled, whose discard may still be on its way when the form opens
// again.
type Shelf struct {
	c    *common.Common
	gone map[string]bool
}

// NewShelf returns a screen's shelf.
func NewShelf(c *common.Common) *Shelf { return &Shelf{c: c, gone: map[string]bool{}} }

// Keeper keeps the draft of one open form.
type Keeper[T any] struct {
	shelf    *Shelf
	key      string
	due      bool      // a save of the draft is scheduled
	restored time.Time // when the draft shown was kept (zero: none)
}

// TickMsg says a keeper's draft is due to be saved.
type TickMsg struct{ keeper any }

// LoadedMsg answers a keeper's question for a kept draft.
type LoadedMsg[T any] struct {
	keeper any
	draft  T
	at     time.Time
	found  bool
}

// Open returns the keeper of the form kept under key ("order:new",
// "order:42", …) and the command that asks for its kept draft.
func Open[T any](sh *Shelf, key string) (*Keeper[T], tea.Cmd) {
	k := &Keeper[T]{shelf: sh, key: key}
	desk, ctx := sh.c.Desk, sh.c.Ctx
	return k, func() tea.Msg {
		var d T
		at, found, err := desk.LoadDraft(ctx, key, &d)
		return LoadedMsg[T]{keeper: k, draft: d, at: at, found: found && err == nil}
	}
}

// Key is where the draft is kept.
func (k *Keeper[T]) Key() string { return k.key }

// Restore is the kept draft msg brings, if msg is this keeper's answer,
// a draft was found and this session has not saved or cancelled it
// since. The caller puts it into the form unless typing has begun; the
// time it was kept is then Restored.
func (k *Keeper[T]) Restore(msg LoadedMsg[T]) (T, bool) {
	if k == nil || msg.keeper != any(k) || !msg.found || k.shelf.gone[k.key] {
		var zero T
		return zero, false
	}
	k.restored = msg.at
	return msg.draft, true
}

// Restored is when the draft put back into the form was kept (zero when
// none was).
func (k *Keeper[T]) Restored() time.Time { return k.restored }

// RestoredText says, with the catalogue's msg, when the draft put back
// was kept ("" when none was).
func (k *Keeper[T]) RestoredText(msg string) string {
	if k.restored.IsZero() {
		return ""
	}
	c := k.shelf.c
	return c.T(msg, k.restored.In(c.Now().Location()).Format("01-02 15:04"))
}

// Touched schedules a save of the draft after typing changed the form;
// dirty is whether anything was typed at all.
func (k *Keeper[T]) Touched(dirty bool) tea.Cmd {
	if k == nil || k.due || !dirty {
		return nil
	}
	k.due = true
	// A timer, not an answer: keys typed meanwhile must not wait for it.
	return k.shelf.c.Background(tea.Tick(Delay, func(time.Time) tea.Msg { return TickMsg{keeper: k} }))
}

// Due is true when msg is this keeper's tick: the caller then saves the
// form as it stands (unless the form's own save is on its way).
func (k *Keeper[T]) Due(msg TickMsg) bool {
	if k == nil || msg.keeper != any(k) {
		return false
	}
	k.due = false
	return true
}

// Save keeps v as the draft.
func (k *Keeper[T]) Save(v T) tea.Cmd {
	delete(k.shelf.gone, k.key)
	desk, ctx, key := k.shelf.c.Desk, k.shelf.c.Ctx, k.key
	return func() tea.Msg {
		desk.SaveDraft(ctx, key, v) // best effort: the form itself still holds it
		return nil
	}
}

// Discard forgets the draft once the form was saved or cancelled.
func (k *Keeper[T]) Discard() tea.Cmd { return k.shelf.Discard(k.key) }

// Discard forgets the draft kept under key (what was saved under
// another key, say: a new document that now has its number).
func (sh *Shelf) Discard(key string) tea.Cmd {
	sh.gone[key] = true
	desk, ctx := sh.c.Desk, sh.c.Ctx
	return func() tea.Msg {
		desk.DiscardDraft(ctx, key)
		return nil
	}
}
