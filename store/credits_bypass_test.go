package store_test

import (
	"fmt"
	"testing"

	"orderdesk/workflow"
)

// TestDatabaseRefusesCreditBypass writes around orderdesk through a raw
// connection and expects the triggers to refuse every way around the
// credit rules: more than the invoice less the credits in play, a credit
// of an invoice not issued, an issue without finance, out of turn or with
// a number an invoice has, allocations beyond what a credit has on
// account, an invoice voided under its credits, records rewritten.
func TestDatabaseRefusesCreditBypass(t *testing.T) {
	v := newEnv(t)
	p := v.invoicing()
	s := p.ship
	clerk, boss, fin := v.e.Desk(v.clerk), v.e.Desk(v.boss), v.e.Desk(v.fin)
	mk := func(amount string) int64 {
		t.Helper()
		id, err := clerk.CreateCredit(v.ctx, workflow.CreditInput{InvoiceID: p.issued, Reason: "折让", Amount: amount})
		v.must(err)
		return id
	}
	draft, checked, issued := mk("1"), mk("2"), mk("3")
	for _, id := range []int64{checked, issued} {
		v.must(clerk.SubmitCredit(v.ctx, id, 0))
		v.must(boss.CheckCredit(v.ctx, id, 0))
	}
	v.must(fin.IssueCredit(v.ctx, issued, 0, workflow.IssueInput{InvoiceNo: "26210000000044556688"}))

	db := raw(t, v.path)
	now := nowSQL
	tr := transitionSQL
	credit := func(invoice, total int64) string { // on a document no credit holds yet
		return fmt.Sprintf(`INSERT INTO credits(doc_id, invoice_doc_id, customer_id, basis, reason, total, created_at, updated_at, updated_by)
			VALUES (%d, %d, %d, 'allowance', '折让', %d, %s, %s, %d)`, p.draft, invoice, s.monthlyCust, total, now, now, v.clerk.ID)
	}
	issue := func(doc, by int64, no string, amount int64) string {
		return fmt.Sprintf(`INSERT INTO credit_issues(credit_doc_id, credit_no, customer_id, amount, issued_on, issued_by,
			created_at, updated_at, updated_by) VALUES (%d, '%s', %d, %d, date('now'), %d, %s, %s, %d)`,
			doc, no, s.monthlyCust, amount, by, now, now, by)
	}
	alloc := func(invoice, amount, by int64) string {
		return fmt.Sprintf(`INSERT INTO credit_allocations(credit_doc_id, invoice_doc_id, amount, allocated_on, allocated_by, created_at, updated_at, updated_by)
			VALUES (%d, %d, %d, date('now'), %d, %s, %s, %d)`, issued, invoice, amount, by, now, now, by)
	}
	tests := []struct{ name, sql, code string }{
		{"a credit beyond the invoice less the credits in play", credit(p.issued, p.issuedTotal-500), "over_credited"},
		{"a draft grown beyond what is left", fmt.Sprintf(`UPDATE credits SET total = %d, updated_by = %d WHERE doc_id = %d`,
			p.issuedTotal-400, v.clerk.ID, draft), "over_credited"},
		{"a credit of an invoice not issued", credit(p.checked, 1), "not_open"},
		{"a credit moved to another invoice", fmt.Sprintf(`UPDATE credits SET invoice_doc_id = %d WHERE doc_id = %d`, p.checked, draft), "fixed_field"},
		{"checked by its maker", tr(draft, "approve", "submitted", "checked", v.clerk.ID, 1, ""), "stale_status"},
		{"issued with no issue record", tr(checked, "issue", "checked", "issued", v.fin.ID, 1, ""), "issue_missing"},
		{"issued by a clerk", issue(checked, v.clerk.ID, "26210000000044556699", 200), "finance_only"},
		{"issued before the check", issue(draft, v.fin.ID, "26210000000044556699", 100), "stale_status"},
		{"issued for another amount", issue(checked, v.fin.ID, "26210000000044556699", 201), "stale_status"},
		{"issued with an invoice's number", issue(checked, v.fin.ID, "26210000000044556677", 200), "number_taken"},
		{"issued with a number in no form", issue(checked, v.fin.ID, "HZ-1", 200), "invoice_no_form"},
		{"an issue rewritten", `UPDATE credit_issues SET amount = 1`, "append_only"},
		{"settled beyond what the credit has on account", alloc(p.issued, 1, v.fin.ID), "receipt_exhausted"},
		{"settled by a clerk", alloc(p.issued, 1, v.clerk.ID), "finance_only"},
		{"settling an invoice not issued", alloc(p.checked, 1, v.fin.ID), "not_open"},
		{"a reversal of a live credit", alloc(p.issued, -100, v.fin.ID), "over_allocated"},
		{"the invoice voided under its credits", tr(p.issued, "void", "issued", "void", v.fin.ID, 0, "红冲"), "credited"},
		{"a credit deleted", fmt.Sprintf(`DELETE FROM credits WHERE doc_id = %d`, draft), "no_delete"},
	}
	wantRefused(t, db, creditTables, tests)
	// What the rules allow still works: finance voids the issued credit,
	// and what it settled is open on the invoice again.
	if _, err := db.Exec(tr(issued, "void", "issued", "void", v.fin.ID, 0, "作废")); err != nil {
		t.Fatalf("finance's void was refused: %v", err)
	}
	if got := scalar[int64](t, db, `SELECT sum(amount) FROM credit_allocations WHERE credit_doc_id = ?`, issued); got != 0 {
		t.Fatalf("the void credit keeps %d settled", got)
	}
	if got := scalar[int64](t, db, `SELECT open FROM receivable_open WHERE invoice_doc_id = ?`, p.issued); got != p.issuedTotal {
		t.Fatalf("the invoice's open amount is %d, want %d", got, p.issuedTotal)
	}
	// A credit of goods is of goods that came back: with no return note
	// received, a returned line of the invoice is refused whatever the
	// line invoiced.
	if _, err := db.Exec(fmt.Sprintf(`INSERT INTO credits(doc_id, invoice_doc_id, customer_id, basis, reason, total, created_at, updated_at, updated_by)
		VALUES (%d, %d, %d, 'return', '退货', 0, %s, %s, %d)`, p.draft, p.issued, s.monthlyCust, now, now, v.clerk.ID)); err != nil {
		t.Fatalf("a return's credit with no lines yet was refused: %v", err)
	}
	line := scalar[int64](t, db, `SELECT id FROM invoice_lines WHERE doc_id = ? AND removed = 0 LIMIT 1`, p.issued)
	_, err := db.Exec(fmt.Sprintf(`INSERT INTO credit_lines(doc_id, line_no, invoice_line_id, qty, weight, amount, created_at, updated_at, updated_by)
		SELECT %d, 1, il.id, 1, 0, (l.price * CASE l.price_basis WHEN 'weight' THEN 0 ELSE 1 END + 500) / 1000, %s, %s, %d
		  FROM invoice_lines il JOIN order_lines l ON l.id = il.order_line_id WHERE il.id = %d`, p.draft, now, now, v.clerk.ID, line))
	wantCode(t, err, "over_credited")
}

// creditTables summarise the credit tables.
var creditTables = docSummary(
	`SELECT group_concat(doc_id || invoice_doc_id || total, ';') FROM credits`,
	`SELECT count(*) FROM credit_lines`,
	`SELECT group_concat(credit_no || amount, ';') FROM credit_issues`,
	`SELECT group_concat(id || amount, ';') FROM credit_allocations`,
)
