package inquiries

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// An inquiry form keeps its input as a draft while it is typed, so a
// dropped SSH session loses nothing: the next time the same form opens
// (a new inquiry, or the edit of the same one) the draft comes back.
// Saving, or a deliberate cancel, discards it.

// draftDelay is how long typing may go unsaved.
const draftDelay = 700 * time.Millisecond

type draftTickMsg struct{ form int }

type draftLoadedMsg struct {
	form  int
	draft draft
	at    time.Time
	found bool
}

// draft is what is kept: the customer, the input, and the version of
// the inquiry it was typed over, so saving it over a newer one is
// refused as a conflict that says what changed.
type draft struct {
	Customer store.CustomerRow
	In       workflow.InquiryInput
	Version  int64
}

func draftKey(docID int64) string {
	if docID == 0 {
		return "inquiry:new"
	}
	return fmt.Sprintf("inquiry:%d", docID)
}

// loadDraft asks for a kept draft of the form.
func (s *Screen) loadDraft(f *inquiryForm) tea.Cmd {
	desk, ctx, id, key := s.c.Desk, s.c.Ctx, f.id, draftKey(f.docID)
	return func() tea.Msg {
		var d draft
		at, found, err := desk.LoadDraft(ctx, key, &d)
		return draftLoadedMsg{form: id, draft: d, at: at, found: found && err == nil}
	}
}

// onDraftLoaded puts a kept draft into the form, unless the clerk has
// already started typing.
func (s *Screen) onDraftLoaded(msg draftLoadedMsg) tea.Cmd {
	f := s.form
	if f == nil || f.id != msg.form || !msg.found || f.f.Dirty() || f.look.input.Value() != "" || f.look.waiting {
		return nil
	}
	if s.discarded[draftKey(f.docID)] {
		return nil // this session saved or cancelled it; the discard may still be on its way
	}
	d := msg.draft
	if d.Customer.ID == 0 {
		return nil
	}
	f.customer, f.picking = d.Customer, false
	f.look.input.Blur()
	f.f = s.newFormFields()
	f.resize(f.width, f.height)
	f.fillInput(d.In)
	if f.docID != 0 && d.Version != 0 {
		f.seen = d.Version // typed over that version: a later change is a conflict
	}
	f.focusWhereLeft()
	return common.Status(s.c.T("inquiries.restored", msg.at.In(s.c.Now().Location()).Format("01-02 15:04")), false)
}

// fillInput puts an input, as typed, back into the form.
func (f *inquiryForm) fillInput(in workflow.InquiryInput) {
	f.f.SetValue(workflow.FPaymentTerms, f.termsWord(in.PaymentTerms))
	f.f.SetValue(workflow.FTermsDays, in.TermsDays)
	f.f.SetValue(workflow.FContact, in.Contact)
	f.f.SetValue(workflow.FNotes, in.Notes)
	for i, l := range in.Lines {
		values := map[string]string{workflow.FGrade: l.Grade, workflow.FProductName: l.Name, workflow.FSpec: l.Spec,
			workflow.FQuantity: l.Quantity, workflow.FUnit: l.Unit, workflow.FWantedOn: l.WantedOn, workflow.FRequirements: l.Requirements}
		if i == 0 {
			for k, v := range values {
				f.f.SetCell(0, k, v)
			}
		} else {
			f.f.AddLine(values)
		}
		f.f.SetLineID(i, l.ID)
	}
}

// touched schedules a draft save after typing changed the form.
func (f *inquiryForm) touched() tea.Cmd {
	if f.draftDue || !f.f.Dirty() {
		return nil
	}
	f.draftDue = true
	id := f.id
	return tea.Tick(draftDelay, func(time.Time) tea.Msg { return draftTickMsg{form: id} })
}

// saveDraft writes the form's input as it is now.
func (s *Screen) saveDraft(msg draftTickMsg) tea.Cmd {
	f := s.form
	if f == nil || f.id != msg.form {
		return nil
	}
	f.draftDue = false
	if f.saving {
		return nil // the save itself is on its way
	}
	in, _ := f.input()
	d := draft{Customer: f.customer, In: in, Version: f.seen}
	desk, ctx, key := s.c.Desk, s.c.Ctx, draftKey(f.docID)
	delete(s.discarded, key)
	return func() tea.Msg {
		desk.SaveDraft(ctx, key, d) // best effort: the form itself still holds it
		return nil
	}
}

// discardDraft forgets the draft once the form was saved or cancelled.
func (s *Screen) discardDraft(docID int64) tea.Cmd {
	desk, ctx, key := s.c.Desk, s.c.Ctx, draftKey(docID)
	s.discarded[key] = true
	return func() tea.Msg {
		desk.DiscardDraft(ctx, key)
		return nil
	}
}

// focusWhereLeft puts the focus where typing most likely stopped: the
// first empty cell of the last line (its last cell when full).
func (f *inquiryForm) focusWhereLeft() {
	last := f.f.Lines() - 1
	cols := []string{workflow.FGrade, workflow.FProductName, workflow.FSpec, workflow.FQuantity, workflow.FUnit,
		workflow.FWantedOn, workflow.FRequirements}
	for _, k := range cols {
		if f.f.Cell(last, k) == "" {
			f.f.FocusCell(last, k)
			return
		}
	}
	f.f.FocusCell(last, workflow.FRequirements)
}
