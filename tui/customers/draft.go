package customers

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// A customer form keeps its input as a draft (tui/common/draft): the
// next time the same form opens, the draft comes back.

// customerDraft is what is kept: the input, and the version of the
// record it was typed over, so a draft never silently undoes a later
// change by someone else (saving it over a newer record is refused as a
// conflict).
type customerDraft struct {
	In      workflow.CustomerInput
	Version int64
}

func draftKey(orig *store.Customer) string {
	if orig == nil {
		return "customer:new"
	}
	return fmt.Sprintf("customer:%d", orig.ID)
}

// onDraftLoaded puts a kept draft into the form, unless the user has
// already started typing.
func (s *Screen) onDraftLoaded(msg draft.LoadedMsg[customerDraft]) tea.Cmd {
	f := s.form
	if f == nil || f.dirty {
		return nil
	}
	d, ok := f.draft.Restore(msg)
	if !ok {
		return nil
	}
	*f.in = d.In
	if f.orig != nil && d.Version != f.orig.Version {
		f.orig.Version = d.Version // typed over an older record: saving says what changed since
	}
	f.build()
	return nil
}

// touched notes that the form changed and schedules a draft save.
func (f *customerForm) touched() tea.Cmd {
	f.dirty = true
	return f.draft.Touched(true)
}

// saveDraft writes the form's input as it is now.
func (s *Screen) saveDraft(msg draft.TickMsg) tea.Cmd {
	f := s.form
	if f == nil || !f.draft.Due(msg) || f.saving {
		return nil // not this form's, or the save itself is on its way
	}
	d := customerDraft{In: *f.in}
	if f.orig != nil {
		d.Version = f.orig.Version
	}
	return f.draft.Save(d)
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
