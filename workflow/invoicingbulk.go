package workflow

import (
	"context"

	"orderdesk/store"
)

// Invoicing steps inside the caller's transaction, with every check the
// desk makes, for bulk writers (the demo generator, an import). Days are
// given, not today's; nothing goes on the feed.

// CreateInvoiceIn drafts an invoice request of an order as actor.
func (e *Engine) CreateInvoiceIn(ctx context.Context, tx *store.Tx, actor store.User, in InvoiceInput) (int64, error) {
	if err := permit(actor, EditInvoices, ""); err != nil {
		return 0, err
	}
	v, err := e.Desk(actor).buildInvoice(ctx, tx, in, 0)
	if err != nil {
		return 0, err
	}
	id, _, err := tx.CreateInvoice(ctx, actor.ID, Invoice.Initial(), v)
	return id, err
}

// IssueInvoiceIn issues a checked request as actor (finance) with number
// no on day; the order's prepayments are allocated to it.
func (e *Engine) IssueInvoiceIn(ctx context.Context, tx *store.Tx, actor store.User, id int64, no, day string) error {
	v, err := tx.InvoiceHeader(ctx, id)
	if err != nil {
		return err
	}
	if err := tx.InsertInvoiceIssue(ctx, actor.ID, id, v.CustomerID, store.InvoiceIssue{InvoiceNo: no, IssuedOn: day,
		DueOn: InvoiceDueOn(day, v.PaymentTerms, v.TermsDays), Amount: v.Total}); err != nil {
		return err
	}
	var changes []Change
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: id, action: ActionIssue, internal: true}, &changes)
}

// MailInvoiceIn records that an issued invoice was mailed on day.
func (e *Engine) MailInvoiceIn(ctx context.Context, tx *store.Tx, actor store.User, id int64, day, tracking string) error {
	if err := tx.InsertInvoiceMailing(ctx, actor.ID, id, store.InvoiceMailing{MailedOn: day, Tracking: tracking}); err != nil {
		return err
	}
	var changes []Change
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: id, action: ActionMail, internal: true}, &changes)
}

// ReceiveIn records money received as actor (finance).
func (e *Engine) ReceiveIn(ctx context.Context, tx *store.Tx, actor store.User, r store.Receipt) (int64, error) {
	if err := permit(actor, RecordReceipts, "record_receipt"); err != nil {
		return 0, err
	}
	return tx.InsertReceipt(ctx, actor.ID, r)
}

// AllocateIn puts amount of a receipt against an invoice on day as actor
// (finance); the database refuses more than either has open.
func (e *Engine) AllocateIn(ctx context.Context, tx *store.Tx, actor store.User, receiptID, invoiceID int64, amount store.Money, day string) error {
	if err := permit(actor, RecordReceipts, "allocate"); err != nil {
		return err
	}
	_, err := tx.InsertAllocation(ctx, actor.ID, receiptID, invoiceID, amount, day)
	return err
}
