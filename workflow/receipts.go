package workflow

import (
	"context"
	"slices"
	"strings"

	"orderdesk/store"
)

// ReceiptInput is finance's receipt form. OrderID earmarks a prepaid
// customer's payment for an order before there is an invoice: it is
// recorded as shipping's payment confirmation (so the payment gate reads
// it) and the database makes the receipt of it.
type ReceiptInput struct {
	CustomerID int64
	Customer   string // typed instead of CustomerID: the customer's name, short name or code
	OrderID    int64
	Order      string // typed instead of OrderID: the order's number
	Amount     string // yuan
	ReceivedOn string // "" for today
	Method     string // store.MethodBank, ...
	Payer      string
	Reference  string
}

// RecordReceipt records money received, as finance, and returns the
// receipt's id. A prepayment against an order releases the order's
// signed-off notes it now covers (货款到账立即签字准许装车发货).
func (d *Desk) RecordReceipt(ctx context.Context, in ReceiptInput) (id int64, err error) {
	if err := permit(d.User, RecordReceipts, "record_receipt"); err != nil {
		return 0, err
	}
	amount, day, errs := d.parseMoneyIn(in.Amount, in.ReceivedOn)
	method := strings.TrimSpace(in.Method)
	if method == "" {
		method = store.MethodBank
	}
	if !slices.Contains(store.ReceiptMethods, method) {
		errs = append(errs, &FieldError{Field: FMethod, Code: InvalidChoice})
	}
	for _, f := range []struct{ name, v string }{{FPayer, in.Payer}, {FReference, in.Reference}} {
		if fe := CheckText(f.name, f.v, false, MaxName); fe != nil {
			errs = append(errs, fe)
		}
	}
	if in.CustomerID == 0 {
		id, fe := d.findCustomer(ctx, in.Customer)
		if fe != nil {
			errs = append(errs, fe)
		}
		in.CustomerID = id
	}
	if len(errs) > 0 {
		return 0, errs
	}
	var changes []Change
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		changes = append(changes[:0], Change{Kind: ReceiptKind})
		c, err := tx.Customer(ctx, in.CustomerID)
		if err != nil {
			return err
		}
		payer := CleanText(in.Payer, false)
		if payer == "" {
			payer = c.Name
		}
		if in.OrderID == 0 && strings.TrimSpace(in.Order) != "" {
			oid, err := tx.DocumentByRef(ctx, store.OrderKind, strings.ToUpper(NormalizeDigits(in.Order)))
			if err != nil {
				return FieldErrors{{Field: FOrder, Code: InvalidChoice}}
			}
			in.OrderID = oid
		}
		if in.OrderID == 0 {
			id, err = tx.InsertReceipt(ctx, d.User.ID, store.Receipt{CustomerID: c.ID, ReceivedOn: day, Amount: amount, Method: method,
				Payer: payer, Reference: CleanText(in.Reference, false)})
			return err
		}
		o, err := tx.OrderHeader(ctx, in.OrderID)
		if err != nil {
			return err
		}
		if o.CustomerID != c.ID {
			return FieldErrors{{Field: FOrder, Code: InvalidChoice}}
		}
		cid, err := tx.ConfirmPayment(ctx, d.User.ID, store.PaymentConfirmation{CustomerID: c.ID, OrderID: o.DocID, Amount: amount,
			ReceivedOn: day, Method: method, Reference: CleanText(in.Reference, false)})
		if err != nil {
			return err
		}
		if id, err = tx.ReceiptOfConfirmation(ctx, cid); err != nil {
			return err
		}
		changes = append(changes, Change{Kind: store.OrderKind, ID: o.DocID})
		return d.releasePaidNotes(ctx, tx, o.DocID, &changes)
	})
	if err != nil {
		return 0, refusalFromStore(err, "record_receipt")
	}
	d.e.publish(changes)
	return id, nil
}

// releasePaidNotes releases, as this finance user, the order's notes
// waiting at the gate that its payments now cover, oldest first.
func (d *Desk) releasePaidNotes(ctx context.Context, tx *store.Tx, orderID int64, changes *[]Change) error {
	notes, err := tx.DeliveriesOfOrder(ctx, orderID)
	if err != nil {
		return err
	}
	for _, nr := range notes {
		if nr.Status != "approved" || nr.PaymentTerms != store.TermsPrepaid {
			continue
		}
		n, err := tx.DeliveryHeader(ctx, nr.ID)
		if err != nil {
			return err
		}
		g, err := d.e.gate(ctx, tx, n, d.User)
		if err != nil {
			return err
		}
		if g.Basis != store.BasisPrepaid {
			continue
		}
		if err := d.e.releaseTx(ctx, tx, d.User, n.DocID, 0, 0, "", changes); err != nil {
			return err
		}
	}
	return nil
}

// AllocationLine is one open invoice offered to a receipt, with the
// amount proposed.
type AllocationLine struct {
	Invoice store.InvoiceRow
	Amount  store.Money
}

// AllocationPlan offers a receipt's money on account to the customer's
// open invoices (of the earmarked order only, for a prepayment) and its
// opening balance (not to a prepayment), oldest due first, each filled
// up until the money runs out.
func (d *Desk) AllocationPlan(ctx context.Context, receiptID int64) (r store.Receipt, lines []AllocationLine, err error) {
	if err = permit(d.User, SeeMoney, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if r, err = tx.Receipt(ctx, receiptID); err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, r.RepID) {
			return &Refusal{Code: NotYourCustomer, Action: "allocate"}
		}
		open, err := tx.InvoiceRows(ctx, store.InvoiceFilter{CustomerID: r.CustomerID, OpenOnly: true, ByDue: true, Limit: 5000})
		if err != nil {
			return err
		}
		if open, err = withOpeningRow(ctx, tx, r, open); err != nil {
			return err
		}
		left := r.Unallocated()
		for _, v := range open {
			if r.OrderID != 0 && v.OrderID != r.OrderID {
				continue
			}
			amt := min(left, v.Open())
			left -= amt
			lines = append(lines, AllocationLine{Invoice: v, Amount: amt})
		}
		return nil
	})
	return r, lines, err
}

// AllocationInput is an amount (yuan) of a receipt for one invoice;
// empty or zero leaves the invoice out.
type AllocationInput struct {
	InvoiceID int64
	Amount    string
}

// Allocate puts parts of a receipt against invoices (or the customer's
// opening balance, by its batch's id), as finance, today.
// Each amount is at most the invoice's open amount and together at most
// what the receipt has on account; problems are named per line (1-based,
// in the order given).
func (d *Desk) Allocate(ctx context.Context, receiptID int64, in []AllocationInput) error {
	if err := permit(d.User, RecordReceipts, "allocate"); err != nil {
		return err
	}
	amounts, errs := allocationAmounts(in)
	if len(errs) > 0 {
		return errs
	}
	today := d.e.todayString()
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		r, err := tx.Receipt(ctx, receiptID)
		if err != nil {
			return err
		}
		left := r.Unallocated()
		var errs FieldErrors
		for i, a := range in {
			if amounts[i] == 0 {
				continue
			}
			allowed, open, err := allocationTarget(ctx, tx, r, a.InvoiceID)
			if err != nil {
				return err
			}
			switch {
			case !allowed:
				errs = append(errs, &FieldError{Field: FInvoiceNo, Line: i + 1, Code: InvalidChoice})
			case amounts[i] > open:
				errs = append(errs, &FieldError{Field: FAmount, Line: i + 1, Code: OverOpenAmount, Want: open.Plain()})
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
			if _, err := tx.InsertAllocation(ctx, d.User.ID, receiptID, a.InvoiceID, amounts[i], max(today, r.ReceivedOn)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return refusalFromStore(err, "allocate")
	}
	changes := []Change{{Kind: ReceiptKind}}
	for _, a := range in {
		changes = append(changes, Change{Kind: store.InvoiceKind, ID: a.InvoiceID})
	}
	d.e.publish(changes)
	return nil
}

// allocationAmounts reads the amounts typed on an allocation form, by
// line; a blank or zero one leaves its invoice out.
func allocationAmounts(in []AllocationInput) ([]store.Money, FieldErrors) {
	amounts := make([]store.Money, len(in))
	var errs FieldErrors
	for i, a := range in {
		if s := strings.TrimSpace(a.Amount); s == "" || s == "0" {
			continue
		}
		m, fe := ParseMoneyField(FAmount, a.Amount)
		if fe == nil && m < 0 {
			fe = &FieldError{Field: FAmount, Code: Negative}
		}
		if fe != nil {
			fe.Line = i + 1
			errs = append(errs, fe)
			continue
		}
		amounts[i] = m
	}
	return amounts, errs
}

// findCustomer resolves a typed customer: its exact name, short name or
// code, or the only customer the words find.
func (d *Desk) findCustomer(ctx context.Context, typed string) (int64, *FieldError) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return 0, &FieldError{Field: FCustomer, Code: Required}
	}
	rows, err := d.Customers(ctx, store.Page{Query: typed, Limit: 20})
	if err != nil {
		return 0, &FieldError{Field: FCustomer, Code: InvalidChoice}
	}
	for _, r := range rows {
		if r.Name == typed || r.ShortName == typed || strings.EqualFold(r.Code, typed) {
			return r.ID, nil
		}
	}
	if len(rows) == 1 {
		return rows[0].ID, nil
	}
	return 0, &FieldError{Field: FCustomer, Code: InvalidChoice}
}

// parseMoneyIn reads the amount of money that came in (required,
// positive) and the day it came (not in the future; blank is today).
func (d *Desk) parseMoneyIn(amountText, dayText string) (amount store.Money, day string, errs FieldErrors) {
	amount, fe := ParseMoneyField(FAmount, amountText)
	if fe == nil && strings.TrimSpace(amountText) == "" {
		fe = &FieldError{Field: FAmount, Code: Required}
	}
	if fe == nil && amount <= 0 {
		fe = &FieldError{Field: FAmount, Code: NotPositive}
	}
	if fe != nil {
		errs = append(errs, fe)
	}
	day, fe = ParseDayField(FReceivedOn, dayText, d.e.today(), NotFuture)
	if fe != nil {
		errs = append(errs, fe)
	}
	if day == "" {
		day = d.e.todayString()
	}
	return amount, day, errs
}
