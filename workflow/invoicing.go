package workflow

import (
	"context"

	"orderdesk/store"
)

// Field names of the invoicing forms.
const (
	FInvoiceNo = "invoice_no"
	FIssuedOn  = "issued_on"
	FMailedOn  = "mailed_on"
	FTracking  = "tracking"
	FPayer     = "payer"
	FCustomer  = "customer"
	FOrder     = "order"
	FShipped   = "shipped" // a line's shipped quantity still to invoice (shown, not typed)
	FNoteRef   = "note_ref"
	FOpenAmt   = "open_amount" // an invoice's open amount (shown)
	FDueOn     = "due_on"
)

// Field problems of invoicing.
const (
	NumberTaken    FieldCode = "number_taken"     // an invoice number finance already gave
	OverUninvoiced FieldCode = "over_uninvoiced"  // more than shipped and not yet invoiced; Want holds what is left
	OverOpenAmount FieldCode = "over_open_amount" // more than an invoice has open; Want holds it
	OverReceipt    FieldCode = "over_receipt"     // allocations adding up to more than the receipt has on account; Want holds it
)

// Refusals of invoicing.
const (
	OverInvoiced     Code = "over_invoiced"     // more than shipped and not yet invoiced (the database's word)
	LineNotShipped   Code = "line_not_shipped"  // an invoice line of a note not shipped, or of another order
	IssueMissing     Code = "issue_missing"     // "issue" without finance's number
	MailingMissing   Code = "mailing_missing"   // "mail" without the day
	OverAllocated    Code = "over_allocated"    // beyond the invoice's open amount (the database's word)
	ReceiptExhausted Code = "receipt_exhausted" // beyond what the receipt has on account
	NotOpen          Code = "not_open"          // allocated to an invoice not issued, void, or of another customer or order
	FutureDay        Code = "date_in_future"    // a day not yet come (the database's word)
	DateBeforeIssue  Code = "date_before_issue" // mailed or allocated before the invoice was issued or the money came
)

// Permissions of invoicing.
const (
	EditInvoices   Permission = "edit_invoices"   // draft invoice requests, record mailing
	RecordReceipts Permission = "record_receipts" // record money received and allocate it
)

// InvoiceInput is an invoice request's form as typed.
type InvoiceInput struct {
	OrderID int64
	Notes   string
	Lines   []InvoiceLineInput
}

// InvoiceLineInput is one shipped delivery line's part on the request:
// an empty or zero quantity leaves it off. Weight in tonnes; empty, it
// is the shipped weight pro rata (all that is left for the whole
// quantity left, so parts add up exactly).
type InvoiceLineInput struct {
	ID             int64
	DeliveryLineID int64
	Quantity       string
	Weight         string
}

// NewInvoiceInput starts a request of an order with every shipped
// quantity not yet invoiced filled in, and returns the shipped lines as
// they stand.
func (d *Desk) NewInvoiceInput(ctx context.Context, orderID int64) (in InvoiceInput, lines []store.Invoiceable, err error) {
	if err = permit(d.User, EditInvoices, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if lines, err = tx.InvoiceableLines(ctx, orderID, 0); err != nil {
			return err
		}
		in = InvoiceInput{OrderID: orderID}
		for _, l := range lines {
			if l.OpenQty() > 0 {
				in.Lines = append(in.Lines, InvoiceLineInput{DeliveryLineID: l.DeliveryLineID, Quantity: l.OpenQty().String(), Weight: l.OpenWeight().String()})
			}
		}
		return nil
	})
	return in, lines, err
}

// InvoiceLinesFor lists an order's shipped lines with what other
// invoices than except hold of them (for the form of a request).
func (d *Desk) InvoiceLinesFor(ctx context.Context, orderID, except int64) (lines []store.Invoiceable, err error) {
	if err = permit(d.User, EditInvoices, ""); err != nil {
		return
	}
	lines, err = read(ctx, d.e, func(tx *store.Tx) ([]store.Invoiceable, error) { return tx.InvoiceableLines(ctx, orderID, except) })
	return lines, err
}

// buildInvoice checks a request's form against the order's shipped
// lines (what invoice own holds left out) and returns the invoice with
// its lines, amounts and total. Lines are numbered as typed (1-based).
func (d *Desk) buildInvoice(ctx context.Context, tx *store.Tx, in InvoiceInput, own int64) (store.Invoice, error) {
	var v store.Invoice
	o, err := tx.OrderHeader(ctx, in.OrderID)
	if err != nil {
		return v, err
	}
	if _, err := d.customerFor(ctx, tx, o.CustomerID, "save"); err != nil {
		return v, err
	}
	shipped, err := tx.InvoiceableLines(ctx, in.OrderID, own)
	if err != nil {
		return v, err
	}
	byID := map[int64]store.Invoiceable{}
	for _, l := range shipped {
		byID[l.DeliveryLineID] = l
	}
	v = store.Invoice{OrderDoc: store.DrawnFrom(o), Notes: CleanText(in.Notes, true)}
	var errs FieldErrors
	if fe := CheckText(FNote, in.Notes, false, 2000); fe != nil {
		errs = append(errs, fe)
	}
	seen := map[int64]bool{}
	for i, li := range in.Lines {
		no := i + 1
		sl, ok := byID[li.DeliveryLineID]
		if !ok || seen[li.DeliveryLineID] {
			errs = append(errs, &FieldError{Field: FLine, Line: no, Code: InvalidChoice})
			continue
		}
		seen[li.DeliveryLineID] = true
		q, w, skip, fe := parsePart(no, li.Quantity, li.Weight, partLimit{Unit: sl.Unit, OpenQty: sl.OpenQty(), OpenWeight: sl.OpenWeight(),
			Qty: sl.ShippedQty, Weight: sl.ShippedWeight, Over: OverUninvoiced, CapWeight: true})
		if fe != nil {
			errs = append(errs, fe)
		}
		if skip || fe != nil {
			continue
		}
		v.Lines = append(v.Lines, store.InvoiceLine{ID: li.ID, DeliveryLineID: sl.DeliveryLineID, OrderLineID: sl.OrderLineID,
			Part: store.Part{Qty: q, Weight: w, Amount: store.InvoiceLineAmount(sl.Price, sl.Basis, q, w)}})
	}
	if len(errs) > 0 {
		return v, errs
	}
	if len(v.Lines) == 0 {
		return v, FieldErrors{{Field: FQuantity, Line: 1, Code: Required}}
	}
	v.Total = store.InvoiceTotal(v.Lines)
	return v, nil
}

// CreateInvoice drafts an invoice request of an order's shipped lines.
func (d *Desk) CreateInvoice(ctx context.Context, in InvoiceInput) (id int64, err error) {
	return d.createFromOrder(ctx, EditInvoices, store.InvoiceKind, in.OrderID, func(tx *store.Tx) (int64, error) {
		v, err := d.buildInvoice(ctx, tx, in, 0)
		if err != nil {
			return 0, err
		}
		id, _, err := tx.CreateInvoice(ctx, d.User.ID, Invoice.Initial(), v)
		return id, err
	})
}

// UpdateInvoice saves a draft (or a request sent back) typed over orig;
// if anyone changed it since, a *store.ConflictError says so.
func (d *Desk) UpdateInvoice(ctx context.Context, orig store.Invoice, in InvoiceInput) error {
	in.OrderID = orig.OrderID
	head := func(tx *store.Tx) (draftHead, error) {
		cur, err := tx.InvoiceHeader(ctx, orig.DocID)
		return draftHead{Ref: cur.Ref, Maker: cur.Maker, Status: cur.Status, Version: cur.Version}, err
	}
	return d.updateFromOrder(ctx, EditInvoices, store.InvoiceKind, orig.DocID, orig.OrderID, orig.Version, head, func(tx *store.Tx) error {
		v, err := d.buildInvoice(ctx, tx, in, orig.DocID)
		if err != nil {
			return err
		}
		err = syncParts(v.Lines, lineParts[store.InvoiceLine]{
			lines: func() ([]store.InvoiceLine, error) { return tx.InvoiceLines(ctx, orig.DocID, true) },
			key:   func(l store.InvoiceLine) int64 { return l.DeliveryLineID },
			part:  func(l *store.InvoiceLine) *store.Part { return &l.Part },
			save:  func(l store.InvoiceLine) error { return tx.UpdateInvoiceLine(ctx, d.User.ID, l) },
			add: func(l store.InvoiceLine) error {
				_, err := tx.AddInvoiceLine(ctx, d.User.ID, orig.DocID, l)
				return err
			},
		})
		if err != nil {
			return err
		}
		return tx.UpdateInvoice(ctx, d.User.ID, orig.DocID, v.Total, v.Notes)
	})
}

// SubmitInvoice sends a draft (or a request sent back) for the second
// person's check against the order, as of version seen.
func (d *Desk) SubmitInvoice(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// CheckInvoice is the second person's sign-off of a request against the
// order (开票双人复核): never its maker or an editor of this round.
func (d *Desk) CheckInvoice(ctx context.Context, docID, seen int64) error {
	return d.ActOn(ctx, docID, seen, ActionApprove, "")
}

// SendBackInvoice returns a request to its maker with the reason (the
// checker, or finance before it issues).
func (d *Desk) SendBackInvoice(ctx context.Context, docID, seen int64, reason string) error {
	return d.actWithReason(ctx, docID, seen, ActionSendBack, reason)
}

// VoidInvoice cancels a request, or (finance) an issued invoice, with the
// reason; what it held of the shipments is open to invoice again and what
// was allocated to it is on account again.
func (d *Desk) VoidInvoice(ctx context.Context, docID, seen int64, reason string) error {
	return d.actWithReason(ctx, docID, seen, ActionVoid, reason)
}
