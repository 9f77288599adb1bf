package workflow

import (
	"context"

	"orderdesk/store"
	"orderdesk/workflow/printout"
)

// MonthStatements fills the printed statement of every customer with
// activity or a balance in a month finance signed off (refused
// otherwise), from the figures finance signed, in the reconciliation's
// order of customers, each with the number of the statement issued to
// it, if any. Only the customers whose money this user sees are in it.
func (d *Desk) MonthStatements(ctx context.Context, month, company string) ([]printout.Statement, error) {
	if err := permitScreen(d.User, ScreenReconciliation); err != nil {
		return nil, err
	}
	m, ok := ParseMonth(month)
	if !ok {
		return nil, &FieldError{Field: FMonth, Code: InvalidDate}
	}
	var out []printout.Statement
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		r, err := signedMonth(ctx, tx, m)
		if err != nil {
			return err
		}
		lines, err := tx.ReconciliationLines(ctx, r.DocID, 0)
		if err != nil {
			return err
		}
		sts, err := tx.StatementsOf(ctx, m, 0)
		if err != nil {
			return err
		}
		latest := map[int64]store.Statement{}
		for _, st := range sts { // latest first per customer
			if _, seen := latest[st.CustomerID]; !seen {
				latest[st.CustomerID] = st
			}
		}
		for _, f := range d.visibleFigures(lines) {
			if !active(f) {
				continue
			}
			p, err := d.statementOf(ctx, tx, f, m, company)
			if err != nil {
				return err
			}
			if st, ok := latest[f.CustomerID]; ok {
				d.issued(&p, st)
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	footer := d.e.checkpointLine(ctx)
	for i := range out {
		out[i].Footer = footer
	}
	return out, nil
}

// active: the customer moved money or goods in the month, or owes (or
// is owed) at either end of it.
func active(f store.MonthFigures) bool {
	return f.Opening != 0 || f.Shipped != 0 || f.Invoiced != 0 || f.Received != 0 || f.Closing != 0
}
