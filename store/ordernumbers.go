package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// SeqMark is where a series pattern takes the sequence.
const SeqMark = "{seq}"

// FormatOrderNo fills a series ("LNSYNO.{seq}") with a sequence padded
// to digits: LNSYNO.0001.
func FormatOrderNo(series string, digits int, seq int64) string {
	return strings.Replace(series, SeqMark, fmt.Sprintf("%0*d", digits, seq), 1)
}

// DrawOrderNumber gives the first version of an order the next number of
// series, in the transaction that signed its contract off (by is the
// supervisor who did). The series' counter moves with it; numbers are
// gapless and unique per series because the write lock is held from the
// read of the counter to the commit, and the database refuses any number
// that is not the next. A series met for the first time starts at 1.
func (t *Tx) DrawOrderNumber(ctx context.Context, by, docID int64, series string, digits int) (string, error) {
	if !strings.Contains(series, SeqMark) {
		return "", fmt.Errorf("order series %q has no %s", series, SeqMark)
	}
	now := stamp(t.Now)
	var last int64
	var have int
	err := t.row(ctx, `SELECT last_seq, digits FROM order_series WHERE series = ?`, series).Scan(&last, &have)
	switch {
	case noRow(err):
		if _, err := t.exec(ctx, `INSERT INTO order_series(series, digits, last_seq, created_at, updated_at, updated_by) VALUES (?, ?, 0, ?, ?, ?)`,
			series, digits, now, now, by); err != nil {
			return "", classify(err)
		}
		have = digits
	case err != nil:
		return "", err
	}
	no := FormatOrderNo(series, have, last+1)
	_, err = t.exec(ctx, `INSERT INTO order_numbers(order_doc_id, series, seq, order_no, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, docID, series, last+1, no, now, now, by)
	if err != nil {
		return "", classify(err)
	}
	return no, t.IndexOrder(ctx, docID)
}

// OrderNumber returns the number of an order version's first version,
// or "".
func (t *Tx) OrderNumber(ctx context.Context, docID int64) (string, error) {
	var no string
	err := t.row(ctx, `SELECT n.order_no FROM orders o JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)
	 WHERE o.doc_id = ?`, docID).Scan(&no)
	if noRow(err) {
		return "", nil
	}
	return no, err
}

// SeriesNumbers lists the sequences given in a series, in order (for
// checks: they run 1, 2, 3 … without a gap).
func (t *Tx) SeriesNumbers(ctx context.Context, series string) ([]int64, error) {
	return queryAll(ctx, t, func(sc scanner) (int64, error) {
		var n int64
		return n, sc.Scan(&n)
	}, `SELECT seq FROM order_numbers WHERE series = ? ORDER BY seq`, series)
}

// SignBack is the customer's signed and stamped contract come back (回传).
type SignBack struct {
	SignedOn string
	Note     string
	By       string
	At       time.Time
}

// RecordSignBack notes the day the customer's signed copy came back; the
// "sign_back" transition needs it.
func (t *Tx) RecordSignBack(ctx context.Context, by, docID int64, signedOn, note string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO order_signbacks(order_doc_id, signed_on, note, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?)`, docID, signedOn, note, now, now, by)
	return classify(err)
}

// OrderSignBack loads an order version's sign-back, if recorded.
func (t *Tx) OrderSignBack(ctx context.Context, docID int64) (*SignBack, error) {
	var s SignBack
	var at string
	err := t.row(ctx, `SELECT b.signed_on, b.note, coalesce(u.name, ''), b.created_at FROM order_signbacks b
	 LEFT JOIN users u ON u.id = b.updated_by WHERE b.order_doc_id = ?`, docID).Scan(&s.SignedOn, &s.Note, &s.By, &at)
	if noRow(err) {
		return nil, nil
	}
	s.At = parseStamp(at)
	return &s, err
}

// OrderCancel is a request to cancel an order, with its reason.
type OrderCancel struct {
	Document
	OrderID int64
	Reason  string
}

// CreateOrderCancel opens a cancellation request for an order.
func (t *Tx) CreateOrderCancel(ctx context.Context, by int64, status string, orderID int64, ref, reason string) (int64, error) {
	var cust int64
	if err := t.row(ctx, `SELECT customer_id FROM orders WHERE doc_id = ?`, orderID).Scan(&cust); err != nil {
		if noRow(err) {
			return 0, ErrNotFound
		}
		return 0, err
	}
	id, err := t.CreateDocument(ctx, by, Document{Kind: OrderCancelKind, Ref: ref, Status: status, SubjectID: cust, Summary: reason})
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO order_cancels(doc_id, order_doc_id, reason, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
		id, orderID, reason, now, now, by)
	return id, classify(err)
}

// OrderCancelOf loads a cancellation request.
func (t *Tx) OrderCancelOf(ctx context.Context, docID int64) (OrderCancel, error) {
	d, err := t.Document(ctx, docID)
	if err != nil {
		return OrderCancel{}, err
	}
	c := OrderCancel{Document: d}
	err = t.row(ctx, `SELECT order_doc_id, reason FROM order_cancels WHERE doc_id = ?`, docID).Scan(&c.OrderID, &c.Reason)
	if noRow(err) {
		return c, ErrNotFound
	}
	return c, err
}

// OrderCancels lists the cancellation requests of an order version,
// oldest first.
func (t *Tx) OrderCancels(ctx context.Context, orderID int64) ([]OrderCancel, error) {
	return queryAll(ctx, t, func(sc scanner) (OrderCancel, error) {
		var c OrderCancel
		var err error
		c.Document, err = scanDocumentAnd(sc, &c.OrderID, &c.Reason)
		return c, err
	}, `SELECT `+docCols+`, x.order_doc_id, x.reason FROM order_cancels x JOIN documents d ON d.id = x.doc_id
	  LEFT JOIN users m ON m.id = d.maker_id WHERE x.order_doc_id = ? ORDER BY d.id`, orderID)
}
