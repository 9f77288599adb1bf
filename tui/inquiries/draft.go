package inquiries

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/workflow"
)

// An inquiry form keeps its input as a draft (tui/common/draft): the
// next time the same form opens (a new inquiry, or the edit of the same
// one) the draft comes back.

// inquiryDraft is what is kept: the customer, the input, and the version
// of the inquiry it was typed over, so saving it over a newer one is
// refused as a conflict that says what changed.
type inquiryDraft struct {
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

// openDraft gives the form just opened its draft keeper and asks for a
// kept draft.
func (s *Screen) openDraft(f *inquiryForm) tea.Cmd {
	var load tea.Cmd
	f.draft, load = draft.Open[inquiryDraft](s.drafts, draftKey(f.docID))
	return load
}

// onDraftLoaded puts a kept draft into the form, unless the clerk has
// already started typing.
func (s *Screen) onDraftLoaded(msg draft.LoadedMsg[inquiryDraft]) tea.Cmd {
	f := s.form
	if f == nil || f.f.Dirty() || f.look.input.Value() != "" || f.look.waiting {
		return nil
	}
	d, ok := f.draft.Restore(msg)
	if !ok || d.Customer.ID == 0 {
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
	return common.Status(f.draft.RestoredText("inquiries.restored"), false)
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
func (f *inquiryForm) touched() tea.Cmd { return f.draft.Touched(f.f.Dirty()) }

// saveDraft writes the form's input as it is now.
func (s *Screen) saveDraft(msg draft.TickMsg) tea.Cmd {
	f := s.form
	if f == nil || !f.draft.Due(msg) || f.saving {
		return nil // not this form's, or the save itself is on its way
	}
	in, _ := f.input()
	return f.draft.Save(inquiryDraft{Customer: f.customer, In: in, Version: f.seen})
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
