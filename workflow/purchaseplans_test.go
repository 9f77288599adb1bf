package workflow

import (
	"strings"
	"testing"

	"orderdesk/store"
)

// purchaseFix is November 2026 with the rep's approved month plan (50 t
// of 热轧钢板) and a signed-off order of the rep's customer: 25.35 t of
// plate answered "needs purchase" with 5 t on hand, 12 t of round bar
// answered in stock.
func purchaseFix(t *testing.T) *ofix {
	o := newOrders(t)
	o.approvedPlan(o.rep, o.boss, monthPlan(o.rep, o.shenyang))
	id := o.order(o.clerk, o.shenyang, plateLine, oline("45#", "圆钢", "Φ50", "12", "t", "", "4500"))
	o.approved(id, o.clerk, o.boss)
	od := o.detail(o.clerk, id)
	o.must(o.e.Desk(o.planner).RecordStockAnswer(o.ctx, od.Order.Lines[0].ID,
		StockAnswerInput{Answer: store.StockPurchase, Available: "5", MeetOn: "2026-11-25"}))
	o.must(o.e.Desk(o.planner).RecordStockAnswer(o.ctx, od.Order.Lines[1].ID, StockAnswerInput{Answer: store.StockInStock}))
	return o
}

// The lines come from the approved plans not yet ordered and the order
// lines that need buying, less what is on hand, each naming its source.
func TestPurchasePlanDerivesItsLines(t *testing.T) {
	o := purchaseFix(t)
	id, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	p, err := o.e.Desk(o.clerk).PurchasePlan(o.ctx, id)
	o.must(err)
	type row struct {
		name, grade, spec         string
		plans, orders, stock, buy string
		source                    string
	}
	want := []row{
		{"热轧钢板", "", "", "24.65", "0", "0", "24.65", "JH2026-"},
		{"热轧钢板", "Q235B", "20×1500×6000", "0", "25.35", "5", "20.35", "#1 25.35-5"},
	}
	if len(p.Lines) != len(want) || p.Month != "2026-11" || p.Status != "draft" || !strings.HasPrefix(p.Ref, "CG2026-") {
		t.Fatalf("%+v", p)
	}
	for i, w := range want {
		l := p.Lines[i]
		got := row{l.Name, l.Grade, l.Spec, l.FromPlans.String(), l.FromOrders.String(), l.InStock.String(), l.Tonnes.String(), ""}
		if !strings.Contains(l.Sources, w.source) {
			t.Errorf("line %d sources %q, want %q in it", i+1, l.Sources, w.source)
		}
		w.source = ""
		if got != w {
			t.Errorf("line %d: %+v, want %+v", i+1, got, w)
		}
	}
	if p.Tonnes.String() != "45" {
		t.Errorf("total %s", p.Tonnes)
	}
}

// Each line's tonnes and note are edited in a draft; what is wrong comes
// back at the line's field; a month that does not parse at the month.
func TestPurchasePlanBadInput(t *testing.T) {
	o := purchaseFix(t)
	desk := o.e.Desk(o.clerk)
	for _, c := range []struct {
		month string
		code  FieldCode
	}{{"2026-13", InvalidDate}, {"十二月", InvalidDate}, {"", Required}} {
		if fe := fieldErrs(t, func() error { _, err := desk.CreatePurchasePlan(o.ctx, c.month); return err }()).For(FPeriod); fe == nil || fe.Code != c.code {
			t.Errorf("month %q: %+v, want %s", c.month, fe, c.code)
		}
	}
	id, err := desk.CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	for _, c := range []struct {
		tonnes string
		code   FieldCode
	}{{"-3", Negative}, {"abc", NotANumber}, {"1.2345", TooManyPlaces}} {
		err := desk.UpdatePurchasePlan(o.ctx, id, 0, PurchasePlanInput{Lines: []PurchaseLineInput{{Tonnes: "20"}, {Tonnes: c.tonnes}}})
		fes := fieldErrs(t, err)
		if len(fes) != 1 || fes[0].Field != FTonnes || fes[0].Line != 2 || fes[0].Code != c.code {
			t.Errorf("tonnes %q: %+v, want %s at line 2", c.tonnes, fes, c.code)
		}
	}
	o.must(desk.UpdatePurchasePlan(o.ctx, id, 0, PurchasePlanInput{Note: "先订板材",
		Lines: []PurchaseLineInput{{Tonnes: "30", Note: "多备一些"}, {Tonnes: "20.35"}}}))
	p, err := desk.PurchasePlan(o.ctx, id)
	o.must(err)
	if p.Note != "先订板材" || p.Lines[0].Tonnes != 30000 || p.Lines[0].Note != "多备一些" || p.Lines[0].FromPlans != 24650 || p.Tonnes != 50350 {
		t.Fatalf("%+v", p)
	}
}

// A purchase plan goes draft → submitted → (sent back) → approved → sent
// to purchasing; its maker never signs it off; a supervisor voids an
// approved one with the reason, which frees its month.
func TestPurchasePlanStates(t *testing.T) {
	o := purchaseFix(t)
	byClerk, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	byBoss, err := o.e.Desk(o.boss).CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	third, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	o.takeSteps([]docStep{
		{"a rep does not submit purchase plans", o.rep, byClerk, ActionSubmit, "", RoleNotAllowed, "draft"},
		{"the clerk submits", o.clerk, byClerk, ActionSubmit, "", "", "submitted"},
		{"a clerk does not sign off", o.clerk2, byClerk, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"a send-back needs the reason", o.boss, byClerk, ActionSendBack, "", CommentRequired, "submitted"},
		{"sent back with the reason", o.boss, byClerk, ActionSendBack, "圆钢也要", "", "sent_back"},
		{"the maker resubmits", o.clerk, byClerk, ActionResubmit, "", "", "submitted"},
		{"the supervisor's own", o.boss, byBoss, ActionSubmit, "", "", "submitted"},
		{"the maker cannot approve their own", o.boss, byBoss, ActionApprove, "", MakerCannotSignOff, "submitted"},
		{"a supervisor approves", o.boss, byClerk, ActionApprove, "", "", "approved"},
		{"a second of the month is refused", o.adminBoss, byBoss, ActionApprove, "", PlanOverlap, "submitted"},
		{"nor submitted", o.clerk, third, ActionSubmit, "", PlanOverlap, "draft"},
		{"a void needs the reason", o.boss, byClerk, ActionVoid, "", CommentRequired, "approved"},
		{"a rep does not send it", o.rep, byClerk, ActionSendToPurchasing, "", RoleNotAllowed, "approved"},
		{"the desk sends it to purchasing", o.clerk, byClerk, ActionSendToPurchasing, "", "", "sent"},
		{"one with purchasing is not voided", o.boss, byClerk, ActionVoid, "重做", NoSuchTransition, "sent"},
		{"the month is still taken", o.adminBoss, byBoss, ActionApprove, "", PlanOverlap, "submitted"},
	})
	if _, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11"); fieldErrs(t, err).For(FPeriod) == nil {
		t.Errorf("a month with a plan at purchasing drafted again: %v", err)
	}
}

// An approved plan voided frees its month for another.
func TestPurchasePlanVoidFreesTheMonth(t *testing.T) {
	o := purchaseFix(t)
	first := o.approvedPurchase("2026-11")
	fe := fieldErrs(t, func() error { _, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11"); return err }()).For(FPeriod)
	if fe == nil || fe.Code != OverlapsApproved || !strings.HasPrefix(fe.Want, "CG2026-") {
		t.Fatalf("over an approved month: %+v", fe)
	}
	o.must(o.e.Desk(o.boss).Act(o.ctx, first, ActionVoid, "重新核算"))
	if _, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11"); err != nil {
		t.Fatalf("the voided month: %v", err)
	}
}

// The database refuses what the workflow refuses: the maker's sign-off,
// a second approved plan of a month, an approved plan's lines changed.
func TestPurchasePlanRulesHoldInTheDatabase(t *testing.T) {
	o := purchaseFix(t)
	first, err := o.e.Desk(o.boss).CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	second, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, "2026-11")
	o.must(err)
	o.must(o.e.Desk(o.boss).SubmitPurchasePlan(o.ctx, first, 0))
	o.must(o.e.Desk(o.clerk).SubmitPurchasePlan(o.ctx, second, 0))
	db := o.rawDB(t)
	insert := `INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, at)
		VALUES (?, 'approve', 'submitted', 'approved', ?, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
	if _, err := db.Exec(insert, first, o.boss.ID); err == nil || !strings.Contains(err.Error(), "maker_cannot_sign") {
		t.Errorf("the maker approved their purchase plan by SQL: %v", err)
	}
	if _, err := db.Exec(`UPDATE documents SET status = 'approved' WHERE id = ?`, first); err == nil ||
		!strings.Contains(err.Error(), "status_without_transition") {
		t.Errorf("a purchase plan approved by a raw update: %v", err)
	}
	if _, err := db.Exec(insert, first, o.adminBoss.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(insert, second, o.boss.ID); err == nil || !strings.Contains(err.Error(), "plan_overlap") {
		t.Errorf("a second plan of the month approved by SQL: %v", err)
	}
	for _, c := range []struct{ sql, want string }{
		{`UPDATE purchase_plan_lines SET tonnes = 1 WHERE doc_id = ?`, "not_editable"},
		{`UPDATE purchase_plans SET note = 'x' WHERE doc_id = ?`, "not_editable"},
		{`DELETE FROM purchase_plan_lines WHERE doc_id = ?`, "no_delete"},
		{`INSERT INTO purchase_plan_lines(doc_id, line_no, tonnes, created_at, updated_at, updated_by) VALUES (?, 9, 1, '', '', 1)`, "not_editable"},
	} {
		if _, err := db.Exec(c.sql, first); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.want)
		}
	}
}

// approvedPurchase has the clerk derive month's purchase plan and submit
// it, and the supervisor approve it.
func (o *ofix) approvedPurchase(month string) int64 {
	o.t.Helper()
	id, err := o.e.Desk(o.clerk).CreatePurchasePlan(o.ctx, month)
	o.must(err)
	o.must(o.e.Desk(o.clerk).SubmitPurchasePlan(o.ctx, id, 0))
	o.must(o.e.Desk(o.boss).Act(o.ctx, id, ActionApprove, ""))
	return id
}
