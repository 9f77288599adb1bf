package store_test

import (
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// pricingDocs are documents of every pricing kind in the states the
// bypass attempts need, made through the desk.
type pricingDocs struct {
	buyer, buyerClerk           store.User
	inquiry                     int64
	draft, submitted, sent, won int64 // quotes
	draftLine, submittedLine    int64
	pending, approved           int64 // price changes
	pendingLine                 int64
	openReq, answeredReq        int64
	ownReq                      int64 // asked by buyerClerk, who holds purchasing too
}

func (v *env) pricing() pricingDocs {
	t := v.t
	t.Helper()
	var p pricingDocs
	sys, _ := v.e.SystemUser(v.ctx)
	var err error
	if p.buyer, err = v.e.AddUser(v.ctx, sys, "sun", "孙采购", "", []workflow.Role{workflow.Purchasing}); err != nil {
		t.Fatal(err)
	}
	if p.buyerClerk, err = v.e.AddUser(v.ctx, sys, "qianb", "钱采购", "", []workflow.Role{workflow.Purchasing, workflow.Clerk}); err != nil {
		t.Fatal(err)
	}
	must := v.must
	clerk, boss, buyer := v.e.Desk(v.clerk), v.e.Desk(v.boss), v.e.Desk(p.buyer)
	_, err = clerk.SaveProduct(v.ctx, store.Product{}, workflow.ProductInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"})
	must(err)
	plate := workflow.LineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "10", Unit: "t"}
	quote := func(price string) int64 {
		t.Helper()
		in, err := clerk.NewInquiryInput(v.ctx, v.custID)
		must(err)
		in.Lines = []workflow.LineInput{plate}
		inq, _, err := clerk.CreateInquiry(v.ctx, in)
		must(err)
		p.inquiry = inq
		q, err := clerk.CreateQuote(v.ctx, inq)
		must(err)
		if price != "" {
			qd, err := clerk.Quote(v.ctx, q)
			must(err)
			must(clerk.PriceLine(v.ctx, q, qd.Version, qd.Quote.Lines[0].ID, price))
		}
		return q
	}
	lineOf := func(q int64) int64 {
		qd, err := clerk.Quote(v.ctx, q)
		must(err)
		return qd.Quote.Lines[0].ID
	}
	p.draft = quote("")
	p.draftLine = lineOf(p.draft)
	p.submitted = quote("4120")
	p.submittedLine = lineOf(p.submitted)
	must(clerk.SubmitQuote(v.ctx, p.submitted, 0))
	p.sent, p.won = quote("4100"), quote("4080")
	for _, q := range []int64{p.sent, p.won} {
		must(clerk.SubmitQuote(v.ctx, q, 0))
		must(boss.Act(v.ctx, q, workflow.ActionApprove, ""))
		must(clerk.Act(v.ctx, q, workflow.ActionMarkSent, ""))
	}
	must(clerk.Act(v.ctx, p.won, workflow.ActionWin, ""))
	p.openReq, err = clerk.RequestQuoteLinePrice(v.ctx, p.draftLine, "")
	must(err)
	q := quote("")
	p.answeredReq, err = clerk.RequestQuoteLinePrice(v.ctx, lineOf(q), "")
	must(err)
	must(buyer.AnswerPriceRequest(v.ctx, p.answeredReq, 0, "4300", ""))
	p.ownReq, err = v.e.Desk(p.buyerClerk).RequestQuoteLinePrice(v.ctx, lineOf(quote("")), "")
	must(err)
	change := func(price string) int64 {
		id, _, err := clerk.ProposePriceChange(v.ctx, workflow.PriceChangeInput{Reason: "调价", Lines: []workflow.PriceLineInput{
			{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: price, ValidFrom: "2025-03-01"}}})
		must(err)
		return id
	}
	p.pending, p.approved = change("4200"), change("4150")
	must(boss.Act(v.ctx, p.approved, workflow.ActionApprove, ""))
	dd, err := clerk.Document(v.ctx, p.pending)
	must(err)
	p.pendingLine = dd.PriceChange[0].ID
	_, err = buyer.RecordMarketPrice(v.ctx, workflow.MarketPriceInput{Source: "wuxi", Grade: "Q235B", Spec: "20×1500×6000", Price: "3990"})
	must(err)
	return p
}

// TestDatabaseRefusesPricingBypass writes around orderdesk through a raw
// connection and expects the triggers to refuse every way around the
// pricing rules: the price list only from approved changes, quotes only
// through their transitions, answers only from purchasing, derived price
// history only from quotes.
func TestDatabaseRefusesPricingBypass(t *testing.T) {
	v := newEnv(t)
	p := v.pricing()
	db := raw(t, v.path)
	now := nowSQL
	approvedLine := scalar[int64](t, db, `SELECT id FROM price_change_lines WHERE doc_id = ?`, p.approved)
	listRow := scalar[int64](t, db, `SELECT id FROM price_list`)
	sentLine := scalar[int64](t, db, `SELECT id FROM quote_lines WHERE doc_id = ?`, p.sent)
	wonQuote := scalar[string](t, db, `SELECT quote_no FROM quotes WHERE doc_id = ?`, p.won)
	otherCust, _ := v.customerWithTerms(v.clerk, "鞍山钢铁")
	// A bare quote header in draft, as a script could make, to hang forged content on.
	bare := scalar[int64](t, db, `INSERT INTO documents(kind, status, maker_id, status_since, created_at, updated_at, updated_by)
		VALUES ('quote', 'draft', ?, `+now+`, `+now+`, `+now+`, ?) RETURNING id`, v.clerk.ID, v.clerk.ID)

	tr := func(doc int64, action, from, to string, actor int64, signoff int) string {
		return transitionSQL(doc, action, from, to, actor, signoff, "x")
	}
	listInsert := func(changeDoc, line int64, price int) string {
		return fmt.Sprintf(`INSERT INTO price_list(grade, name, spec, unit, price, valid_from, change_doc_id, change_line_id, created_at, updated_at, updated_by)
			VALUES ('Q235B', '热轧钢板', '20×1500×6000', 't', %d, '2025-03-01', %d, %d, %s, %s, %d)`, price, changeDoc, line, now, now, v.clerk.ID)
	}
	answer := func(doc, by, updatedBy int64) string {
		return fmt.Sprintf(`INSERT INTO price_answers(request_doc_id, price, answered_by, created_at, updated_at, updated_by)
			VALUES (%d, 100, %d, %s, %s, %d)`, doc, by, now, now, updatedBy)
	}
	quoteRow := func(doc, revises int64, no string, rev int, cust int64) string {
		rv := "NULL"
		if revises != 0 {
			rv = fmt.Sprint(revises)
		}
		return fmt.Sprintf(`INSERT INTO quotes(doc_id, inquiry_doc_id, customer_id, quote_no, revision, revises_doc_id, payment_terms, created_at, updated_at, updated_by)
			VALUES (%d, %d, %d, '%s', %d, %s, 'prepaid', %s, %s, %d)`, doc, p.inquiry, cust, no, rev, rv, now, now, v.clerk.ID)
	}
	tests := []struct{ name, sql, code string }{
		// The price list.
		{"list price from a change not approved", listInsert(p.pending, p.pendingLine, 420000), "price_needs_signoff"},
		{"list price from no change", listInsert(0, 0, 100), "price_needs_signoff"},
		{"list price other than the approved one", listInsert(p.approved, approvedLine, 1), "price_needs_signoff|duplicate"},
		{"an approved price listed twice", listInsert(p.approved, approvedLine, 415000), "duplicate"},
		{"edit a list price", fmt.Sprintf(`UPDATE price_list SET price = 1 WHERE id = %d`, listRow), "price_needs_signoff"},
		{"end a list price early", fmt.Sprintf(`UPDATE price_list SET valid_to = '2025-03-02' WHERE id = %d`, listRow), "price_needs_signoff"},
		{"delete a list price", `DELETE FROM price_list`, "no_delete"},
		{"replace a list price", fmt.Sprintf(`INSERT OR REPLACE INTO price_list(id, grade, name, spec, unit, price, valid_from, change_doc_id, change_line_id, created_at, updated_at, updated_by)
			VALUES (%d, 'Q235B', '热轧钢板', '20×1500×6000', 't', 415000, '2025-03-01', %d, %d, %s, %s, %d)`, listRow, p.approved, approvedLine, now, now, v.clerk.ID), "duplicate"},
		{"edit an approved change", fmt.Sprintf(`UPDATE price_change_lines SET price = 1 WHERE doc_id = %d`, p.approved), "not_editable"},
		{"price change approved without a transition", fmt.Sprintf(`UPDATE documents SET status = 'approved' WHERE id = %d`, p.pending), "status_without_transition"},
		{"price change approved by its maker", tr(p.pending, "approve", "submitted", "approved", v.clerk.ID, 1), "role_not_allowed"},
		{"price change approved by finance", tr(p.pending, "approve", "submitted", "approved", v.fin.ID, 1), "role_not_allowed"},

		// Quotes.
		{"quote approved without a transition", fmt.Sprintf(`UPDATE documents SET status = 'approved' WHERE id = %d`, p.submitted), "status_without_transition"},
		{"quote sent without a transition", fmt.Sprintf(`UPDATE documents SET status = 'sent' WHERE id = %d`, p.submitted), "status_without_transition"},
		{"quote approved by a clerk", tr(p.submitted, "approve", "submitted", "approved", v.clerk2.ID, 1), "role_not_allowed"},
		{"quote approved by its maker", tr(p.submitted, "approve", "submitted", "approved", v.clerk.ID, 1), "role_not_allowed|maker_cannot_sign"},
		{"quote approval without sign-off", tr(p.submitted, "approve", "submitted", "approved", v.boss.ID, 0), "no_such_transition"},
		{"unpriced quote submitted", tr(p.draft, "submit", "draft", "submitted", v.clerk.ID, 0), "unpriced_lines"},
		{"empty quote submitted", tr(bare, "submit", "draft", "submitted", v.clerk.ID, 0), "no_lines"},
		{"quote marked revised with no revision", tr(p.sent, "revise", "sent", "revised", v.clerk.ID, 0), "revision_missing"},
		{"line edited under review", fmt.Sprintf(`UPDATE quote_lines SET price = 1, amount = 10, updated_by = %d WHERE id = %d`, v.clerk.ID, p.submittedLine), "not_editable"},
		{"line edited after sending", fmt.Sprintf(`UPDATE quote_lines SET qty = 1 WHERE id = %d`, sentLine), "not_editable"},
		{"line added to a won quote", fmt.Sprintf(`INSERT INTO quote_lines(doc_id, line_no, grade, name, qty, unit, created_at, updated_at, updated_by)
			VALUES (%d, 9, 'Q235B', 'x', 1000, 't', %s, %s, %d)`, p.won, now, now, v.clerk.ID), "not_editable"},
		{"quote deleted", fmt.Sprintf(`DELETE FROM quotes WHERE doc_id = %d`, p.won), "no_delete"},
		{"quote line deleted", fmt.Sprintf(`DELETE FROM quote_lines WHERE id = %d`, p.draftLine), "no_delete"},
		{"a won quote revised", quoteRow(bare, p.won, wonQuote, 2, v.custID), "quote_won"},
		{"a quote for another customer than its inquiry's", quoteRow(bare, 0, "BJ-X", 1, otherCust), "customer_mismatch"},
		{"a draft's number changed", fmt.Sprintf(`UPDATE quotes SET quote_no = 'X' WHERE doc_id = %d`, p.draft), "fixed_field"},

		// Price requests.
		{"answered by a clerk", answer(p.openReq, v.clerk.ID, v.clerk.ID), "purchasing_only"},
		{"answered in purchasing's name by another", answer(p.openReq, p.buyer.ID, v.clerk.ID), "purchasing_only"},
		{"answered by its maker", answer(p.ownReq, p.buyerClerk.ID, p.buyerClerk.ID), "maker_cannot_sign"},
		{"answered twice", answer(p.answeredReq, p.buyer.ID, p.buyer.ID), "stale_status|duplicate"},
		{"answer transition with no answer", tr(p.openReq, "answer", "open", "answered", p.buyer.ID, 1), "answer_missing"},
		{"answer transition by a clerk", tr(p.openReq, "answer", "open", "answered", v.clerk.ID, 1), "role_not_allowed|answer_missing"},
		{"an answer rewritten", `UPDATE price_answers SET price = 1`, "append_only"},
		{"an answer deleted", `DELETE FROM price_answers`, "no_delete"},

		// Derived prices and market prices.
		{"a sold price forged", fmt.Sprintf(`INSERT INTO customer_prices(customer_id, grade, spec, name, unit, price, kind, quote_doc_id, quote_line_id, at)
			VALUES (%d, 'Q235B', '20×1500×6000', '热轧钢板', 't', 1, 'sold', %d, %d, %s)`, v.custID, p.sent, sentLine, now), "derived_only"},
		{"a quoted price copied again", fmt.Sprintf(`INSERT INTO customer_prices(customer_id, grade, spec, name, unit, price, kind, quote_doc_id, quote_line_id, at)
			SELECT customer_id, grade, spec, name, unit, price, kind, quote_doc_id, quote_line_id, at FROM customer_prices WHERE quote_doc_id = %d AND kind = 'quoted'`, p.sent), "derived_only|duplicate"},
		{"a sold price changed", `UPDATE customer_prices SET price = 1`, "append_only"},
		{"price history deleted", `DELETE FROM customer_prices`, "append_only"},
		{"a market price rewritten", `UPDATE market_prices SET price = 1`, "append_only"},
		{"market history deleted", `DELETE FROM market_prices`, "no_delete"},
		{"an inquiry deleted", fmt.Sprintf(`DELETE FROM inquiries WHERE doc_id = %d`, p.inquiry), "no_delete"},
	}
	wantRefused(t, db, pricingTables, tests)

	// A quote line whose amount disagrees with its price is refused by
	// the table itself.
	_, err := db.Exec(fmt.Sprintf(`UPDATE quote_lines SET price = 412000, amount = 1, updated_by = %d WHERE id = %d`, v.clerk.ID, p.draftLine))
	if !checkRefused(err) {
		t.Fatalf("a wrong amount was taken: %v", err)
	}

	// What the rules allow still works on the same connection: a
	// supervisor's raw approval lists the price; sending writes history.
	if _, err := db.Exec(tr(p.pending, "approve", "submitted", "approved", v.boss.ID, 1)); err != nil {
		t.Fatalf("a valid sign-off was refused: %v", err)
	}
	if n := scalar[int](t, db, `SELECT count(*) FROM price_list WHERE change_doc_id = ? AND price = 420000`, p.pending); n != 1 {
		t.Fatalf("approved price listed %d times", n)
	}
	if n := scalar[int](t, db, `SELECT count(*) FROM customer_prices WHERE quote_doc_id = ?`, p.won); n != 2 {
		t.Fatalf("a won quote has %d price rows, want quoted and sold", n)
	}
}

// pricingTables summarise the pricing tables.
var pricingTables = docSummary(
	`SELECT group_concat(id || price || valid_from || coalesce(valid_to, '-'), ';') FROM price_list`,
	`SELECT group_concat(id || price || removed, ';') FROM price_change_lines`,
	`SELECT group_concat(id || coalesce(price, '-') || coalesce(amount, '-') || qty || removed, ';') FROM quote_lines`,
	`SELECT group_concat(doc_id || quote_no || revision, ';') FROM quotes`,
	`SELECT group_concat(id || price || kind, ';') FROM customer_prices`,
	`SELECT group_concat(id || price, ';') FROM price_answers`,
	`SELECT group_concat(id || price, ';') FROM market_prices`,
)
