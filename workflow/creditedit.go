package workflow

import (
	"context"

	"orderdesk/store"
)

// CreditEdit is what a drafted credit's form starts from: the input as
// it was saved (an allowance's amount, or a line per invoice line with
// what comes back of it), and its invoice with what is left to credit,
// the credit's own part aside.
type CreditEdit struct {
	Credit store.Credit
	Input  CreditInput
	Basis  CreditBasis
}

// EditCredit reads a credit to be edited: a draft, or one sent back.
func (d *Desk) EditCredit(ctx context.Context, docID int64) (ce CreditEdit, err error) {
	if err = permit(d.User, EditInvoices, ""); err != nil {
		return ce, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if ce.Credit, err = tx.Credit(ctx, docID); err != nil {
			return err
		}
		if !creditEditable(ce.Credit.Status) {
			return &Refusal{Code: NotEditable, Action: "save"}
		}
		ce.Basis, err = d.creditBasis(ctx, tx, ce.Credit.InvoiceID, docID)
		return err
	})
	if err != nil {
		return ce, err
	}
	c := ce.Credit
	ce.Input = CreditInput{InvoiceID: c.InvoiceID, Reason: c.Reason}
	if c.Basis == store.CreditAllowance {
		ce.Input.Amount = c.Total.Plain()
		return ce, nil
	}
	took := map[int64]store.CreditLine{}
	for _, l := range c.Lines {
		took[l.InvoiceLineID] = l
	}
	for _, l := range ce.Basis.Lines {
		in := CreditLineInput{InvoiceLineID: l.ID}
		if t, ok := took[l.ID]; ok {
			in.Quantity, in.Weight = partTyped(t.Part, creditLimit(l))
		}
		ce.Input.Lines = append(ce.Input.Lines, in)
	}
	return ce, nil
}

func creditEditable(status string) bool { return status == "draft" || status == "sent_back" }

// UpdateCredit saves a drafted credit (or one sent back) typed over
// orig, with the checks of a new one: never more than the invoice (or
// its line) has left to credit, its own part aside. It stays what it
// was drafted as, an allowance or a return of goods, against the same
// invoice. If anyone changed it since orig was read, a
// *store.ConflictError says so; once submitted it is refused (and the
// database refuses the same). Every row changed is in the audit log.
func (d *Desk) UpdateCredit(ctx context.Context, orig store.Credit, in CreditInput) error {
	if err := permit(d.User, EditInvoices, ""); err != nil {
		return err
	}
	in.InvoiceID = orig.InvoiceID
	return d.writeAndPublish(ctx, "save", func(tx *store.Tx, changes *[]Change) error {
		cur, err := tx.CreditHeader(ctx, orig.DocID)
		if err != nil {
			return err
		}
		if cur.Version != orig.Version {
			return &store.ConflictError{What: cur.Ref, By: cur.Maker, Fields: []string{"status " + cur.Status}}
		}
		if !creditEditable(cur.Status) {
			return &Refusal{Code: NotEditable, Action: "save"}
		}
		if in.returns() != (cur.Basis == store.CreditReturn) {
			if cur.Basis == store.CreditReturn {
				return FieldErrors{{Field: FQuantity, Line: 1, Code: Required}}
			}
			return FieldErrors{{Field: FAmount, Code: Required}}
		}
		c, err := d.buildCredit(ctx, tx, in, orig.DocID)
		if err != nil {
			return err
		}
		err = syncParts(c.Lines, lineParts[store.CreditLine]{
			lines: func() ([]store.CreditLine, error) { return tx.CreditLines(ctx, orig.DocID, true) },
			key:   func(l store.CreditLine) int64 { return l.InvoiceLineID },
			part:  func(l *store.CreditLine) *store.Part { return &l.Part },
			save:  func(l store.CreditLine) error { return tx.UpdateCreditLine(ctx, d.User.ID, l) },
			add:   func(l store.CreditLine) error { return tx.AddCreditLine(ctx, d.User.ID, orig.DocID, l) },
		})
		if err != nil {
			return err
		}
		if err := tx.UpdateCredit(ctx, d.User.ID, orig.DocID, c.Total, c.Reason); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.CreditKind, ID: orig.DocID}, Change{Kind: store.InvoiceKind, ID: orig.InvoiceID})
		return nil
	})
}
