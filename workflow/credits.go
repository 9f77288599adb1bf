package workflow

import (
	"context"
	"slices"
	"strings"

	"orderdesk/store"
)

// Problems of credits (红字发票).
const (
	// OverCreditable: more than the invoice (or its line) has left to
	// credit after the credits in play; Want holds what is left.
	OverCreditable FieldCode = "over_creditable"
	// OverCredited is the database's word for the same.
	OverCredited Code = "over_credited"
	// Credited: an invoice with credits in play is voided only after them.
	Credited Code = "credited"
)

// CreditInput is a credit's form as typed: an allowance (Amount, in
// yuan) or a return (Lines: the invoice's lines with the quantity and
// weight that came back; a blank or zero quantity leaves a line off), and
// the reason either way.
type CreditInput struct {
	InvoiceID int64
	Reason    string
	Amount    string
	Lines     []CreditLineInput
}

// CreditLineInput is one invoice line's returned part. Weight in tonnes;
// blank, it is the line's weight pro rata.
type CreditLineInput struct {
	InvoiceLineID int64
	Quantity      string
	Weight        string
}

// returns reports whether the form returns goods (any line with a
// quantity) rather than allowing an amount.
func (in CreditInput) returns() bool {
	for _, l := range in.Lines {
		if s := strings.TrimSpace(l.Quantity); s != "" && s != "0" {
			return true
		}
	}
	return false
}

// CreditBasis is what a credit form starts from: the original invoice,
// its lines with what earlier credits returned of them, and what is left
// to credit of the whole.
type CreditBasis struct {
	Invoice store.Invoice
	Lines   []store.Creditable
	Left    store.Money
}

// NewCreditInput starts a credit of an issued invoice, with the invoice
// and what is left to credit of it and of each line.
func (d *Desk) NewCreditInput(ctx context.Context, invoiceID int64) (in CreditInput, b CreditBasis, err error) {
	if err = permit(d.User, EditInvoices, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		b, err = d.creditBasis(ctx, tx, invoiceID, 0)
		return err
	})
	in = CreditInput{InvoiceID: invoiceID}
	for _, l := range b.Lines {
		in.Lines = append(in.Lines, CreditLineInput{InvoiceLineID: l.ID})
	}
	return in, b, err
}

// creditBasis reads an issued invoice for a credit, leaving credit own
// (0: none) out of what was credited before.
func (d *Desk) creditBasis(ctx context.Context, tx *store.Tx, invoiceID, own int64) (CreditBasis, error) {
	var b CreditBasis
	v, err := tx.Invoice(ctx, invoiceID)
	if err != nil {
		return b, err
	}
	if err := d.moneyOf(v.RepID); err != nil {
		return b, err
	}
	if v.Issue == nil || (v.Status != "issued" && v.Status != "mailed") {
		return b, &Refusal{Code: NotOpen, Action: "credit"}
	}
	credited, err := tx.InvoiceCredited(ctx, invoiceID, own)
	if err != nil {
		return b, err
	}
	lines, err := tx.CreditableLines(ctx, invoiceID, own)
	return CreditBasis{Invoice: v, Lines: lines, Left: v.Issue.Amount - credited}, err
}

// buildCredit checks a credit's form against its invoice and returns the
// credit with its lines and total.
func (d *Desk) buildCredit(ctx context.Context, tx *store.Tx, in CreditInput, own int64) (store.Credit, error) {
	b, err := d.creditBasis(ctx, tx, in.InvoiceID, own)
	if err != nil {
		return store.Credit{}, err
	}
	c := store.Credit{InvoiceID: in.InvoiceID, CustomerID: b.Invoice.CustomerID, Customer: b.Invoice.Customer,
		Reason: CleanText(in.Reason, true), Basis: store.CreditAllowance}
	var errs FieldErrors
	if fe := CheckText(FReason, in.Reason, true, 2000); fe != nil {
		errs = append(errs, fe)
	}
	if in.returns() {
		c.Basis = store.CreditReturn
		byID := map[int64]store.Creditable{}
		for _, l := range b.Lines {
			byID[l.ID] = l
		}
		seen := map[int64]bool{}
		for i, li := range in.Lines {
			no := i + 1
			l, ok := byID[li.InvoiceLineID]
			if !ok || seen[li.InvoiceLineID] {
				errs = append(errs, &FieldError{Field: FLine, Line: no, Code: InvalidChoice})
				continue
			}
			seen[li.InvoiceLineID] = true
			q, w, skip, fe := parsePart(no, li.Quantity, li.Weight, creditLimit(l))
			if fe != nil {
				errs = append(errs, fe)
			}
			if skip || fe != nil {
				continue
			}
			part := store.Part{Qty: q, Weight: w, Amount: store.InvoiceLineAmount(l.Price, l.Basis, q, w)}
			c.Lines = append(c.Lines, store.CreditLine{InvoiceLineID: l.ID, OrderItem: l.OrderItem, Part: part})
			c.Total += part.Amount
		}
	} else {
		amt, fe := ParseMoneyField(FAmount, in.Amount)
		switch {
		case fe != nil:
		case strings.TrimSpace(in.Amount) == "" || amt == 0:
			fe = &FieldError{Field: FAmount, Code: Required}
		case amt < 0:
			fe = &FieldError{Field: FAmount, Code: Negative}
		}
		if fe != nil {
			errs = append(errs, fe)
		}
		c.Total = amt
	}
	if len(errs) == 0 && c.Total > b.Left {
		errs = append(errs, &FieldError{Field: FAmount, Code: OverCreditable, Want: max(b.Left, 0).Plain()})
	}
	if len(errs) > 0 {
		return c, errs
	}
	return c, nil
}

// creditLimit is what a credit may return of an invoice line.
func creditLimit(l store.Creditable) partLimit {
	return partLimit{Unit: l.Unit, OpenQty: l.OpenQty(), OpenWeight: l.OpenWeight(),
		Qty: l.Qty, Weight: l.Weight, Over: OverCreditable, CapWeight: true}
}

// CreateCredit drafts a credit of an issued invoice and returns its id.
func (d *Desk) CreateCredit(ctx context.Context, in CreditInput) (id int64, err error) {
	if err := permit(d.User, EditInvoices, ""); err != nil {
		return 0, err
	}
	err = d.writeAndPublish(ctx, "save", func(tx *store.Tx, changes *[]Change) error {
		c, err := d.buildCredit(ctx, tx, in, 0)
		if err != nil {
			return err
		}
		if id, _, err = tx.CreateCredit(ctx, d.User.ID, CreditNote.Initial(), c); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.CreditKind, ID: id}, Change{Kind: store.InvoiceKind, ID: in.InvoiceID})
		return nil
	})
	return id, err
}

// DraftReturnCredit drafts the credits of what came back on a received
// return (退货单) of invoiced goods: one against each issued invoice that
// billed its note lines, for what came back of them that no credit in
// play returns yet. It is how a return of invoiced goods reaches the
// invoices; the return itself already took the goods off what shipped,
// so its credits come off what was invoiced only. Each is checked and
// issued like any credit.
func (d *Desk) DraftReturnCredit(ctx context.Context, returnID int64) (ids []int64, err error) {
	if err := permit(d.User, EditInvoices, ""); err != nil {
		return nil, err
	}
	err = d.writeAndPublish(ctx, "save", func(tx *store.Tx, changes *[]Change) error {
		r, err := tx.GoodsReturn(ctx, returnID)
		if err != nil {
			return err
		}
		if r.Receipt == nil {
			return &Refusal{Code: NotReceived, Action: "credit"}
		}
		invoices, err := tx.InvoicesOfReturn(ctx, returnID)
		if err != nil {
			return err
		}
		back := map[int64]store.Part{}
		for _, l := range r.Lines {
			back[l.DeliveryLineID] = l.Part
		}
		for _, inv := range invoices {
			b, err := d.creditBasis(ctx, tx, inv, 0)
			if err != nil {
				return err
			}
			in := CreditInput{InvoiceID: inv, Reason: r.Ref + " " + r.Reason}
			for _, l := range b.Lines {
				p, ok := back[l.DeliveryLineID]
				q := min(p.Qty, l.OpenQty())
				if !ok || q <= 0 {
					continue
				}
				w := min(p.Weight*q/p.Qty, l.OpenWeight())
				back[l.DeliveryLineID] = store.Part{Qty: p.Qty - q, Weight: p.Weight - w}
				in.Lines = append(in.Lines, CreditLineInput{InvoiceLineID: l.ID, Quantity: q.String(), Weight: w.String()})
			}
			if len(in.Lines) == 0 {
				continue
			}
			c, err := d.buildCredit(ctx, tx, in, 0)
			if err != nil {
				return err
			}
			id, _, err := tx.CreateCredit(ctx, d.User.ID, CreditNote.Initial(), c)
			if err != nil {
				return err
			}
			ids = append(ids, id)
			*changes = append(*changes, Change{Kind: store.CreditKind, ID: id}, Change{Kind: store.InvoiceKind, ID: inv})
		}
		if len(ids) == 0 {
			return &Refusal{Code: NotInvoiced, Action: "credit"}
		}
		return nil
	})
	return ids, err
}

// SubmitCredit sends a drafted credit for the second person's check.
func (d *Desk) SubmitCredit(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// CheckCredit is the second person's sign-off of a credit: never its
// maker or an editor of this round.
func (d *Desk) CheckCredit(ctx context.Context, docID, seen int64) error {
	return d.ActOn(ctx, docID, seen, ActionApprove, "")
}

// SendBackCredit returns a credit to its maker with the reason.
func (d *Desk) SendBackCredit(ctx context.Context, docID, seen int64, reason string) error {
	return d.actWithReason(ctx, docID, seen, ActionSendBack, reason)
}

// VoidCredit cancels a credit (finance, once issued: what it settled is
// open again).
func (d *Desk) VoidCredit(ctx context.Context, docID, seen int64, reason string) error {
	return d.actWithReason(ctx, docID, seen, ActionVoid, reason)
}

// IssueCredit issues a checked credit as finance, with the number the
// tax system gives (the forms of an invoice's, from the same pool), as of
// version seen; it then settles what is open of the original.
func (d *Desk) IssueCredit(ctx context.Context, docID, seen int64, in IssueInput) error {
	no, day, err := d.parseIssue(in)
	if err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionIssue, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, docID, ActionIssue); err != nil {
			return err
		}
		c, err := tx.CreditHeader(ctx, docID)
		if err != nil {
			return err
		}
		if seen != 0 && c.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionIssue}
		}
		inv, err := tx.InvoiceIssueOf(ctx, c.InvoiceID)
		if err != nil {
			return err
		}
		if inv != nil && day < inv.IssuedOn {
			return FieldErrors{{Field: FIssuedOn, Code: DateOrder, Want: inv.IssuedOn}}
		}
		if err := numberFree(ctx, tx, no); err != nil {
			return err
		}
		if err := tx.InsertCreditIssue(ctx, d.User.ID, docID, c.CustomerID, store.CreditIssue{CreditNo: no, IssuedOn: day, Amount: c.Total}); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, action: ActionIssue, internal: true}, changes)
	})
}

// AllocateCredit puts what an issued credit has on account against open
// invoices of its customer, as finance, today: each amount at most the
// invoice's open amount and together at most what the credit has on
// account; problems are named per line (1-based, in the order given).
func (d *Desk) AllocateCredit(ctx context.Context, creditID int64, in []AllocationInput) error {
	if err := permit(d.User, RecordReceipts, "allocate"); err != nil {
		return err
	}
	amounts, errs := allocationAmounts(in)
	if len(errs) > 0 {
		return errs
	}
	today := d.e.todayString()
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		c, err := tx.Credit(ctx, creditID)
		if err != nil {
			return err
		}
		if c.Status != "issued" || c.Issue == nil {
			return &Refusal{Code: NotOpen, Action: "allocate"}
		}
		left := c.OnAccount()
		for i, a := range in {
			if amounts[i] == 0 {
				continue
			}
			v, err := tx.InvoiceHeader(ctx, a.InvoiceID)
			switch {
			case err != nil || v.CustomerID != c.CustomerID || (v.Status != "issued" && v.Status != "mailed"):
				errs = append(errs, &FieldError{Field: FInvoiceNo, Line: i + 1, Code: InvalidChoice})
			case amounts[i] > v.Open():
				errs = append(errs, &FieldError{Field: FAmount, Line: i + 1, Code: OverOpenAmount, Want: v.Open().Plain()})
			case amounts[i] > left:
				errs = append(errs, &FieldError{Field: FAmount, Line: i + 1, Code: OverReceipt, Want: max(left, 0).Plain()})
			}
			left -= amounts[i]
		}
		if len(errs) > 0 {
			return errs
		}
		for i, a := range in {
			if amounts[i] == 0 {
				continue
			}
			if _, err := tx.InsertCreditAllocation(ctx, d.User.ID, creditID, a.InvoiceID, amounts[i], max(today, c.Issue.IssuedOn)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return refusalFromStore(err, "allocate")
	}
	changes := []Change{{Kind: ReceiptKind}, {Kind: store.CreditKind, ID: creditID}}
	for _, a := range in {
		changes = append(changes, Change{Kind: store.InvoiceKind, ID: a.InvoiceID})
	}
	d.e.publish(changes)
	return nil
}

// Credit loads a credit with its lines and issue.
func (d *Desk) Credit(ctx context.Context, docID int64) (c store.Credit, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	c, err = read(ctx, d.e, func(tx *store.Tx) (store.Credit, error) { return tx.Credit(ctx, docID) })
	if err == nil {
		err = d.moneyOf(c.RepID)
	}
	return c, err
}

// Credits lists credits newest first (those of customers whose money
// this user may not see are left out).
func (d *Desk) Credits(ctx context.Context, f store.CreditFilter) ([]store.Credit, error) {
	if err := permitScreen(d.User, ScreenInvoices); err != nil {
		return nil, err
	}
	rows, err := read(ctx, d.e, func(tx *store.Tx) ([]store.Credit, error) { return tx.Credits(ctx, f) })
	return slices.DeleteFunc(rows, func(c store.Credit) bool { return !SeesMoneyOf(d.User, c.RepID) }), err
}

// creditSummary is the 摘要 of a credit's statement line from what the
// ledger gives ("allowance 2026…"): what it was for and the original's
// number.
func creditSummary(s string) string {
	basis, no, _ := strings.Cut(s, " ")
	word := "红字发票 折让"
	if basis == store.CreditReturn {
		word = "红字发票 退货"
	}
	return strings.TrimSpace(word + " 原票 " + no)
}
