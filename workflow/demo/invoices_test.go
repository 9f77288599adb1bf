package demo

import (
	"context"
	"testing"

	"orderdesk/store"
)

// TestGenerateInvoices: two years of invoices follow the shipments, in
// every state, paid on time, late, in parts and over; the books balance
// for every customer and nothing breaks the desk's rules.
func TestGenerateInvoices(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	opts := options(80, 60, 5)
	opts.Orders, opts.Shipments, opts.Invoices, opts.InvoiceVolume = 40, 30, 20, 400
	eng, sum, db := generated(t, opts)
	ctx := context.Background()
	wantCounts(t, db, []countCheck{
		{"requests", `SELECT count(*) FROM invoices`, sum.Invoices},
		{"lines", `SELECT count(*) FROM invoice_lines`, sum.InvoiceLines},
		{"issued", `SELECT count(*) FROM invoice_issues`, sum.Issued},
		{"checked by the maker", `SELECT count(*) FROM transitions t JOIN documents d ON d.id = t.doc_id
		   WHERE d.kind = 'invoice' AND t.signoff = 1 AND t.actor_id = d.maker_id`, 0},
		{"over-invoiced lines", `SELECT count(*) FROM delivery_lines dl LEFT JOIN delivery_loads x ON x.delivery_line_id = dl.id
		   WHERE coalesce(x.qty, dl.qty) < (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
		   WHERE il.delivery_line_id = dl.id AND il.removed = 0 AND d.status <> 'void')`, 0},
		{"over-allocated invoices", `SELECT count(*) FROM invoice_balances WHERE open < 0`, 0},
		{"over-allocated receipts", `SELECT count(*) FROM receipts p WHERE p.amount < (SELECT coalesce(sum(amount), 0) FROM allocations WHERE receipt_id = p.id)`, 0},
		{"receipts after today", `SELECT count(*) FROM receipts WHERE received_on > '2026-11-02'`, 0},
	})
	wantStatuses(t, db, "invoice", "invoice", "draft", "submitted", "checked", "issued", "mailed")
	if n := count(t, db, `SELECT count(*) FROM invoice_balances WHERE open > 0 AND due_on < '2026-09-01'`); n == 0 {
		t.Error("no late payer")
	}
	if n := count(t, db, `SELECT count(*) FROM invoice_balances WHERE open = 0`); n == 0 {
		t.Error("nothing paid")
	}
	if n := count(t, db, `SELECT count(*) FROM customer_receivables WHERE paid > allocated`); n == 0 {
		t.Error("no money on account")
	}
	if first := count(t, db, `SELECT count(*) FROM invoice_issues WHERE issued_on < '2025-03-01'`); first == 0 {
		t.Error("no invoices in the first year")
	}
	t.Logf("invoices %d (%d lines, %d issued), receipts %d", sum.Invoices, sum.InvoiceLines, sum.Issued, sum.Receipts)
	if sum.InvoiceLines < 2000 || sum.Receipts == 0 {
		t.Errorf("summary %+v", sum)
	}
	var bad int
	err := eng.Store().Read(ctx, func(tx *store.Tx) error {
		bs, err := tx.Balances(ctx, 0, "")
		for _, b := range bs {
			if b.Received != b.Allocated+b.OnAccount || b.Open < 0 || b.OnAccount < 0 {
				bad++
			}
		}
		return err
	})
	if err != nil || bad != 0 {
		t.Fatalf("%d customers whose books do not balance (%v)", bad, err)
	}
	res, err := eng.Store().VerifyAudit(ctx)
	if err != nil || res.BrokenAt != 0 {
		t.Fatalf("audit %+v %v", res, err)
	}
}
