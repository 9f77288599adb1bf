package orders

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// An order form keeps what is typed as a draft (tui/common/draft): the
// next time the same form opens (a new order, or the edit of the same
// draft order) it comes back.

// orderDraft is the form as typed, cell by cell, the customer picked,
// and the version of the order it was typed over, so saving it over a
// newer one is refused as a conflict that says what changed.
type orderDraft struct {
	CustomerID int64
	draft.Cells
	Version int64
}

func draftKey(docID int64) string {
	if docID == 0 {
		return "order:new"
	}
	return fmt.Sprintf("order:%d", docID)
}

func (e *entryForm) docID() int64 {
	if e.orig == nil {
		return 0
	}
	return e.orig.DocID
}

// snapshot is the form as it stands.
func (e *entryForm) snapshot() orderDraft {
	d := orderDraft{CustomerID: e.customerID, Cells: draft.Snapshot(e.form)}
	if e.orig != nil {
		d.Version = e.orig.Version
	}
	return d
}

// restore puts a kept draft into a fresh form.
func (e *entryForm) restore(d orderDraft) {
	e.form = newForm(e.c, e.orig == nil)
	if e.orig != nil {
		orig := *e.orig
		if d.Version != 0 {
			orig.Version = d.Version // typed over that version: a later change is a conflict
		}
		e.orig = &orig
	} else {
		e.customerID = d.CustomerID
	}
	d.Restore(e.form)
	if len(d.Lines) > 0 {
		e.form.FocusCell(len(d.Lines)-1, workflow.FGrade)
	}
}

// openDraft gives the form just opened its draft keeper and asks for a
// kept draft.
func (s *Screen) openDraft(e *entryForm) tea.Cmd {
	var load tea.Cmd
	e.draft, load = draft.Open[orderDraft](s.drafts, draftKey(e.docID()))
	return load
}

// onDraftLoaded puts a kept draft into the form, unless typing has
// already started.
func (s *Screen) onDraftLoaded(msg draft.LoadedMsg[orderDraft]) tea.Cmd {
	e := s.entry
	if e == nil || e.form.Dirty() {
		return nil
	}
	d, ok := e.draft.Restore(msg)
	if !ok || e.orig == nil && d.CustomerID == 0 {
		return nil
	}
	e.restore(d)
	e.resize(s.width, s.height)
	return common.Status(e.draft.RestoredText("orders.restored"), false)
}

// touched schedules a draft save after typing changed the form.
func (e *entryForm) touched() tea.Cmd { return e.draft.Touched(e.form.Dirty()) }

// saveDraft writes the form as it is now.
func (s *Screen) saveDraft(msg draft.TickMsg) tea.Cmd {
	e := s.entry
	if e == nil || !e.draft.Due(msg) || s.busy && e.saveReq != 0 {
		return nil // not this form's, or the save itself is on its way
	}
	return e.draft.Save(e.snapshot())
}
