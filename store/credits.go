package store

import (
	"context"
	"database/sql"
	"time"
)

// CreditKind is the document kind of a credit invoice (红字发票): a return
// of invoiced goods or a price allowance against an issued invoice.
const CreditKind = "credit"

// What a credit is for.
const (
	CreditAllowance = "allowance" // an agreed price allowance (折让): an amount and why
	CreditReturn    = "return"    // invoiced goods came back (退货): lines of the invoice
)

// Credit is one credit of an issued invoice, with its issue and what it
// settled of open invoices.
type Credit struct {
	DocID      int64
	Ref        string
	Status     string
	Version    int64
	MakerID    int64
	Maker      string
	InvoiceID  int64
	InvoiceNo  string
	InvoiceRef string
	OrderNo    string
	CustomerID int64
	Customer   string
	RepID      int64
	Basis      string
	Reason     string
	Total      Money
	CreditNo   string // the number finance gave it; "" before its issue
	Lines      []CreditLine
	Issue      *CreditIssue
	Allocated  Money // settled of invoices
}

// OnAccount is what of an issued credit settles no invoice yet.
func (c Credit) OnAccount() Money { return c.Total - c.Allocated }

// CreditLine returns part of one line of the original invoice.
type CreditLine struct {
	ID            int64
	DocID         int64
	LineNo        int
	InvoiceLineID int64
	OrderItem
	Part
}

// CreditIssue is finance's issue of a credit.
type CreditIssue struct {
	CreditNo string
	IssuedOn string
	Amount   Money
	ByID     int64
	By       string
	At       time.Time
}

// Creditable is a line of an issued invoice with what credits in play
// (not void) return of it, and what of its note line came back on
// received returns (退货单) that no credit in play returns yet: a credit
// of goods is of goods that came back (0024_returns.sql).
type Creditable struct {
	InvoiceLine
	CreditedQty    Milli
	CreditedWeight Milli
	BackQty        Milli
	BackWeight     Milli
}

// OpenQty is the invoiced quantity no credit returns yet, within what
// came back and is not yet credited.
func (l Creditable) OpenQty() Milli { return min(l.Qty-l.CreditedQty, l.BackQty) }

// OpenWeight is the invoiced weight no credit returns yet, within what
// came back and is not yet credited.
func (l Creditable) OpenWeight() Milli { return min(l.Weight-l.CreditedWeight, l.BackWeight) }

// CreditableLines lists an invoice's lines with what credits other than
// except (0: none) return of them and what came back of their note lines
// that those credits do not return yet.
func (t *Tx) CreditableLines(ctx context.Context, invoiceID, except int64) ([]Creditable, error) {
	lines, err := t.InvoiceLines(ctx, invoiceID, false)
	if err != nil {
		return nil, err
	}
	out := make([]Creditable, len(lines))
	for i, l := range lines {
		out[i].InvoiceLine = l
		if err := t.row(ctx, `SELECT coalesce(sum(cl.qty), 0), coalesce(sum(cl.weight), 0)
		  FROM credit_lines cl JOIN documents d ON d.id = cl.doc_id
		 WHERE cl.invoice_line_id = ? AND cl.removed = 0 AND d.status <> 'void' AND cl.doc_id <> ?`, l.ID, except).
			Scan(&out[i].CreditedQty, &out[i].CreditedWeight); err != nil {
			return nil, err
		}
		if err := t.row(ctx, `SELECT coalesce((SELECT qty FROM delivery_line_received_back WHERE delivery_line_id = ?1), 0)
		         - coalesce((SELECT sum(c.qty) FROM delivery_line_credited_back c JOIN credit_lines cl ON cl.id = c.id
		                      WHERE c.delivery_line_id = ?1 AND cl.doc_id <> ?2), 0),
		       coalesce((SELECT weight FROM delivery_line_received_back WHERE delivery_line_id = ?1), 0)
		         - coalesce((SELECT sum(c.weight) FROM delivery_line_credited_back c JOIN credit_lines cl ON cl.id = c.id
		                      WHERE c.delivery_line_id = ?1 AND cl.doc_id <> ?2), 0)`, l.DeliveryLineID, except).
			Scan(&out[i].BackQty, &out[i].BackWeight); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// InvoiceCredited is what credits in play other than except hold of an
// invoice.
func (t *Tx) InvoiceCredited(ctx context.Context, invoiceID, except int64) (Money, error) {
	var m Money
	err := t.row(ctx, `SELECT coalesce(sum(c.total), 0) FROM credits c JOIN documents d ON d.id = c.doc_id
	 WHERE c.invoice_doc_id = ? AND d.status <> 'void' AND c.doc_id <> ?`, invoiceID, except).Scan(&m)
	return m, err
}

// CreateCredit opens a credit of an issued invoice in status with its
// lines (a return) and returns its id and reference (HZ2026-000001).
func (t *Tx) CreateCredit(ctx context.Context, by int64, status string, c Credit) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "HZ", Document{Kind: CreditKind, Status: status, SubjectID: c.CustomerID, Summary: c.Customer})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO credits(doc_id, invoice_doc_id, customer_id, basis, reason, total, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, c.InvoiceID, c.CustomerID, c.Basis, c.Reason, c.Total, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range c.Lines {
		if err := t.AddCreditLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, nil
}

// AddCreditLine adds a line to a drafted credit, numbered after its last.
func (t *Tx) AddCreditLine(ctx context.Context, by, docID int64, l CreditLine) error {
	now := stamp(t.Now)
	_, err := t.insert(ctx, `INSERT INTO credit_lines(doc_id, line_no, invoice_line_id, qty, weight, amount, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM credit_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, l.InvoiceLineID, l.Qty, l.Weight, l.Amount, now, now, by)
	return err
}

// UpdateCreditLine saves what a credit's line returns (or that it is
// taken out).
func (t *Tx) UpdateCreditLine(ctx context.Context, by int64, l CreditLine) error {
	return classify(t.savePart(ctx, "credit_lines", by, l.ID, l.DocID, l.Part))
}

// UpdateCredit saves a drafted credit's total (an allowance's amount,
// or its lines' sum) and the reason.
func (t *Tx) UpdateCredit(ctx context.Context, by, docID int64, total Money, reason string) error {
	res, err := t.exec(ctx, `UPDATE credits SET total = ?, reason = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		total, reason, stamp(t.Now), by, docID)
	return classify(affectedOne(res, err))
}

const creditCols = `c.doc_id, d.ref, d.status, d.version, d.maker_id, coalesce(m.name, ''), c.invoice_doc_id,
	coalesce(s.invoice_no, ''), idoc.ref, coalesce(od.ref, ''), c.customer_id, cu.name, coalesce(cu.rep_id, 0),
	c.basis, c.reason, c.total, coalesce((SELECT credit_no FROM credit_issues WHERE credit_doc_id = c.doc_id), ''),
	coalesce((SELECT sum(a.amount) FROM credit_allocations a WHERE a.credit_doc_id = c.doc_id), 0)`

const creditFrom = ` FROM credits c JOIN documents d ON d.id = c.doc_id LEFT JOIN users m ON m.id = d.maker_id
	JOIN documents idoc ON idoc.id = c.invoice_doc_id LEFT JOIN invoice_issues s ON s.invoice_doc_id = c.invoice_doc_id
	JOIN invoices i ON i.doc_id = c.invoice_doc_id LEFT JOIN documents od ON od.id = i.order_doc_id
	JOIN customers cu ON cu.id = c.customer_id`

func scanCredit(sc scanner) (Credit, error) {
	var c Credit
	err := sc.Scan(&c.DocID, &c.Ref, &c.Status, &c.Version, &c.MakerID, &c.Maker, &c.InvoiceID, &c.InvoiceNo, &c.InvoiceRef,
		&c.OrderNo, &c.CustomerID, &c.Customer, &c.RepID, &c.Basis, &c.Reason, &c.Total, &c.CreditNo, &c.Allocated)
	if noRow(err) {
		return c, ErrNotFound
	}
	return c, err
}

// CreditHeader loads a credit without its lines.
func (t *Tx) CreditHeader(ctx context.Context, docID int64) (Credit, error) {
	return scanCredit(t.row(ctx, `SELECT `+creditCols+creditFrom+` WHERE c.doc_id = ?`, docID))
}

// Credit loads a credit with its kept lines and its issue.
func (t *Tx) Credit(ctx context.Context, docID int64) (Credit, error) {
	c, err := t.CreditHeader(ctx, docID)
	if err != nil {
		return c, err
	}
	if c.Lines, err = t.CreditLines(ctx, docID, false); err != nil {
		return c, err
	}
	c.Issue, err = t.CreditIssueOf(ctx, docID)
	return c, err
}

// CreditLines lists a credit's lines in order, those taken out too when
// withRemoved.
func (t *Tx) CreditLines(ctx context.Context, docID int64, withRemoved bool) ([]CreditLine, error) {
	return queryAll(ctx, t, func(sc scanner) (CreditLine, error) {
		var l CreditLine
		var price sql.NullInt64
		err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.InvoiceLineID, &l.Grade, &l.Name, &l.Spec, &l.Unit, &l.Basis, &price,
			&l.Qty, &l.Weight, &l.Amount, &l.Removed)
		l.Price = Money(price.Int64)
		return l, err
	}, `SELECT cl.id, cl.doc_id, cl.line_no, cl.invoice_line_id, l.grade, l.name, l.spec, l.unit, l.price_basis, l.price,
	       cl.qty, cl.weight, cl.amount, cl.removed
	  FROM credit_lines cl JOIN invoice_lines il ON il.id = cl.invoice_line_id JOIN order_lines l ON l.id = il.order_line_id
	 WHERE cl.doc_id = ? AND (cl.removed = 0 OR ?) ORDER BY cl.line_no`, docID, withRemoved)
}

// CreditIssueOf returns a credit's issue, or nil.
func (t *Tx) CreditIssueOf(ctx context.Context, docID int64) (*CreditIssue, error) {
	return optional(ctx, t, func(sc scanner) (CreditIssue, error) {
		var s CreditIssue
		var at string
		err := sc.Scan(&s.CreditNo, &s.IssuedOn, &s.Amount, &s.ByID, &s.By, &at)
		s.At = parseStamp(at)
		return s, err
	}, `SELECT s.credit_no, s.issued_on, s.amount, s.issued_by, coalesce(u.name, ''), s.created_at
		  FROM credit_issues s LEFT JOIN users u ON u.id = s.issued_by WHERE s.credit_doc_id = ?`, docID)
}

// CreditFilter picks credits: of an invoice or a customer (0: any), in
// these statuses (none: all), only issued ones with something on account.
type CreditFilter struct {
	InvoiceID  int64
	CustomerID int64
	Statuses   []string
	OnAccount  bool
	Limit      int
}

// Credits lists credits newest first.
func (t *Tx) Credits(ctx context.Context, f CreditFilter) ([]Credit, error) {
	limit := docListLimit(f.Limit)
	where, args := ` WHERE (?1 = 0 OR c.invoice_doc_id = ?1) AND (?2 = 0 OR c.customer_id = ?2)
	   AND (NOT ?3 OR (d.status = 'issued' AND c.total > coalesce((SELECT sum(a.amount) FROM credit_allocations a WHERE a.credit_doc_id = c.doc_id), 0)))`,
		[]any{f.InvoiceID, f.CustomerID, f.OnAccount}
	if len(f.Statuses) > 0 {
		where += " AND d.status IN (" + marks(len(f.Statuses)) + ")"
		args = append(args, anys(f.Statuses)...)
	}
	args = append(args, limit)
	return queryAll(ctx, t, scanCredit, `SELECT `+creditCols+creditFrom+where+` ORDER BY c.doc_id DESC LIMIT ?`, args...)
}

// InsertCreditIssue records finance's issue of a credit; the transition
// follows.
func (t *Tx) InsertCreditIssue(ctx context.Context, by, docID, customerID int64, s CreditIssue) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO credit_issues(credit_doc_id, credit_no, customer_id, amount, issued_on, issued_by,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, s.CreditNo, customerID, s.Amount, s.IssuedOn, by, now, now, by)
	return classify(err)
}

// InsertCreditAllocation puts amount of an issued credit against an
// invoice on day.
func (t *Tx) InsertCreditAllocation(ctx context.Context, by, creditID, invoiceID int64, amount Money, day string) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO credit_allocations(credit_doc_id, invoice_doc_id, amount, allocated_on, allocated_by,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, creditID, invoiceID, amount, day, by, now, now, by)
}

// CreditAllocation is part of a credit put against an invoice (negative:
// given back when either was voided).
type CreditAllocation struct {
	CreditID  int64
	InvoiceID int64
	InvoiceNo string
	Amount    Money
	On        string
}

// CreditAllocations lists what a credit settled, in the order it did.
func (t *Tx) CreditAllocations(ctx context.Context, creditID int64) ([]CreditAllocation, error) {
	return queryAll(ctx, t, func(sc scanner) (CreditAllocation, error) {
		var a CreditAllocation
		return a, sc.Scan(&a.CreditID, &a.InvoiceID, &a.InvoiceNo, &a.Amount, &a.On)
	}, `SELECT a.credit_doc_id, a.invoice_doc_id, coalesce(s.invoice_no, ''), a.amount, a.allocated_on
	  FROM credit_allocations a LEFT JOIN invoice_issues s ON s.invoice_doc_id = a.invoice_doc_id
	 WHERE a.credit_doc_id = ? ORDER BY a.id`, creditID)
}

// InvoicesOfReturn lists the issued invoices (not void) that billed the
// note lines a return takes goods back from, oldest first.
func (t *Tx) InvoicesOfReturn(ctx context.Context, returnID int64) ([]int64, error) {
	return queryAll(ctx, t, scanID, `SELECT DISTINCT il.doc_id FROM goods_return_lines rl
	  JOIN invoice_lines il ON il.delivery_line_id = rl.delivery_line_id AND il.removed = 0
	  JOIN documents d ON d.id = il.doc_id
	 WHERE rl.doc_id = ? AND rl.removed = 0 AND d.status IN ('issued', 'mailed') ORDER BY il.doc_id`, returnID)
}
