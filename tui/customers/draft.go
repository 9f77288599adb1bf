package customers

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// A form keeps its input as a draft while it is typed, so a dropped SSH
// session or a closed terminal loses nothing: the next time the same form
// opens, the draft comes back. A save, or a deliberate cancel, discards it.

// draftDelay is how long typing may go unsaved.
const draftDelay = 700 * time.Millisecond

type draftTickMsg struct{ key string }

type draftLoadedMsg struct {
	key   string
	draft draft
	at    time.Time
	found bool
}

// draft is what is kept: the input, and the version of the record it was
// typed over, so a draft never silently undoes a later change by someone
// else (saving it over a newer record is refused as a conflict).
type draft struct {
	In      workflow.CustomerInput
	Version int64
}

func draftKey(orig *store.Customer) string {
	if orig == nil {
		return "customer:new"
	}
	return fmt.Sprintf("customer:%d", orig.ID)
}

// loadDraft asks for a kept draft of the form.
func (s *Screen) loadDraft(key string) tea.Cmd {
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		var d draft
		at, found, err := desk.LoadDraft(ctx, key, &d)
		return draftLoadedMsg{key: key, draft: d, at: at, found: found && err == nil}
	}
}

// onDraftLoaded puts a kept draft into the form, unless the user has
// already started typing.
func (s *Screen) onDraftLoaded(msg draftLoadedMsg) tea.Cmd {
	f := s.form
	if f == nil || f.draftKey != msg.key || !msg.found || f.dirty {
		return nil
	}
	*f.in = msg.draft.In
	f.restored = msg.at
	if f.orig != nil && msg.draft.Version != f.orig.Version {
		f.orig.Version = msg.draft.Version // typed over an older record: saving says what changed since
	}
	return f.build(0)
}

// touched notes that the form changed and schedules a draft save.
func (f *customerForm) touched() tea.Cmd {
	f.dirty = true
	if f.draftDue {
		return nil
	}
	f.draftDue = true
	key := f.draftKey
	return tea.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{key: key} })
}

// saveDraft writes the form's input as it is now.
func (s *Screen) saveDraft(msg draftTickMsg) tea.Cmd {
	f := s.form
	if f == nil || f.draftKey != msg.key {
		return nil
	}
	f.draftDue = false
	if f.saving {
		return nil // the save itself is on its way
	}
	d := draft{In: *f.in}
	if f.orig != nil {
		d.Version = f.orig.Version
	}
	desk, ctx, key := s.c.Desk, s.c.Ctx, f.draftKey
	return func() tea.Msg {
		desk.SaveDraft(ctx, key, d) // best effort: the form itself still holds it
		return nil
	}
}

// discardDraft forgets the draft once the form was saved or cancelled.
func (s *Screen) discardDraft(key string) tea.Cmd {
	desk, ctx := s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		desk.DiscardDraft(ctx, key)
		return nil
	}
}

// holdRecord remembers how to leave the record a form has open (nil when
// none). It is guarded: the session may end, and Close run, on another
// goroutine than the one updating the screen.
func (s *Screen) holdRecord(leave func()) {
	s.leaveMu.Lock()
	defer s.leaveMu.Unlock()
	if s.leave != nil && leave == nil {
		s.leave()
	}
	s.leave = leave
}

// Close leaves the record the form has open, when the session ends.
func (s *Screen) Close() { s.holdRecord(nil) }
