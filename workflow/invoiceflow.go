package workflow

import (
	"context"
	"time"

	"orderdesk/store"
)

// What the invoice kind does around a transition, whatever path took it;
// the database checks the same again with its own triggers.

// checkInvoice refuses to submit or sign off an invoice with no lines,
// and takes the issue and mail steps only with what their own calls
// record.
func (e *Engine) checkInvoice(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionSubmit, ActionResubmit, ActionApprove:
		v, err := tx.Invoice(ctx, m.doc.ID)
		if err == nil && len(v.Lines) == 0 {
			err = &Refusal{Code: NoLines, Action: m.t.Action}
		}
		return err
	}
	return carried(m, map[string]Code{ActionIssue: IssueMissing, ActionMail: MailingMissing}) // through IssueInvoice and MailInvoice
}

// invoiceMoved: its order and the receipts show it; an issued invoice
// takes the prepayments earmarked for its order, oldest first.
func (e *Engine) invoiceMoved(ctx context.Context, tx *store.Tx, m move) error {
	v, err := tx.InvoiceHeader(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	m.changed(Change{Kind: store.OrderKind, ID: v.OrderID}, Change{Kind: ReceiptKind})
	if m.t.Action != ActionIssue {
		return nil
	}
	return e.applyPrepayments(ctx, tx, m.actor, v)
}

// applyPrepayments allocates to an invoice just issued what its order's
// earmarked receipts still have on account, oldest first.
func (e *Engine) applyPrepayments(ctx context.Context, tx *store.Tx, actor store.User, v store.Invoice) error {
	issue, err := tx.InvoiceIssueOf(ctx, v.DocID)
	if err != nil || issue == nil {
		return err
	}
	rs, err := tx.Receipts(ctx, store.ReceiptFilter{CustomerID: v.CustomerID, OnAccount: true, Limit: 5000})
	if err != nil {
		return err
	}
	open := v.Total - v.Allocated
	for i := len(rs) - 1; i >= 0 && open > 0; i-- { // the list is newest first
		p := rs[i]
		if p.OrderID != v.OrderID {
			continue
		}
		amt := min(open, p.Unallocated())
		day := max(issue.IssuedOn, p.ReceivedOn)
		if _, err := tx.InsertAllocation(ctx, actor.ID, p.ID, v.DocID, amt, day); err != nil {
			return err
		}
		open -= amt
	}
	return nil
}

// ReceiptKind names receipts and allocations in change announcements
// (they are not documents).
const ReceiptKind = "receipt"

// InvoiceDueOn is the day an invoice issued on issuedOn falls due under
// an order's terms: prepaid (先款后货) on the day of issue; monthly N days
// (月结) N days after the end of the month of issue, since the month's
// invoices are settled together after the month-end reconciliation
// (销售内勤月底和财务对账 … 根据合同协议和结算方式通知销售人员要款). The
// database checks the same (invoice_issues_guard).
func InvoiceDueOn(issuedOn, terms string, days int) string {
	t, err := time.Parse("2006-01-02", issuedOn)
	if err != nil || terms != store.TermsMonthly {
		return issuedOn
	}
	monthEnd := time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
	return monthEnd.AddDate(0, 0, days).Format("2006-01-02")
}

// IssueInput is finance's issue form: the number it gives and the day.
type IssueInput struct {
	InvoiceNo string
	IssuedOn  string // "" for today
}

// IssueInvoice issues a checked request as finance, with the invoice
// number finance gives, as of version seen; the due day follows the
// order's terms.
func (d *Desk) IssueInvoice(ctx context.Context, docID, seen int64, in IssueInput) error {
	no, day, err := d.parseIssue(in)
	if err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionIssue, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, docID, ActionIssue); err != nil {
			return err
		}
		v, err := tx.InvoiceHeader(ctx, docID)
		if err != nil {
			return err
		}
		if seen != 0 && v.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionIssue}
		}
		if err := numberFree(ctx, tx, no); err != nil {
			return err
		}
		if err := tx.InsertInvoiceIssue(ctx, d.User.ID, docID, v.CustomerID, store.InvoiceIssue{
			InvoiceNo: no, IssuedOn: day, DueOn: InvoiceDueOn(day, v.PaymentTerms, v.TermsDays), Amount: v.Total}); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, seen: 0, action: ActionIssue, internal: true}, changes)
	})
}

// parseIssue reads finance's issue form: a number in a form the tax
// system gives, and the day (blank: today; never in the future).
func (d *Desk) parseIssue(in IssueInput) (no, day string, err error) {
	var errs FieldErrors
	no, fe := ParseInvoiceNo(in.InvoiceNo)
	if fe != nil {
		errs = append(errs, fe)
	}
	day, fe = ParseDayField(FIssuedOn, in.IssuedOn, d.e.today(), NotFuture)
	if fe != nil {
		errs = append(errs, fe)
	}
	if day == "" {
		day = d.e.todayString()
	}
	if len(errs) > 0 {
		return no, day, errs
	}
	return no, day, nil
}

// numberFree refuses at the field a number already given, to an invoice
// or a credit.
func numberFree(ctx context.Context, tx *store.Tx, no string) error {
	taken, err := tx.InvoiceNoTaken(ctx, no)
	if err == nil && taken {
		err = FieldErrors{{Field: FInvoiceNo, Code: NumberTaken}}
	}
	return err
}

// MailInput is the day the desk mailed an invoice and the post's number.
type MailInput struct {
	MailedOn string // "" for today
	Tracking string
}

// MailInvoice records that an issued invoice was mailed to the customer.
func (d *Desk) MailInvoice(ctx context.Context, docID, seen int64, in MailInput) error {
	var errs FieldErrors
	day, fe := ParseDayField(FMailedOn, in.MailedOn, d.e.today(), NotFuture)
	if fe != nil {
		errs = append(errs, fe)
	}
	if day == "" {
		day = d.e.todayString()
	}
	if fe := CheckText(FTracking, in.Tracking, false, MaxName); fe != nil {
		errs = append(errs, fe)
	}
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, ActionMail, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, docID, ActionMail); err != nil {
			return err
		}
		v, err := tx.Invoice(ctx, docID)
		if err != nil {
			return err
		}
		if seen != 0 && v.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionMail}
		}
		if v.Issue != nil && day < v.Issue.IssuedOn {
			return FieldErrors{{Field: FMailedOn, Code: DateOrder, Want: v.Issue.IssuedOn}}
		}
		if err := tx.InsertInvoiceMailing(ctx, d.User.ID, docID, store.InvoiceMailing{MailedOn: day, Tracking: CleanText(in.Tracking, false)}); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, action: ActionMail, internal: true}, changes)
	})
}
