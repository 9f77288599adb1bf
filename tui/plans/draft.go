package plans

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
)

// A plan's or target's form keeps what is typed as a draft
// (tui/common/draft): the next time the same form opens (a new plan, a
// new target, or the edit of the same plan) it comes back.

// planDraft is what is kept: the form's cells as typed, and the version
// of the plan they were typed over.
type planDraft struct {
	Cells   draft.Cells
	Version int64
}

func draftKey(f *planForm) string {
	switch {
	case f.purchase == purchaseMonth:
		return "purchase:new"
	case f.purchase == purchaseLines:
		return fmt.Sprintf("purchase:%d", f.docID)
	case f.target && f.docID != 0:
		return fmt.Sprintf("target:%d", f.docID)
	case f.target:
		return "target:new"
	case f.docID == 0:
		return "plan:new"
	}
	return fmt.Sprintf("plan:%d", f.docID)
}

// openDraft gives the form just opened its keeper and asks for a kept
// draft.
func (s *Screen) openDraft(f *planForm) tea.Cmd {
	var load tea.Cmd
	f.draft, load = draft.Open[planDraft](s.drafts, draftKey(f))
	return load
}

// onDraftLoaded puts a kept draft into the form, unless typing has
// already begun.
func (s *Screen) onDraftLoaded(msg draft.LoadedMsg[planDraft]) tea.Cmd {
	f := s.form
	if f == nil || f.f.Dirty() {
		return nil
	}
	d, ok := f.draft.Restore(msg)
	if !ok {
		return nil
	}
	d.Cells.Restore(f.f)
	if f.docID != 0 && d.Version != 0 {
		f.seen = d.Version // typed over that version: a later change is refused
	}
	return common.Status(f.draft.RestoredText("plans.restored"), false)
}

// touched schedules a draft save after typing changed the form.
func (f *planForm) touched() tea.Cmd { return f.draft.Touched(f.f.Dirty()) }

// saveDraft writes the form as it is now.
func (s *Screen) saveDraft(msg draft.TickMsg) tea.Cmd {
	f := s.form
	if f == nil || !f.draft.Due(msg) || f.saving {
		return nil // not this form's, or the save itself is on its way
	}
	return f.draft.Save(planDraft{Cells: draft.Snapshot(f.f), Version: f.seen})
}
