package store_test

import (
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// orderDocs are orders in the states the bypass attempts need, made
// through the desk.
type orderDocs struct {
	buyer                            store.User
	cust                             int64
	draft, bare, submitted, approved int64 // bare: no place of signing
	own                              int64 // made by admin (supervisor and clerk), submitted
	signed                           int64
	draftLine, approvedLine          int64
	cancel                           int64 // a cancellation of signed, asked by admin
	stockReq                         int64
	series                           string
}

func (v *env) orders() orderDocs {
	t := v.t
	t.Helper()
	must := v.must
	var p orderDocs
	sys, _ := v.e.SystemUser(v.ctx)
	var err error
	p.buyer, err = v.e.AddUser(v.ctx, sys, "sun", "孙采购", "", []workflow.Role{workflow.Purchasing})
	must(err)
	clerk, admin, boss := v.e.Desk(v.clerk), v.e.Desk(v.admin), v.e.Desk(v.boss)
	p.cust, _, err = clerk.CreateCustomer(v.ctx, workflow.CustomerInput{Name: "沈阳重型机械有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市铁西区北二路18号", PaymentTerms: store.TermsPrepaid})
	must(err)
	order := func(d *workflow.Desk, place string) int64 {
		t.Helper()
		in, err := d.NewOrderInput(v.ctx, p.cust)
		must(err)
		in.DeliveryDate, in.SigningPlace = "2025-03-20", place
		in.Lines = []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "10", Unit: "t", Price: "4120"}}
		id, _, err := d.CreateOrder(v.ctx, in)
		must(err)
		return id
	}
	line := func(id int64) int64 {
		od, err := clerk.Order(v.ctx, id)
		must(err)
		return od.Order.Lines[0].ID
	}
	p.draft = order(clerk, "沈阳")
	p.draftLine = line(p.draft)
	p.bare = order(clerk, "")
	p.submitted = order(clerk, "沈阳")
	must(clerk.SubmitOrder(v.ctx, p.submitted, 0))
	p.own = order(admin, "沈阳")
	must(admin.SubmitOrder(v.ctx, p.own, 0))
	p.approved, p.signed = order(clerk, "沈阳"), order(clerk, "沈阳")
	for _, id := range []int64{p.approved, p.signed} {
		must(clerk.SubmitOrder(v.ctx, id, 0))
		must(boss.Act(v.ctx, id, workflow.ActionApprove, ""))
	}
	p.approvedLine = line(p.approved)
	must(clerk.RecordSignBack(v.ctx, p.signed, 0, "2025-03-01", ""))
	p.cancel, err = admin.RequestCancel(v.ctx, p.signed, 0, "客户取消")
	must(err)
	p.stockReq, err = clerk.RequestStock(v.ctx, workflow.StockRequestInput{LineID: p.approvedLine, OnHand: "2"})
	must(err)
	must(clerk.RecordStockAnswer(v.ctx, p.approvedLine, workflow.StockAnswerInput{Answer: "partial", Available: "2", MeetOn: "2025-03-15"}))
	p.series = "LNSYNO.{seq}"
	return p
}

// TestDatabaseRefusesOrderBypass writes around orderdesk through a raw
// connection and expects the triggers to refuse every way around the
// order rules: status without a transition, a maker's sign-off, numbers
// not drawn by a sign-off or out of sequence, contracts changed after
// sign-off, cancellations and revisions without their sign-offs,
// stock-up replies not from purchasing.
func TestDatabaseRefusesOrderBypass(t *testing.T) {
	v := newEnv(t)
	p := v.orders()
	db := raw(t, v.path)
	now := nowSQL
	tr := func(doc int64, action, from, to string, actor int64, signoff int) string {
		return transitionSQL(doc, action, from, to, actor, signoff, "x")
	}
	number := func(doc int64, seq int, no string, by int64) string {
		return fmt.Sprintf(`INSERT INTO order_numbers(order_doc_id, series, seq, order_no, created_at, updated_at, updated_by)
			VALUES (%d, '%s', %d, '%s', %s, %s, %d)`, doc, p.series, seq, no, now, now, by)
	}
	tests := []struct{ name, sql, code string }{
		// Status and sign-off.
		{"contract approved without a transition", fmt.Sprintf(`UPDATE documents SET status = 'approved' WHERE id = %d`, p.submitted), "status_without_transition"},
		{"customer signed without a transition", fmt.Sprintf(`UPDATE documents SET status = 'signed' WHERE id = %d`, p.approved), "status_without_transition"},
		{"contract signed off by its maker", tr(p.own, "approve", "submitted", "approved", v.admin.ID, 1), "maker_cannot_sign"},
		{"contract signed off by a clerk", tr(p.submitted, "approve", "submitted", "approved", v.clerk2.ID, 1), "role_not_allowed"},
		{"contract approval without sign-off", tr(p.submitted, "approve", "submitted", "approved", v.boss.ID, 0), "no_such_transition"},
		{"an incomplete contract submitted", tr(p.bare, "submit", "draft", "submitted", v.clerk.ID, 0), "contract_incomplete"},
		{"signed back with no day recorded", tr(p.approved, "sign_back", "approved", "signed", v.clerk.ID, 0), "signback_missing"},
		{"cancelled with no signed-off cancellation", tr(p.signed, "cancel", "signed", "cancelled", v.boss.ID, 0), "cancel_needs_signoff"},
		{"revised with no revision", tr(p.approved, "revise", "approved", "revised", v.boss.ID, 0), "revision_missing"},
		{"a cancellation approved by its maker", tr(p.cancel, "approve", "submitted", "approved", v.admin.ID, 1), "maker_cannot_sign"},

		// Numbers.
		{"a number for a contract not signed off", number(p.submitted, 3, "LNSYNO.0003", v.boss.ID), "number_needs_signoff"},
		{"a number for a draft", number(p.draft, 3, "LNSYNO.0003", v.clerk.ID), "number_needs_signoff"},
		{"a second number for a numbered contract", number(p.approved, 3, "LNSYNO.0003", v.boss.ID), "number_needs_signoff|duplicate"},
		{"a number edited", `UPDATE order_numbers SET order_no = 'LNSYNO.0009'`, "fixed_field"},
		{"a number moved to another order", fmt.Sprintf(`UPDATE order_numbers SET order_doc_id = %d`, p.draft), "fixed_field"},
		{"a number deleted", `DELETE FROM order_numbers`, "no_delete"},
		{"the counter skipped ahead", `UPDATE order_series SET last_seq = last_seq + 1`, "number_gap"},
		{"the counter reset", `UPDATE order_series SET last_seq = 0`, "number_gap"},
		{"a series started part way", fmt.Sprintf(`INSERT INTO order_series(series, digits, last_seq, created_at, updated_at, updated_by)
			VALUES ('LNDLNO.{seq}', 4, 7, %s, %s, %d)`, now, now, v.clerk.ID), "number_gap"},
		{"a series deleted", `DELETE FROM order_series`, "no_delete"},

		// Content after sign-off.
		{"a line changed after sign-off", fmt.Sprintf(`UPDATE order_lines SET qty = 1, weight = 1, amount = 4120 WHERE id = %d`, p.approvedLine), "not_editable"},
		{"the ship-to changed after sign-off", fmt.Sprintf(`UPDATE orders SET ship_to = '别处' WHERE doc_id = %d`, p.approved), "not_editable"},
		{"a line added after sign-off", fmt.Sprintf(`INSERT INTO order_lines(doc_id, line_no, grade, name, qty, unit, weight, created_at, updated_at, updated_by)
			VALUES (%d, 9, 'Q235B', 'x', 1000, 't', 1000, %s, %s, %d)`, p.approved, now, now, v.clerk.ID), "not_editable"},
		{"an order's customer changed", fmt.Sprintf(`UPDATE orders SET customer_id = customer_id + 1 WHERE doc_id = %d`, p.draft), "fixed_field"},
		{"an order deleted", fmt.Sprintf(`DELETE FROM orders WHERE doc_id = %d`, p.draft), "no_delete"},
		{"a line deleted", fmt.Sprintf(`DELETE FROM order_lines WHERE id = %d`, p.draftLine), "no_delete"},
		{"a revision of a draft", fmt.Sprintf(`INSERT INTO orders(doc_id, customer_id, root_doc_id, revision, revises_doc_id, order_date, customer_name, payment_terms,
			created_at, updated_at, updated_by) VALUES (%d, %d, %d, 2, %d, '2025-03-01', 'x', 'prepaid', %s, %s, %d)`, p.bare, p.cust, p.draft, p.draft, now, now, v.clerk.ID), "not_revisable|duplicate"},

		// Sign-backs, stock.
		{"a sign-back for a draft", fmt.Sprintf(`INSERT INTO order_signbacks(order_doc_id, signed_on, created_at, updated_at, updated_by)
			VALUES (%d, '2025-03-01', %s, %s, %d)`, p.draft, now, now, v.clerk.ID), "stale_status"},
		{"a sign-back rewritten", `UPDATE order_signbacks SET signed_on = '2025-01-01'`, "append_only"},
		{"a stock-up reply by a clerk", fmt.Sprintf(`INSERT INTO stock_replies(request_doc_id, answer, answered_by, created_at, updated_at, updated_by)
			VALUES (%d, 'will_buy', %d, %s, %s, %d)`, p.stockReq, v.clerk.ID, now, now, v.clerk.ID), "purchasing_only"},
		{"a reply transition with no reply", tr(p.stockReq, "reply", "open", "answered", p.buyer.ID, 1), "answer_missing"},
		{"a stock answer rewritten", `UPDATE order_stock_answers SET answer = 'in_stock'`, "append_only"},
	}
	wantRefused(t, db, orderTables, tests)
	// A line whose amount disagrees with its price is refused by the table.
	_, err := db.Exec(fmt.Sprintf(`UPDATE order_lines SET amount = amount + 1, updated_by = %d WHERE id = %d`, v.clerk.ID, p.draftLine))
	if !checkRefused(err) {
		t.Fatalf("a wrong amount was taken: %v", err)
	}
	// What the rules allow still works: a supervisor's raw sign-off, then
	// the next number of the series, and the counter follows.
	if _, err := db.Exec(tr(p.submitted, "approve", "submitted", "approved", v.boss.ID, 1)); err != nil {
		t.Fatalf("a valid sign-off was refused: %v", err)
	}
	if _, err := db.Exec(number(p.submitted, 4, "LNSYNO.0004", v.boss.ID)); err == nil {
		t.Fatal("a number out of sequence was taken")
	}
	if _, err := db.Exec(number(p.submitted, 3, "LNSYNO.3", v.boss.ID)); err == nil {
		t.Fatal("a number not in the series' format was taken")
	}
	if _, err := db.Exec(number(p.submitted, 3, "LNSYNO.0003", v.boss.ID)); err != nil {
		t.Fatalf("the next number was refused: %v", err)
	}
	if n := scalar[int](t, db, `SELECT last_seq FROM order_series WHERE series = ?`, p.series); n != 3 {
		t.Fatalf("counter %d", n)
	}
}

// orderTables summarise the order tables.
var orderTables = summary{
	`SELECT group_concat(id || status || version || ref, ';') FROM documents`,
	`SELECT count(*) || ':' || max(id) FROM transitions`,
	`SELECT group_concat(doc_id || customer_id || ship_to || total, ';') FROM orders`,
	`SELECT group_concat(id || coalesce(price, '-') || coalesce(amount, '-') || qty || weight || removed, ';') FROM order_lines`,
	`SELECT group_concat(order_doc_id || order_no || seq, ';') FROM order_numbers`,
	`SELECT group_concat(series || last_seq, ';') FROM order_series`,
	`SELECT group_concat(order_doc_id || signed_on, ';') FROM order_signbacks`,
	`SELECT count(*) FROM stock_replies`,
	`SELECT group_concat(id || answer, ';') FROM order_stock_answers`,
	`SELECT count(*) || ':' || max(id) FROM audit_log`,
}
