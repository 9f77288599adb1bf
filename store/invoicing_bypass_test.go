package store_test

import (
	"fmt"
	"slices"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// invDocs are invoices in the states the bypass attempts need, made
// through the desk from a monthly note of 4 t shipped: one tonne each on
// a draft, a submitted, a checked and an issued invoice.
type invDocs struct {
	ship                         shipDocs
	draft, submitted, checked    int64
	issued                       int64
	draftLine, deliveryLine      int64
	receipt, small               int64 // 5,000.00 and 100.00 on account of the monthly customer
	issuedTotal                  int64
	orderLine, unshippedNoteLine int64
}

func (v *env) invoicing() invDocs {
	t := v.t
	t.Helper()
	must := v.must
	var p invDocs
	p.ship = v.shipping()
	s := p.ship
	clerk, boss, fin := v.e.Desk(v.clerk), v.e.Desk(v.boss), v.e.Desk(v.fin)
	dd, err := v.e.Desk(s.wh).Delivery(v.ctx, s.released)
	must(err)
	l := dd.Note.Lines[0]
	must(v.e.Desk(s.wh).Load(v.ctx, s.released, 0, []workflow.LoadInput{{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()}}))
	must(clerk.Dispatch(v.ctx, s.released, 0, workflow.DispatchInput{Carrier: "顺达", Vehicle: "辽A1", ShippedAt: "2025-03-01 10:00",
		ExpectedOn: "2025-03-02", SignedBy: "李师傅", SignedOn: "2025-03-01"}))
	p.deliveryLine, p.orderLine, p.unshippedNoteLine = l.ID, l.OrderLineID, s.draftLine
	one := func() int64 {
		t.Helper()
		in, _, err := clerk.NewInvoiceInput(v.ctx, s.monthlyOrder)
		must(err)
		in.Lines[0].Quantity, in.Lines[0].Weight = "1", ""
		id, err := clerk.CreateInvoice(v.ctx, in)
		must(err)
		return id
	}
	p.draft, p.submitted, p.checked, p.issued = one(), one(), one(), one()
	for _, id := range []int64{p.submitted, p.checked, p.issued} {
		must(clerk.SubmitInvoice(v.ctx, id, 0))
	}
	for _, id := range []int64{p.checked, p.issued} {
		must(boss.CheckInvoice(v.ctx, id, 0))
	}
	must(fin.IssueInvoice(v.ctx, p.issued, 0, workflow.IssueInput{InvoiceNo: "26210000000044556677"}))
	inv, _, err := clerk.Invoice(v.ctx, p.draft)
	must(err)
	p.draftLine = inv.Lines[0].ID
	inv, _, err = clerk.Invoice(v.ctx, p.issued)
	must(err)
	p.issuedTotal = int64(inv.Total)
	p.receipt, err = fin.RecordReceipt(v.ctx, workflow.ReceiptInput{CustomerID: s.monthlyCust, Amount: "5000"})
	must(err)
	p.small, err = fin.RecordReceipt(v.ctx, workflow.ReceiptInput{CustomerID: s.monthlyCust, Amount: "100"})
	must(err)
	return p
}

// TestDatabaseRefusesInvoicingBypass writes around orderdesk through a
// raw connection and expects the triggers to refuse every way around the
// invoicing rules: invoicing more than shipped, a maker's check, an issue
// without finance or with a made-up due day, receipts by the wrong role
// or from the future, allocations beyond an invoice's open amount or a
// receipt's, records rewritten or deleted.
func TestDatabaseRefusesInvoicingBypass(t *testing.T) {
	v := newEnv(t)
	p := v.invoicing()
	s := p.ship
	db := raw(t, v.path)
	now := nowSQL
	tr := transitionSQL
	issue := func(doc, by int64, no string, amount int64, due string) string {
		return fmt.Sprintf(`INSERT INTO invoice_issues(invoice_doc_id, invoice_no, customer_id, amount, issued_on, due_on, issued_by,
			created_at, updated_at, updated_by) VALUES (%d, '%s', %d, %d, date('now'), %s, %d, %s, %s, %d)`,
			doc, no, s.monthlyCust, amount, due, by, now, now, by)
	}
	rightDue := `date('now', 'start of month', '+1 month', '-1 day', '+30 days')`
	receipt := func(by int64, day string) string {
		return fmt.Sprintf(`INSERT INTO receipts(customer_id, received_on, amount, method, recorded_by, created_at, updated_at, updated_by)
			VALUES (%d, %s, 100, 'bank', %d, %s, %s, %d)`, s.monthlyCust, day, by, now, now, by)
	}
	alloc := func(receipt, invoice, amount, by int64) string {
		return fmt.Sprintf(`INSERT INTO allocations(receipt_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
			VALUES (%d, %d, %d, date('now'), %d, %s, %s, %d)`, receipt, invoice, amount, by, now, now, by)
	}
	asNumber := func(no string) string {
		return fmt.Sprintf(`INSERT INTO invoice_issues(invoice_doc_id, invoice_no, customer_id, amount, issued_on, due_on, issued_by,
			created_at, updated_at, updated_by) VALUES (%d, %s, %d, %d, date('now'), %s, %d, %s, %s, %d)`,
			p.checked, no, s.monthlyCust, p.issuedTotal, rightDue, v.fin.ID, now, now, v.fin.ID)
	}
	tests := []struct{ name, sql, code string }{
		// Requests and the check.
		{"a draft line grown past what shipped", fmt.Sprintf(`UPDATE invoice_lines SET qty = 2000, weight = 2000, amount = 824000, updated_by = %d WHERE id = %d`,
			v.clerk.ID, p.draftLine), "over_invoiced"},
		{"a draft line with a wrong amount", fmt.Sprintf(`UPDATE invoice_lines SET amount = amount + 1, updated_by = %d WHERE id = %d`, v.clerk.ID, p.draftLine), "amount_mismatch"},
		{"a line of a note not shipped", fmt.Sprintf(`INSERT INTO invoice_lines(doc_id, line_no, delivery_line_id, order_line_id, qty, weight, amount, created_at, updated_at, updated_by)
			VALUES (%d, 2, %d, %d, 1000, 1000, 412000, %s, %s, %d)`, p.draft, p.unshippedNoteLine, s.orderLine, now, now, v.clerk.ID), "line_not_shipped"},
		{"a line changed after the check", fmt.Sprintf(`UPDATE invoice_lines SET qty = 500, weight = 500, amount = 206000, updated_by = %d WHERE doc_id = %d`,
			v.clerk.ID, p.checked), "not_editable"},
		{"an invoice moved to another order", fmt.Sprintf(`UPDATE invoices SET order_doc_id = %d WHERE doc_id = %d`, s.order, p.draft), "fixed_field"},
		{"checked by its maker", tr(p.submitted, "approve", "submitted", "checked", v.clerk.ID, 1, ""), "maker_cannot_sign"},
		{"checked by finance", tr(p.submitted, "approve", "submitted", "checked", v.fin.ID, 1, ""), "role_not_allowed"},
		{"checked without the status transition", fmt.Sprintf(`UPDATE documents SET status = 'checked' WHERE id = %d`, p.submitted), "status_without_transition"},
		{"voided with no reason", tr(p.draft, "void", "draft", "void", v.clerk.ID, 0, " "), "comment_required"},
		{"an invoice deleted", fmt.Sprintf(`DELETE FROM invoices WHERE doc_id = %d`, p.draft), "no_delete"},

		// The issue.
		{"issued with no issue record", tr(p.checked, "issue", "checked", "issued", v.fin.ID, 1, ""), "issue_missing"},
		{"issued by a clerk", issue(p.checked, v.clerk.ID, "26210000000000000099", p.issuedTotal, rightDue), "finance_only"},
		{"issued before the check", issue(p.submitted, v.fin.ID, "26210000000000000099", p.issuedTotal, rightDue), "stale_status"},
		{"issued for another amount", issue(p.checked, v.fin.ID, "26210000000000000099", p.issuedTotal+1, rightDue), "stale_status"},
		{"issued with a due day of its own", issue(p.checked, v.fin.ID, "26210000000000000099", p.issuedTotal, `date('now', '+90 days')`), "fixed_field"},
		{"issued with a number already given", issue(p.checked, v.fin.ID, "26210000000044556677", p.issuedTotal, rightDue), "duplicate"},
		{"issued with a number in no form", issue(p.checked, v.fin.ID, "ABC123", p.issuedTotal, rightDue), "invoice_no_form"},
		{"issued with a paper number without its code", issue(p.checked, v.fin.ID, "01234567", p.issuedTotal, rightDue), "invoice_no_form"},
		{"issued with a paper number spelt another way", issue(p.checked, v.fin.ID, "2100211130 01234567", p.issuedTotal, rightDue), "invoice_no_form"},
		{"issued with a number as an integer", asNumber("26210000000000000098"), "invoice_no_form"},
		{"issued with a number that drops its leading zero", asNumber("02621000000000000098"), "invoice_no_form"},
		{"an issue rewritten", `UPDATE invoice_issues SET due_on = '2099-01-01'`, "append_only"},
		{"mailed before it was issued", fmt.Sprintf(`INSERT INTO invoice_mailings(invoice_doc_id, mailed_on, created_at, updated_at, updated_by)
			VALUES (%d, date('now'), %s, %s, %d)`, p.checked, now, now, v.clerk.ID), "stale_status"},

		// Receipts and allocations.
		{"a receipt recorded by a clerk", receipt(v.clerk.ID, `date('now')`), "finance_only"},
		{"a receipt from the future", receipt(v.fin.ID, `date('now', '+3 days')`), "date_in_future"},
		{"a receipt rewritten", fmt.Sprintf(`UPDATE receipts SET amount = 1 WHERE id = %d`, p.receipt), "append_only"},
		{"a receipt deleted", fmt.Sprintf(`DELETE FROM receipts WHERE id = %d`, p.receipt), "no_delete"},
		{"allocated beyond the invoice's open amount", alloc(p.receipt, p.issued, p.issuedTotal+1, v.fin.ID), "over_allocated"},
		{"allocated beyond the receipt", alloc(p.small, p.issued, 10001, v.fin.ID), "receipt_exhausted"},
		{"allocated to an invoice not issued", alloc(p.receipt, p.checked, 100, v.fin.ID), "not_open"},
		{"allocated by a clerk", alloc(p.receipt, p.issued, 100, v.clerk.ID), "finance_only"},
		{"a reversal of a live invoice", alloc(p.receipt, p.issued, -100, v.fin.ID), "over_allocated"},
	}
	if storetest.IsPostgres(db) {
		// SQLite keeps a number written into a text column as a number,
		// which the form's typeof refuses. PostgreSQL turns it into its
		// digits while reading the statement, before any rule sees it:
		// twenty digits are the form itself, kept as the text they read
		// (so the UNIQUE holds), and only a number whose digits are not
		// the form (a leading zero dropped) is left to refuse.
		tests = slices.DeleteFunc(tests, func(tc bypass) bool { return tc.name == "issued with a number as an integer" })
	}
	wantRefused(t, db, invoicingTables, tests)
	// What the rules allow still works: finance allocates the invoice in
	// full; voiding it (with a reason) gives the money back on account.
	if _, err := db.Exec(alloc(p.receipt, p.issued, p.issuedTotal, v.fin.ID)); err != nil {
		t.Fatalf("a full allocation was refused: %v", err)
	}
	if _, err := db.Exec(alloc(p.small, p.issued, 1, v.fin.ID)); err == nil {
		t.Fatal("a paid invoice took more money")
	}
	if _, err := db.Exec(tr(p.issued, "void", "issued", "void", v.fin.ID, 0, "红冲")); err != nil {
		t.Fatalf("finance's void was refused: %v", err)
	}
	if got := scalar[int64](t, db, `SELECT sum(amount) FROM allocations WHERE receipt_id = ?`, p.receipt); got != 0 {
		t.Fatalf("the void invoice keeps %d of the receipt", got)
	}
	if _, err := db.Exec(alloc(p.receipt, p.issued, -1, v.fin.ID)); err == nil {
		t.Fatal("a reversal beyond what was allocated was taken")
	}
	if got := scalar[string](t, db, `SELECT method FROM receipts WHERE confirmation_id IS NULL AND id = ?`, p.small); got != store.MethodBank {
		t.Fatalf("receipt method %q", got)
	}
}

// invoicingTables summarise the invoicing tables.
var invoicingTables = docSummary(
	`SELECT group_concat(doc_id || order_doc_id || total, ';') FROM invoices`,
	`SELECT group_concat(id || qty || weight || amount || removed, ';') FROM invoice_lines`,
	`SELECT count(*) FROM invoice_issues`,
	`SELECT count(*) FROM invoice_mailings`,
	`SELECT group_concat(id || amount, ';') FROM receipts`,
	`SELECT count(*) FROM allocations`,
)
