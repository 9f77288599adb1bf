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
	in    workflow.CustomerInput
	at    time.Time
	found bool
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
		var in workflow.CustomerInput
		at, found, err := desk.LoadDraft(ctx, key, &in)
		return draftLoadedMsg{key: key, in: in, at: at, found: found && err == nil}
	}
}

// onDraftLoaded puts a kept draft into the form, unless the user has
// already started typing.
func (s *Screen) onDraftLoaded(msg draftLoadedMsg) tea.Cmd {
	f := s.form
	if f == nil || f.draftKey != msg.key || !msg.found || f.dirty {
		return nil
	}
	*f.in = msg.in
	f.restored = msg.at
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
	desk, ctx, key, in := s.c.Desk, s.c.Ctx, f.draftKey, *f.in
	return func() tea.Msg {
		desk.SaveDraft(ctx, key, in) // best effort: the form itself still holds it
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
