package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Receipt is money received from a customer (收款), with what of it is
// allocated to invoices.
type Receipt struct {
	ID             int64
	CustomerID     int64
	Customer       string
	RepID          int64
	ReceivedOn     string
	Amount         Money
	Method         string
	Payer          string
	Reference      string
	OrderID        int64 // earmarked for this order's invoices (a prepayment); 0: none
	OrderNo        string
	ConfirmationID int64 // shipping's payment confirmation it came from; 0: recorded as a receipt
	ByID           int64
	By             string
	At             time.Time
	Allocated      Money
}

// Unallocated is what of the receipt stays on account.
func (r Receipt) Unallocated() Money { return r.Amount - r.Allocated }

// Allocation is part of a receipt put against an invoice or the
// customer's opening balance (InvoiceID its batch, InvoiceNo
// OpeningLabel); a negative one gives back what a void invoice held.
type Allocation struct {
	ID         int64
	ReceiptID  int64
	InvoiceID  int64
	InvoiceNo  string
	CustomerID int64
	Amount     Money
	On         string
	ByID       int64
	By         string
	At         time.Time
}

// InsertReceipt records money received and returns its id.
func (t *Tx) InsertReceipt(ctx context.Context, by int64, r Receipt) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO receipts(customer_id, received_on, amount, method, payer, reference, order_doc_id,
		recorded_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.CustomerID, r.ReceivedOn, r.Amount, r.Method, r.Payer, r.Reference, nullID(r.OrderID), by, now, now, by)
}

// ReceiptOfConfirmation returns the id of the receipt a payment
// confirmation made.
func (t *Tx) ReceiptOfConfirmation(ctx context.Context, confirmationID int64) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT id FROM receipts WHERE confirmation_id = ?`, confirmationID).Scan(&id)
	if noRow(err) {
		return 0, ErrNotFound
	}
	return id, err
}

// InsertAllocation puts amount of a receipt against an invoice on day.
func (t *Tx) InsertAllocation(ctx context.Context, by, receiptID, invoiceID int64, amount Money, day string) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO allocations(receipt_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, receiptID, invoiceID, amount, day, by, now, now, by)
}

const receiptCols = `p.id, p.customer_id, c.name, coalesce(c.rep_id, 0), p.received_on, p.amount, p.method, p.payer, p.reference,
	coalesce(p.order_doc_id, 0), coalesce(od.ref, ''), coalesce(p.confirmation_id, 0), p.recorded_by, coalesce(u.name, ''), p.created_at,
	coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.receipt_id = p.id), 0)`

const receiptFrom = ` FROM receipts p JOIN customers c ON c.id = p.customer_id LEFT JOIN documents od ON od.id = p.order_doc_id
	LEFT JOIN users u ON u.id = p.recorded_by`

func scanReceipt(sc scanner) (Receipt, error) {
	var r Receipt
	var at string
	err := sc.Scan(&r.ID, &r.CustomerID, &r.Customer, &r.RepID, &r.ReceivedOn, &r.Amount, &r.Method, &r.Payer, &r.Reference,
		&r.OrderID, &r.OrderNo, &r.ConfirmationID, &r.ByID, &r.By, &at, &r.Allocated)
	if noRow(err) {
		return r, ErrNotFound
	}
	r.At = parseStamp(at)
	return r, err
}

// Receipt loads one receipt.
func (t *Tx) Receipt(ctx context.Context, id int64) (Receipt, error) {
	return scanReceipt(t.row(ctx, `SELECT `+receiptCols+receiptFrom+` WHERE p.id = ?`, id))
}

// ReceiptFilter picks receipts: of a customer (0: all), received in
// [From, To] (days, "" open), only those with money on account.
type ReceiptFilter struct {
	CustomerID int64
	From, To   string
	OnAccount  bool
	Query      string // words in the customer's name, the payer or the reference
	Limit      int
}

// Receipts lists receipts newest first.
func (t *Tx) Receipts(ctx context.Context, f ReceiptFilter) ([]Receipt, error) {
	limit := docListLimit(f.Limit)
	where, args := "", []any{f.CustomerID, f.From, f.To, f.OnAccount, limit}
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		args = append(args, w)
		where += fmt.Sprintf(" AND instr(lower(c.name || ' ' || p.payer || ' ' || p.reference), ?%d) > 0", len(args))
	}
	return queryAll(ctx, t, scanReceipt, `SELECT `+receiptCols+receiptFrom+`
	 WHERE (?1 = 0 OR p.customer_id = ?1) AND (?2 = '' OR p.received_on >= ?2) AND (?3 = '' OR p.received_on <= ?3)
	   AND (NOT ?4 OR p.amount > coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.receipt_id = p.id), 0))`+where+`
	 ORDER BY p.received_on DESC, p.id DESC LIMIT ?5`, args...)
}

// AllocationFilter picks allocations: of a receipt, an invoice or a
// customer (0: any), made in [From, To].
type AllocationFilter struct {
	ReceiptID, InvoiceID, CustomerID int64
	From, To                         string
}

// Allocations lists allocations in the order they were made.
func (t *Tx) Allocations(ctx context.Context, f AllocationFilter) ([]Allocation, error) {
	return queryAll(ctx, t, func(sc scanner) (Allocation, error) {
		var a Allocation
		var at string
		err := sc.Scan(&a.ID, &a.ReceiptID, &a.InvoiceID, &a.InvoiceNo, &a.CustomerID, &a.Amount, &a.On, &a.ByID, &a.By, &at)
		a.At = parseStamp(at)
		return a, err
	}, `SELECT a.id, a.receipt_id, a.invoice_doc_id,
	       coalesce(s.invoice_no, (SELECT ?6 FROM opening_balances o WHERE o.batch_doc_id = a.invoice_doc_id AND o.customer_id = p.customer_id), ''), p.customer_id, a.amount, a.allocated_on,
	       a.allocated_by, coalesce(u.name, ''), a.created_at
	  FROM allocations a JOIN receipts p ON p.id = a.receipt_id LEFT JOIN invoice_issues s ON s.invoice_doc_id = a.invoice_doc_id
	  LEFT JOIN users u ON u.id = a.allocated_by
	 WHERE (?1 = 0 OR a.receipt_id = ?1) AND (?2 = 0 OR a.invoice_doc_id = ?2) AND (?3 = 0 OR p.customer_id = ?3)
	   AND (?4 = '' OR a.allocated_on >= ?4) AND (?5 = '' OR a.allocated_on <= ?5)
	 ORDER BY a.id`, f.ReceiptID, f.InvoiceID, f.CustomerID, f.From, f.To, OpeningLabel)
}

// Balance is a customer's account as of a day: issued invoices (not
// void), the opening balance (期初余额, from its cut-over day), money
// received, of it what is allocated (to either), issued credits (红字发票,
// not void) and of them what settles invoices, and what is open and on
// account. Received = Allocated + OnAccount; Open = Invoiced + Opening −
// Allocated − CreditApplied.
type Balance struct {
	CustomerID    int64
	Invoiced      Money
	Opening       Money
	Received      Money
	Allocated     Money
	OnAccount     Money
	Credited      Money
	CreditApplied Money
	Open          Money
}

// CreditOnAccount is what of the issued credits settles no invoice yet.
func (b Balance) CreditOnAccount() Money { return b.Credited - b.CreditApplied }

// Due is what the customer owes net of money and credits on account.
func (b Balance) Due() Money { return b.Open - b.OnAccount - b.CreditOnAccount() }

// CustomerBalance reads a customer's balance as of day (inclusive; ""
// for everything). An invoice voided counts as never issued.
func (t *Tx) CustomerBalance(ctx context.Context, customerID int64, day string) (Balance, error) {
	bs, err := t.Balances(ctx, customerID, day)
	if err != nil || len(bs) == 0 {
		return Balance{CustomerID: customerID}, err
	}
	return bs[0], nil
}

// Balances reads the balance of one customer (customerID) or of every
// customer with invoices, receipts, credits or an opening balance by day (0), as of day, each table
// summed in one pass.
func (t *Tx) Balances(ctx context.Context, customerID int64, day string) ([]Balance, error) {
	if day == "" {
		day = "9999-12-31"
	}
	one := func(col string) string {
		if customerID == 0 {
			return ""
		}
		return " AND " + col + " = ?1"
	}
	return queryAll(ctx, t, func(sc scanner) (Balance, error) {
		var b Balance
		err := sc.Scan(&b.CustomerID, &b.Invoiced, &b.Opening, &b.Received, &b.Allocated, &b.Credited, &b.CreditApplied)
		b.OnAccount, b.Open = b.Received-b.Allocated, b.Invoiced+b.Opening-b.Allocated-b.CreditApplied
		return b, err
	}, `WITH inv AS (SELECT s.customer_id, sum(s.amount) AS amount FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id
	                 WHERE s.issued_on <= ?2 AND d.status IN ('issued', 'mailed')`+one("s.customer_id")+` GROUP BY s.customer_id),
	     rec AS (SELECT p.customer_id, sum(p.amount) AS amount FROM receipts p WHERE p.received_on <= ?2`+one("p.customer_id")+` GROUP BY p.customer_id),
	     ope AS (SELECT o.customer_id, o.amount FROM opening_balances o WHERE o.as_of <= ?2`+one("o.customer_id")+`),
	     alo AS (SELECT p.customer_id, sum(a.amount) AS amount FROM allocations a JOIN receipts p ON p.id = a.receipt_id
	               JOIN documents d ON d.id = a.invoice_doc_id
	              WHERE a.allocated_on <= ?2 AND (d.status IN ('issued', 'mailed') OR EXISTS (SELECT 1 FROM opening_balances o
	                     WHERE o.batch_doc_id = a.invoice_doc_id AND o.customer_id = p.customer_id))`+one("p.customer_id")+` GROUP BY p.customer_id),
	     cre AS (SELECT s.customer_id, sum(s.amount) AS amount FROM credit_issues s JOIN documents d ON d.id = s.credit_doc_id
	              WHERE s.issued_on <= ?2 AND d.status = 'issued'`+one("s.customer_id")+` GROUP BY s.customer_id),
	     cap AS (SELECT s.customer_id, sum(a.amount) AS amount FROM credit_allocations a JOIN credit_issues s ON s.credit_doc_id = a.credit_doc_id
	               JOIN documents d ON d.id = a.credit_doc_id JOIN documents iv ON iv.id = a.invoice_doc_id
	              WHERE a.allocated_on <= ?2 AND d.status = 'issued' AND iv.status IN ('issued', 'mailed')`+one("s.customer_id")+` GROUP BY s.customer_id),
	     cs AS (SELECT customer_id FROM inv UNION SELECT customer_id FROM rec UNION SELECT customer_id FROM ope UNION SELECT customer_id FROM cre)
	SELECT cs.customer_id, coalesce(inv.amount, 0), coalesce(ope.amount, 0), coalesce(rec.amount, 0), coalesce(alo.amount, 0),
	       coalesce(cre.amount, 0), coalesce(cap.amount, 0)
	  FROM cs LEFT JOIN inv ON inv.customer_id = cs.customer_id LEFT JOIN rec ON rec.customer_id = cs.customer_id
	  LEFT JOIN ope ON ope.customer_id = cs.customer_id LEFT JOIN alo ON alo.customer_id = cs.customer_id
	  LEFT JOIN cre ON cre.customer_id = cs.customer_id LEFT JOIN cap ON cap.customer_id = cs.customer_id
	 ORDER BY cs.customer_id`, customerID, day)
}

// ReceiptRows lists receipts (only those with money on account, with
// onAccount) in id order, keyset-paged; the page's query matches the
// customer's name, the payer and the reference.
func (t *Tx) ReceiptRows(ctx context.Context, onAccount bool, p Page) ([]Receipt, error) {
	where, args := []string{"(NOT ? OR p.amount > coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.receipt_id = p.id), 0))"}, []any{onAccount}
	for _, w := range strings.Fields(strings.ToLower(p.Query)) {
		where = append(where, "instr(lower(c.name || ' ' || p.payer || ' ' || p.reference), ?) > 0")
		args = append(args, w)
	}
	tail, args := keysetTail(p, "p.id", where, args)
	return queryPage(ctx, t, p, scanReceipt, `SELECT `+receiptCols+receiptFrom+tail, args...)
}
