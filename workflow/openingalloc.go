package workflow

import (
	"context"
	"sort"

	"orderdesk/store"
)

// A receipt's money goes against the customer's opening balance (期初余额)
// as against an open invoice: offered among them by its due day (the
// cut-over day), named by OpeningLabel and its batch's number, chosen by
// its batch's document id. A prepayment earmarked for an order is not
// offered it: that money is the order's.

// openingRow is a customer's opening balance as a row of open invoices.
func openingRow(o store.OpeningItem, r store.Receipt) store.InvoiceRow {
	v := store.InvoiceRow{Total: o.Amount, Allocated: o.Allocated, InvoiceNo: store.OpeningLabel, IssuedOn: o.AsOf, DueOn: o.AsOf}
	v.DocID, v.Ref, v.Status = o.BatchDocID, o.BatchRef, "approved"
	v.CustomerID, v.Customer, v.RepID = r.CustomerID, r.Customer, r.RepID
	return v
}

// withOpeningRow puts receipt r's customer's opening balance, when
// something is open on it and r may go against it, among open (oldest
// due first).
func withOpeningRow(ctx context.Context, tx *store.Tx, r store.Receipt, open []store.InvoiceRow) ([]store.InvoiceRow, error) {
	if r.OrderID != 0 {
		return open, nil
	}
	o, ok, err := tx.OpeningItemOf(ctx, r.CustomerID)
	if err != nil || !ok || o.Open() <= 0 {
		return open, err
	}
	at := sort.Search(len(open), func(i int) bool { return open[i].DueOn > o.AsOf })
	return append(open[:at], append([]store.InvoiceRow{openingRow(o, r)}, open[at:]...)...), nil
}

// allocationTarget reads what receipt r would be allocated against by
// id: whether it may be (the customer's issued invoice, of the earmarked
// order if any, or its opening balance) and what is open on it.
func allocationTarget(ctx context.Context, tx *store.Tx, r store.Receipt, id int64) (allowed bool, open store.Money, err error) {
	o, ok, err := tx.OpeningItemOf(ctx, r.CustomerID)
	if err != nil {
		return false, 0, err
	}
	if ok && o.BatchDocID == id {
		return r.OrderID == 0, o.Open(), nil
	}
	v, err := tx.InvoiceHeader(ctx, id)
	if err != nil {
		return false, 0, err
	}
	allowed = v.CustomerID == r.CustomerID && (r.OrderID == 0 || v.OrderID == r.OrderID) && (v.Status == "issued" || v.Status == "mailed")
	return allowed, v.Open(), nil
}
