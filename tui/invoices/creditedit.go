package invoices

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// draftedCredit is the first credit of the invoice shown still to be
// typed over: drafted (from a return, say) or sent back by its checker.
func (s *Screen) draftedCredit() *store.Credit {
	for i := range s.credits {
		if st := s.credits[i].Status; st == "draft" || st == "sent_back" {
			return &s.credits[i]
		}
	}
	return nil
}

// startCreditEdit opens the drafted credit's form as it was saved.
func (s *Screen) startCreditEdit() tea.Cmd {
	c := s.draftedCredit()
	if c == nil {
		return nil
	}
	s.formReq = s.NextReq()
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, c.DocID
	return func() tea.Msg {
		ce, err := d.EditCredit(ctx, id)
		return creditMsg{seq: seq, in: ce.Input, basis: ce.Basis, edit: &ce.Credit, err: err}
	}
}

// saveCreditEdit saves the credit as typed over the version read and
// submits it for the check, as a new one is.
func (s *Screen) saveCreditEdit(in workflow.CreditInput) tea.Cmd {
	ctx, d, orig, inv := s.c.Ctx, s.c.Desk, *s.creditEdit, s.editing.DocID
	return s.act("invoices.credit_edited", inv, true, func() error {
		if err := d.UpdateCredit(ctx, orig, in); err != nil {
			return err
		}
		return d.SubmitCredit(ctx, orig.DocID, 0)
	})
}
