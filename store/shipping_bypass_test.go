package store_test

import (
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// shipDocs are delivery notes in the states the bypass attempts need,
// made through the desk.
type shipDocs struct {
	wh                      store.User
	order, unsigned         int64 // a prepaid order signed back; one only signed off
	draft, held, own        int64 // own: made by admin (supervisor), submitted
	draftLine, orderLine    int64
	released, releasedLine  int64 // a monthly note released per contract
	monthlyOrder, override  int64 // override: asked by clerk2 for held
	monthlyCust, prepaidCus int64
}

func (v *env) shipping() shipDocs {
	t := v.t
	t.Helper()
	must := v.must
	var p shipDocs
	sys, _ := v.e.SystemUser(v.ctx)
	var err error
	p.wh, err = v.e.AddUser(v.ctx, sys, "wu", "吴仓管", "", []workflow.Role{workflow.Warehouse})
	must(err)
	clerk, admin, boss := v.e.Desk(v.clerk), v.e.Desk(v.admin), v.e.Desk(v.boss)
	p.prepaidCus, _, err = clerk.CreateCustomer(v.ctx, workflow.CustomerInput{Name: "沈阳重型机械有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市铁西区北二路18号", PaymentTerms: store.TermsPrepaid})
	must(err)
	var doc int64
	p.monthlyCust, doc, err = clerk.CreateCustomer(v.ctx, workflow.CustomerInput{Name: "大连月结重工有限公司", Province: "辽宁", City: "大连",
		Address: "大连市1号", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "1000000"})
	must(err)
	must(boss.Act(v.ctx, doc, workflow.ActionApprove, ""))
	order := func(cust int64, signBack bool) int64 {
		t.Helper()
		in, err := clerk.NewOrderInput(v.ctx, cust)
		must(err)
		in.DeliveryDate, in.SigningPlace = "2025-03-20", "沈阳"
		in.Lines = []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "10", Unit: "t", Price: "4120"}}
		id, _, err := clerk.CreateOrder(v.ctx, in)
		must(err)
		must(clerk.SubmitOrder(v.ctx, id, 0))
		must(boss.Act(v.ctx, id, workflow.ActionApprove, ""))
		if signBack {
			must(clerk.RecordSignBack(v.ctx, id, 0, "2025-03-01", ""))
		}
		return id
	}
	note := func(d *workflow.Desk, order int64, qty string) int64 {
		t.Helper()
		in, _, err := d.NewDeliveryInput(v.ctx, order)
		must(err)
		in.Lines[0].Quantity, in.Lines[0].Weight = qty, ""
		id, err := d.CreateDelivery(v.ctx, in)
		must(err)
		return id
	}
	p.order, p.unsigned, p.monthlyOrder = order(p.prepaidCus, true), order(p.prepaidCus, false), order(p.monthlyCust, true)
	p.draft = note(clerk, p.order, "2")
	p.held = note(clerk, p.order, "3")
	must(clerk.SubmitDelivery(v.ctx, p.held, 0))
	must(boss.Act(v.ctx, p.held, workflow.ActionApprove, ""))
	p.own = note(admin, p.order, "1")
	must(admin.SubmitDelivery(v.ctx, p.own, 0))
	p.released = note(clerk, p.monthlyOrder, "4")
	must(clerk.SubmitDelivery(v.ctx, p.released, 0))
	must(boss.Act(v.ctx, p.released, workflow.ActionApprove, ""))
	dd, err := clerk.Delivery(v.ctx, p.draft)
	must(err)
	p.draftLine, p.orderLine = dd.Note.Lines[0].ID, dd.Note.Lines[0].OrderLineID
	dd, err = clerk.Delivery(v.ctx, p.released)
	must(err)
	if dd.Note.Status != "released" {
		t.Fatalf("monthly note %s", dd.Note.Status)
	}
	p.releasedLine = dd.Note.Lines[0].ID
	p.override, err = v.e.Desk(v.clerk2).RequestOverride(v.ctx, p.held, 0, "款在途")
	must(err)
	return p
}

// TestDatabaseRefusesShippingBypass writes around orderdesk through a raw
// connection and expects the triggers to refuse every way around the
// shipping rules: the payment gate on every basis, over-shipping, a
// maker's sign-off, loading and payments by the wrong role, a carrier
// signature before the ship time, records rewritten.
func TestDatabaseRefusesShippingBypass(t *testing.T) {
	v := newEnv(t)
	p := v.shipping()
	db := raw(t, v.path)
	now := nowSQL
	tr := transitionSQL
	release := func(note, order, cust int64, basis string, amount int64, by int64, override string) string {
		return fmt.Sprintf(`INSERT INTO delivery_releases(note_doc_id, order_doc_id, customer_id, basis, amount, override_doc_id,
			released_on, due_on, released_by, created_at, updated_at, updated_by)
			VALUES (%d, %d, %d, '%s', %d, %s, date('now'), date('now'), %d, %s, %s, %d)`, note, order, cust, basis, amount, override, by, now, now, by)
	}
	heldAmount := int64(1236000) // 3 t at 4,120.00
	tests := []struct{ name, sql, code string }{
		// The gate.
		{"released with no release record", tr(p.held, "release", "approved", "released", v.clerk.ID, 0, ""), "release_missing"},
		{"released without the status transition", fmt.Sprintf(`UPDATE documents SET status = 'released' WHERE id = %d`, p.held), "status_without_transition"},
		{"prepaid released unpaid", release(p.held, p.order, p.prepaidCus, "prepaid", heldAmount, v.clerk.ID, "NULL"), "payment_missing"},
		{"prepaid released per monthly terms", release(p.held, p.order, p.prepaidCus, "terms", heldAmount, v.clerk.ID, "NULL"), "needs_finance"},
		{"prepaid released on finance's word", release(p.held, p.order, p.prepaidCus, "finance", heldAmount, v.fin.ID, "NULL"), "needs_finance"},
		{"released by an override not approved", release(p.held, p.order, p.prepaidCus, "override", heldAmount, v.boss.ID, fmt.Sprint(p.override)), "override_missing"},
		{"released for another amount", release(p.held, p.order, p.prepaidCus, "prepaid", 1, v.clerk.ID, "NULL"), "stale_status"},
		{"a draft released", release(p.draft, p.order, p.prepaidCus, "prepaid", 824000, v.clerk.ID, "NULL"), "stale_status"},
		{"a release record rewritten", `UPDATE delivery_releases SET basis = 'override'`, "append_only"},
		{"a payment confirmed by a clerk", fmt.Sprintf(`INSERT INTO payment_confirmations(customer_id, order_doc_id, note_doc_id, amount, received_on,
			confirmed_by, created_at, updated_at, updated_by) VALUES (%d, %d, %d, %d, date('now'), %d, %s, %s, %d)`,
			p.prepaidCus, p.order, p.held, heldAmount, v.clerk.ID, now, now, v.clerk.ID), "finance_only"},
		{"a payment confirmed for another customer's order", fmt.Sprintf(`INSERT INTO payment_confirmations(customer_id, order_doc_id, amount, received_on,
			confirmed_by, created_at, updated_at, updated_by) VALUES (%d, %d, 100, date('now'), %d, %s, %s, %d)`,
			p.monthlyCust, p.order, v.fin.ID, now, now, v.fin.ID), "customer_mismatch"},
		{"an override approved by the note's maker", tr(p.override, "approve", "submitted", "approved", v.clerk.ID, 1, ""), "role_not_allowed|maker_cannot_sign"},
		{"an override approved by its maker", tr(p.override, "approve", "submitted", "approved", v.clerk2.ID, 1, ""), "role_not_allowed|maker_cannot_sign"},

		// Drafting and the sign-off.
		{"more than is open on a new line", fmt.Sprintf(`INSERT INTO delivery_lines(doc_id, line_no, order_line_id, qty, weight, amount, created_at, updated_at, updated_by)
			VALUES (%d, 2, %d, 5000, 5000, 2060000, %s, %s, %d)`, p.draft, p.orderLine, now, now, v.clerk.ID), "over_shipped|duplicate"},
		{"a draft line grown past what is open", fmt.Sprintf(`UPDATE delivery_lines SET qty = 7000, weight = 7000, amount = 2884000, updated_by = %d WHERE id = %d`,
			v.clerk.ID, p.draftLine), "over_shipped"},
		{"a draft line with a wrong amount", fmt.Sprintf(`UPDATE delivery_lines SET amount = amount + 1, updated_by = %d WHERE id = %d`, v.clerk.ID, p.draftLine), "amount_mismatch"},
		{"a line changed after sign-off", fmt.Sprintf(`UPDATE delivery_lines SET qty = 1000, weight = 1000, amount = 412000, updated_by = %d WHERE doc_id = %d`,
			v.clerk.ID, p.held), "not_editable"},
		{"a note of an order not signed back", fmt.Sprintf(`INSERT INTO delivery_notes(doc_id, order_doc_id, customer_id, created_at, updated_at, updated_by)
			VALUES (%d, %d, %d, %s, %s, %d)`, p.override, p.unsigned, p.prepaidCus, now, now, v.clerk.ID), "order_not_signed"},
		{"a note moved to another order", fmt.Sprintf(`UPDATE delivery_notes SET order_doc_id = %d WHERE doc_id = %d`, p.monthlyOrder, p.draft), "fixed_field"},
		{"a note signed off by its maker", tr(p.own, "approve", "submitted", "approved", v.admin.ID, 1, ""), "maker_cannot_sign"},
		{"a note signed off by a clerk", tr(p.own, "approve", "submitted", "approved", v.clerk.ID, 1, ""), "role_not_allowed"},
		{"a note voided with no reason", tr(p.draft, "void", "draft", "void", v.clerk.ID, 0, " "), "comment_required"},
		{"a note deleted", fmt.Sprintf(`DELETE FROM delivery_notes WHERE doc_id = %d`, p.draft), "no_delete"},

		// Loading and dispatch.
		{"loaded by a clerk", fmt.Sprintf(`INSERT INTO delivery_loads(note_doc_id, delivery_line_id, qty, weight, loaded_by, created_at, updated_at, updated_by)
			VALUES (%d, %d, 4000, 4000, %d, %s, %s, %d)`, p.released, p.releasedLine, v.clerk.ID, now, now, v.clerk.ID), "warehouse_only"},
		{"a weight far off with no reason", fmt.Sprintf(`INSERT INTO delivery_loads(note_doc_id, delivery_line_id, qty, weight, loaded_by, created_at, updated_at, updated_by)
			VALUES (%d, %d, 4000, 4500, %d, %s, %s, %d)`, p.released, p.releasedLine, p.wh.ID, now, now, p.wh.ID), "weight_reason_missing"},
		{"marked loaded with no figures", tr(p.released, "load", "released", "loaded", p.wh.ID, 1, ""), "load_missing"},
		{"a draft dispatched", fmt.Sprintf(`INSERT INTO delivery_dispatches(note_doc_id, carrier, vehicle, shipped_at, expected_on, signed_by, signed_on,
			created_at, updated_at, updated_by) VALUES (%d, 'x', 'x', '2025-03-02 10:00', '2025-03-03', 'x', '2025-03-02', %s, %s, %d)`,
			p.draft, now, now, v.clerk.ID), "stale_status"},
		{"an order marked shipped before anything left", tr(p.monthlyOrder, "ship_all", "signed", "shipped", v.clerk.ID, 0, ""), "not_shipped"},
	}
	wantRefused(t, db, shippingTables, tests)
	// What the rules allow still works: the warehouse loads within the
	// tolerance, the carrier cannot sign before the goods left (a CHECK),
	// and signs on the day.
	if _, err := db.Exec(fmt.Sprintf(`INSERT INTO delivery_loads(note_doc_id, delivery_line_id, qty, weight, loaded_by, created_at, updated_at, updated_by)
			VALUES (%d, %d, 4000, 4100, %d, %s, %s, %d)`, p.released, p.releasedLine, p.wh.ID, now, now, p.wh.ID)); err != nil {
		t.Fatalf("a load within tolerance was refused: %v", err)
	}
	if _, err := db.Exec(tr(p.released, "load", "released", "loaded", p.wh.ID, 1, "")); err != nil {
		t.Fatalf("a loaded note was refused: %v", err)
	}
	dispatch := func(signed string) error {
		_, err := db.Exec(fmt.Sprintf(`INSERT INTO delivery_dispatches(note_doc_id, carrier, vehicle, shipped_at, expected_on, signed_by, signed_on,
			created_at, updated_at, updated_by) VALUES (%d, '顺达', '辽A1', '2025-03-02 10:00', '2025-03-03', '李', '%s', %s, %s, %d)`,
			p.released, signed, now, now, v.clerk.ID))
		return err
	}
	if err := dispatch("2025-03-01"); err == nil {
		t.Fatal("a signature before the ship time was taken")
	}
	if err := dispatch("2025-03-02"); err != nil {
		t.Fatalf("a signature on the ship day was refused: %v", err)
	}
	// Finance's confirmation, and then the prepaid release, are taken.
	if _, err := db.Exec(fmt.Sprintf(`INSERT INTO payment_confirmations(customer_id, order_doc_id, note_doc_id, amount, received_on,
			confirmed_by, created_at, updated_at, updated_by) VALUES (%d, %d, %d, %d, date('now'), %d, %s, %s, %d)`,
		p.prepaidCus, p.order, p.held, heldAmount, v.fin.ID, now, now, v.fin.ID)); err != nil {
		t.Fatalf("finance's confirmation was refused: %v", err)
	}
	if _, err := db.Exec(release(p.held, p.order, p.prepaidCus, "prepaid", heldAmount, v.clerk.ID, "NULL")); err != nil {
		t.Fatalf("a paid release was refused: %v", err)
	}
}

// shippingTables summarise the shipping tables.
var shippingTables = docSummary(
	`SELECT group_concat(doc_id || order_doc_id || total, ';') FROM delivery_notes`,
	`SELECT group_concat(id || qty || weight || amount || removed, ';') FROM delivery_lines`,
	`SELECT count(*) FROM delivery_releases`,
	`SELECT count(*) FROM delivery_loads`,
	`SELECT count(*) FROM delivery_dispatches`,
	`SELECT count(*) FROM payment_confirmations`,
)
