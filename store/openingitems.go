package store

import (
	"context"
	"sort"
)

// OpeningLabel names an opening balance where an invoice number would
// stand: on the ladder, the collection plan, letters and statements.
const OpeningLabel = "期初余额"

// OpeningItem is a customer's opening balance as an open item: the
// balances batch it came from (the document receipts are allocated
// against, with the receipt's customer), the cut-over day it stands and
// falls due on, and what of it is allocated.
type OpeningItem struct {
	CustomerID int64
	BatchDocID int64
	BatchRef   string
	AsOf       string
	Amount     Money
	Allocated  Money
}

// Open is what is still owed on the opening balance.
func (o OpeningItem) Open() Money { return o.Amount - o.Allocated }

// OpeningItemOf returns a customer's opening balance with what is
// allocated to it now; ok is false when it has none.
func (t *Tx) OpeningItemOf(ctx context.Context, customerID int64) (o OpeningItem, ok bool, err error) {
	err = t.row(ctx, `SELECT o.customer_id, o.batch_doc_id, d.ref, o.as_of, o.amount, o.allocated
	  FROM opening_open o JOIN documents d ON d.id = o.batch_doc_id WHERE o.customer_id = ?`, customerID).
		Scan(&o.CustomerID, &o.BatchDocID, &o.BatchRef, &o.AsOf, &o.Amount, &o.Allocated)
	if noRow(err) {
		return o, false, nil
	}
	return o, err == nil, err
}

// openingItems lists the opening balances standing on day (cut-over day
// on or before it) with what was allocated to each by paidBy and by
// paidBefore (exclusive), as open items named by OpeningLabel.
func (t *Tx) openingItems(ctx context.Context, day, paidBy, paidBefore string) ([]OpenInvoice, []Money, error) {
	var before []Money
	out, err := queryAll(ctx, t, func(sc scanner) (OpenInvoice, error) {
		r := OpenInvoice{Opening: true, InvoiceNo: OpeningLabel}
		var b Money
		err := sc.Scan(&r.InvoiceID, &r.CustomerID, &r.OrderNo, &r.IssuedOn, &r.Amount, &r.Paid, &b)
		r.DueOn = r.IssuedOn
		before = append(before, b)
		return r, err
	}, `SELECT o.batch_doc_id, o.customer_id, d.ref, o.as_of, o.amount,
	       coalesce((SELECT sum(a.amount) FROM allocations a JOIN receipts p ON p.id = a.receipt_id
	                  WHERE a.invoice_doc_id = o.batch_doc_id AND p.customer_id = o.customer_id AND a.allocated_on <= ?2), 0),
	       coalesce((SELECT sum(a.amount) FROM allocations a JOIN receipts p ON p.id = a.receipt_id
	                  WHERE a.invoice_doc_id = o.batch_doc_id AND p.customer_id = o.customer_id AND a.allocated_on < ?3), 0)
	  FROM opening_balances o JOIN documents d ON d.id = o.batch_doc_id
	 WHERE o.as_of <= ?1 ORDER BY o.as_of, o.customer_id`, day, paidBy, paidBefore)
	return out, before, err
}

// withOpenings adds items to out and keeps out by due day, the items
// already there in their order.
func withOpenings(out, items []OpenInvoice) []OpenInvoice {
	if len(items) == 0 {
		return out
	}
	out = append(out, items...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].DueOn < out[j].DueOn })
	return out
}

// openOpenings is the opening balances with money open on day.
func (t *Tx) openOpenings(ctx context.Context, day string) ([]OpenInvoice, error) {
	all, _, err := t.openingItems(ctx, day, day, day)
	var out []OpenInvoice
	for _, r := range all {
		if r.Open() > 0 {
			out = append(out, r)
		}
	}
	return out, err
}

// planOpenings is the opening balances on the collection plan of the
// month [first, last]: standing on its last day, and falling due in it
// or open at its start, with what was received of them by its end.
func (t *Tx) planOpenings(ctx context.Context, first, last string) ([]OpenInvoice, error) {
	all, before, err := t.openingItems(ctx, last, last, first)
	var out []OpenInvoice
	for i, r := range all {
		if r.DueOn >= first || r.Amount > before[i] {
			out = append(out, r)
		}
	}
	return out, err
}
