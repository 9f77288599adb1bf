package workflow

import (
	"context"

	"orderdesk/store"
)

// What the credit kind does around a transition, whatever path took it;
// the database checks the same again with its own triggers.

// checkCredit refuses to submit or sign off a credit of nothing, and
// takes the issue step only through IssueCredit.
func (e *Engine) checkCredit(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionSubmit, ActionResubmit, ActionApprove:
		c, err := tx.Credit(ctx, m.doc.ID)
		if err == nil && (c.Total <= 0 || (c.Basis == store.CreditReturn && len(c.Lines) == 0)) {
			err = &Refusal{Code: NoLines, Action: m.t.Action}
		}
		return err
	}
	return carried(m, map[string]Code{ActionIssue: IssueMissing})
}

// creditMoved: the original invoice and the money screens show it; a
// credit just issued settles what is open of the original.
func (e *Engine) creditMoved(ctx context.Context, tx *store.Tx, m move) error {
	c, err := tx.CreditHeader(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	m.changed(Change{Kind: store.InvoiceKind, ID: c.InvoiceID}, Change{Kind: ReceiptKind})
	if m.t.Action != ActionIssue {
		return nil
	}
	issue, err := tx.CreditIssueOf(ctx, c.DocID)
	if err != nil || issue == nil {
		return err
	}
	inv, err := tx.InvoiceHeader(ctx, c.InvoiceID)
	if err != nil {
		return err
	}
	if amt := min(c.Total, inv.Open()); amt > 0 {
		_, err = tx.InsertCreditAllocation(ctx, m.actor.ID, c.DocID, c.InvoiceID, amt, issue.IssuedOn)
	}
	return err
}
