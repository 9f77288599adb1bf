package store

import (
	"context"
	"database/sql"
	"time"
)

// InvoiceKind is the document kind of an invoice request and the invoice
// it becomes (销售专用发票).
const InvoiceKind = "invoice"

// Receipt methods (收款方式).
const (
	MethodBank  = "bank"  // 银行转账
	MethodBill  = "bill"  // 承兑汇票
	MethodCash  = "cash"  // 现金
	MethodOther = "other" // 其他
)

// ReceiptMethods lists the methods in the order forms offer them.
var ReceiptMethods = []string{MethodBank, MethodBill, MethodCash, MethodOther}

// Invoice is one invoice request of an order, with its issue, its
// mailing and what was allocated to it.
type Invoice struct {
	OrderDoc
	Total     Money
	Notes     string
	Lines     []InvoiceLine
	Issue     *InvoiceIssue
	Mailing   *InvoiceMailing
	Allocated Money
}

// Open is what is still to be paid of an issued invoice.
func (i Invoice) Open() Money { return i.Total - i.Allocated }

// InvoiceLine invoices part of a delivery line's shipped quantity.
type InvoiceLine struct {
	ID             int64
	DocID          int64
	LineNo         int
	DeliveryLineID int64
	OrderLineID    int64
	NoteID         int64
	NoteRef        string
	OrderLineNo    int
	OrderItem
	Part
}

// InvoiceIssue is finance's issue of an invoice.
type InvoiceIssue struct {
	InvoiceNo string
	IssuedOn  string
	DueOn     string
	Amount    Money
	ByID      int64
	By        string
	At        time.Time
}

// InvoiceMailing is the day the desk mailed an invoice.
type InvoiceMailing struct {
	MailedOn string
	Tracking string
	By       string
	At       time.Time
}

// Invoiceable is a shipped delivery line with what invoices in play (not
// void) hold of it. Shipped is what the warehouse loaded.
type Invoiceable struct {
	DeliveryLineID int64
	NoteID         int64
	NoteRef        string
	OrderLineID    int64
	OrderLineNo    int
	OrderItem
	ShippedQty     Milli
	ShippedWeight  Milli
	InvoicedQty    Milli
	InvoicedWeight Milli
}

// OpenQty is the shipped quantity no invoice holds yet.
func (l Invoiceable) OpenQty() Milli { return l.ShippedQty - l.InvoicedQty }

// OpenWeight is the shipped weight no invoice holds yet.
func (l Invoiceable) OpenWeight() Milli { return l.ShippedWeight - l.InvoicedWeight }

// InvoiceableLines lists the shipped lines of an order's notes (in
// transit or delivered) with what invoices hold of them, leaving out the
// lines of invoice except (0: none), so an invoice being edited sees its
// own quantities as open.
func (t *Tx) InvoiceableLines(ctx context.Context, orderID, except int64) ([]Invoiceable, error) {
	return queryAll(ctx, t, func(sc scanner) (Invoiceable, error) {
		var l Invoiceable
		var price sql.NullInt64
		err := sc.Scan(&l.DeliveryLineID, &l.NoteID, &l.NoteRef, &l.OrderLineID, &l.OrderLineNo, &l.Grade, &l.Name, &l.Spec, &l.Unit,
			&l.Basis, &price, &l.ShippedQty, &l.ShippedWeight, &l.InvoicedQty, &l.InvoicedWeight)
		l.Price = Money(price.Int64)
		return l, err
	}, `SELECT dl.id, n.doc_id, nd.ref, l.id, l.line_no, l.grade, l.name, l.spec, l.unit, l.price_basis, l.price,
	       b.qty, b.weight,
	       coalesce((SELECT sum(il.qty) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
	                  WHERE il.delivery_line_id = dl.id AND il.removed = 0 AND d.status <> 'void' AND il.doc_id <> ?2), 0),
	       coalesce((SELECT sum(il.weight) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
	                  WHERE il.delivery_line_id = dl.id AND il.removed = 0 AND d.status <> 'void' AND il.doc_id <> ?2), 0)
	  FROM delivery_notes n JOIN documents nd ON nd.id = n.doc_id JOIN delivery_lines dl ON dl.doc_id = n.doc_id
	  JOIN order_lines l ON l.id = dl.order_line_id JOIN delivery_line_billed b ON b.id = dl.id
	 WHERE n.order_doc_id = ?1 AND nd.status IN ('in_transit', 'delivered') AND dl.removed = 0
	 ORDER BY n.doc_id, dl.line_no`, orderID, except)
}

// InvoiceLineAmount is a line's amount at the order's price: price times
// the weight in tonnes or the quantity, rounded half up to the fen (the
// database checks the same).
func InvoiceLineAmount(price Money, basis string, qty, weight Milli) Money {
	b := int64(qty)
	if basis == "weight" {
		b = int64(weight)
	}
	return Money((int64(price)*b + 500) / 1000)
}

// CreateInvoice opens an invoice request of an order in status with its
// lines (amounts worked out by the caller) and returns its id and
// reference (KP2026-000001).
func (t *Tx) CreateInvoice(ctx context.Context, by int64, status string, inv Invoice) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "KP", Document{Kind: InvoiceKind, Status: status, SubjectID: inv.CustomerID, Summary: inv.Customer})
	if err != nil {
		return 0, "", err
	}
	inv.Total = InvoiceTotal(inv.Lines)
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO invoices(doc_id, order_doc_id, customer_id, total, notes, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, docID, inv.OrderID, inv.CustomerID, inv.Total, inv.Notes, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range inv.Lines {
		if _, err := t.AddInvoiceLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, nil
}

// InvoiceTotal adds the amounts of the kept lines.
func InvoiceTotal(lines []InvoiceLine) Money { return partsTotal(lines) }

// AddInvoiceLine appends a line with the next line number.
func (t *Tx) AddInvoiceLine(ctx context.Context, by, docID int64, l InvoiceLine) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO invoice_lines(doc_id, line_no, delivery_line_id, order_line_id, qty, weight, amount, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM invoice_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, l.DeliveryLineID, l.OrderLineID, l.Qty, l.Weight, l.Amount, now, now, by)
}

// UpdateInvoiceLine saves a line's quantity, weight and amount, or takes
// it out (removed).
func (t *Tx) UpdateInvoiceLine(ctx context.Context, by int64, l InvoiceLine) error {
	return t.savePart(ctx, "invoice_lines", by, l.ID, l.DocID, l.Part)
}

// UpdateInvoice saves a request's total and notes.
func (t *Tx) UpdateInvoice(ctx context.Context, by, docID int64, total Money, notes string) error {
	res, err := t.exec(ctx, `UPDATE invoices SET total = ?, notes = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		total, notes, stamp(t.Now), by, docID)
	return affectedOne(res, err)
}

var invoiceCols = orderDocCols("i") + `, i.total, i.notes,
	coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = i.doc_id), 0)`

func scanInvoice(sc scanner) (Invoice, error) {
	var v Invoice
	err := scanOrderDoc(sc, &v.OrderDoc, &v.Total, &v.Notes, &v.Allocated)
	return v, err
}

// InvoiceHeader loads an invoice without its lines.
func (t *Tx) InvoiceHeader(ctx context.Context, docID int64) (Invoice, error) {
	return scanInvoice(t.row(ctx, `SELECT `+invoiceCols+` FROM invoices i`+orderDocJoins("i")+` WHERE i.doc_id = ?`, docID))
}

// Invoice loads an invoice with its kept lines, issue and mailing.
func (t *Tx) Invoice(ctx context.Context, docID int64) (Invoice, error) {
	v, err := t.InvoiceHeader(ctx, docID)
	if err != nil {
		return v, err
	}
	if v.Lines, err = t.InvoiceLines(ctx, docID, false); err != nil {
		return v, err
	}
	if v.Issue, err = t.InvoiceIssueOf(ctx, docID); err != nil {
		return v, err
	}
	v.Mailing, err = t.InvoiceMailingOf(ctx, docID)
	return v, err
}

// InvoiceLines lists an invoice's lines in order.
func (t *Tx) InvoiceLines(ctx context.Context, docID int64, withRemoved bool) ([]InvoiceLine, error) {
	return queryAll(ctx, t, func(sc scanner) (InvoiceLine, error) {
		var l InvoiceLine
		var price sql.NullInt64
		err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.DeliveryLineID, &l.OrderLineID, &l.NoteID, &l.NoteRef, &l.OrderLineNo,
			&l.Grade, &l.Name, &l.Spec, &l.Unit, &l.Basis, &price, &l.Qty, &l.Weight, &l.Amount, &l.Removed)
		l.Price = Money(price.Int64)
		return l, err
	}, `SELECT il.id, il.doc_id, il.line_no, il.delivery_line_id, il.order_line_id, dl.doc_id, nd.ref, l.line_no,
	       l.grade, l.name, l.spec, l.unit, l.price_basis, l.price, il.qty, il.weight, il.amount, il.removed
	  FROM invoice_lines il JOIN delivery_lines dl ON dl.id = il.delivery_line_id JOIN documents nd ON nd.id = dl.doc_id
	  JOIN order_lines l ON l.id = il.order_line_id
	 WHERE il.doc_id = ? AND (il.removed = 0 OR ?) ORDER BY il.line_no`, docID, withRemoved)
}

// InvoiceIssueOf returns an invoice's issue, or nil.
func (t *Tx) InvoiceIssueOf(ctx context.Context, docID int64) (*InvoiceIssue, error) {
	return optional(ctx, t, func(sc scanner) (InvoiceIssue, error) {
		var s InvoiceIssue
		var at string
		err := sc.Scan(&s.InvoiceNo, &s.IssuedOn, &s.DueOn, &s.Amount, &s.ByID, &s.By, &at)
		s.At = parseStamp(at)
		return s, err
	}, `SELECT s.invoice_no, s.issued_on, s.due_on, s.amount, s.issued_by, coalesce(u.name, ''), s.created_at
		  FROM invoice_issues s LEFT JOIN users u ON u.id = s.issued_by WHERE s.invoice_doc_id = ?`, docID)
}

// InvoiceMailingOf returns an invoice's mailing, or nil.
func (t *Tx) InvoiceMailingOf(ctx context.Context, docID int64) (*InvoiceMailing, error) {
	return optional(ctx, t, func(sc scanner) (InvoiceMailing, error) {
		var m InvoiceMailing
		var at string
		err := sc.Scan(&m.MailedOn, &m.Tracking, &m.By, &at)
		m.At = parseStamp(at)
		return m, err
	}, `SELECT x.mailed_on, x.tracking, coalesce(u.name, ''), x.created_at
		  FROM invoice_mailings x LEFT JOIN users u ON u.id = x.updated_by WHERE x.invoice_doc_id = ?`, docID)
}

// InvoiceNoTaken reports whether an invoice number was already given, to
// an invoice or a credit (one pool of numbers).
func (t *Tx) InvoiceNoTaken(ctx context.Context, no string) (bool, error) {
	var n int
	err := t.row(ctx, `SELECT (SELECT count(*) FROM invoice_issues WHERE invoice_no = ?1)
	                        + (SELECT count(*) FROM credit_issues WHERE credit_no = ?1)`, no).Scan(&n)
	return n > 0, err
}

// InsertInvoiceIssue records finance's issue; the transition follows.
func (t *Tx) InsertInvoiceIssue(ctx context.Context, by, docID, customerID int64, s InvoiceIssue) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO invoice_issues(invoice_doc_id, invoice_no, customer_id, amount, issued_on, due_on, issued_by,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, s.InvoiceNo, customerID, s.Amount, s.IssuedOn, s.DueOn, by, now, now, by)
	return classify(err)
}

// InsertInvoiceMailing records the day an invoice was mailed.
func (t *Tx) InsertInvoiceMailing(ctx context.Context, by, docID int64, m InvoiceMailing) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO invoice_mailings(invoice_doc_id, mailed_on, tracking, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?)`, docID, m.MailedOn, m.Tracking, now, now, by)
	return classify(err)
}
