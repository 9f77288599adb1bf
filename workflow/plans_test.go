package workflow

import (
	"errors"
	"strings"
	"testing"

	"orderdesk/store"
)

// monthPlan is rep's plan for November 2026: one customer, one product
// group, a prospect.
func monthPlan(rep store.User, cust int64) PlanInput {
	return PlanInput{RepID: rep.ID, Period: store.PeriodMonth, From: "2026-11", NewCustomers: "2", Aims: "稳住老客户",
		Lines: []PlanLineInput{
			{CustomerID: cust, Tonnes: "30", Amount: "120000"},
			{ProductGroup: "热轧钢板", Tonnes: "50", Amount: "200000"},
			{Prospect: "营口新港机械", Activity: "拜访"},
		}}
}

// approvedPlan drafts in as maker, submits it, and has boss approve it.
func (o *ofix) approvedPlan(maker, boss store.User, in PlanInput) int64 {
	o.t.Helper()
	id, err := o.e.Desk(maker).CreatePlan(o.ctx, in)
	o.must(err)
	o.must(o.e.Desk(maker).SubmitPlan(o.ctx, id, 0))
	o.must(o.e.Desk(boss).Act(o.ctx, id, ActionApprove, ""))
	return id
}

func refusedWith(err error, code Code) bool {
	var r *Refusal
	return errors.As(err, &r) && r.Code == code
}

// A plan goes draft → submitted → (sent back → submitted) → approved →
// void; the maker never signs it off, whatever roles they hold; a
// supervisor voids it with the reason.
func TestPlanStates(t *testing.T) {
	o := newOrders(t)
	in := monthPlan(o.rep, o.shenyang)
	in.RepID = o.rep.ID
	byBoss, err := o.e.Desk(o.boss).CreatePlan(o.ctx, in)
	o.must(err)
	byRep, err := o.e.Desk(o.rep).CreatePlan(o.ctx, PlanInput{Period: store.PeriodWeek, From: "2026-11-02", Aims: "拜访三家",
		Lines: []PlanLineInput{{CustomerID: o.shenyang, Activity: "visit"}}})
	o.must(err)
	o.takeSteps([]docStep{
		{"the rep submits their week", o.rep, byRep, ActionSubmit, "", "", "submitted"},
		{"a rep does not sign plans off", o.rep2, byRep, ActionApprove, "", RoleNotAllowed, "submitted"},
		{"a send-back needs the reason", o.boss, byRep, ActionSendBack, "", CommentRequired, "submitted"},
		{"the supervisor sends it back", o.boss, byRep, ActionSendBack, "再加两家", "", "sent_back"},
		{"only the maker resubmits", o.clerk, byRep, ActionResubmit, "", MakerOnly, "sent_back"},
		{"the rep resubmits", o.rep, byRep, ActionResubmit, "", "", "submitted"},
		{"the supervisor approves", o.boss, byRep, ActionApprove, "", "", "approved"},
		{"the supervisor submits their own plan", o.boss, byBoss, ActionSubmit, "", "", "submitted"},
		{"the maker cannot approve their own", o.boss, byBoss, ActionApprove, "", MakerCannotSignOff, "submitted"},
		{"another supervisor approves it", o.adminBoss, byBoss, ActionApprove, "", "", "approved"},
		{"a rep does not void plans", o.rep, byRep, ActionVoid, "重新计划", RoleNotAllowed, "approved"},
		{"a void needs the reason", o.boss, byBoss, ActionVoid, "", CommentRequired, "approved"},
		{"voided by a supervisor, with the reason", o.boss, byBoss, ActionVoid, "重新计划", "", "void"},
	})
}

// docStep is one action a table test takes on a document: who takes
// it, the refusal expected ("" when it is taken), the status after.
type docStep struct {
	name    string
	by      store.User
	doc     int64
	action  string
	comment string
	want    Code
	status  string
}

// takeSteps takes each step in turn and checks its outcome and the
// document's status after it.
func (o *ofix) takeSteps(steps []docStep) {
	o.t.Helper()
	for _, s := range steps {
		err := o.e.Desk(s.by).Act(o.ctx, s.doc, s.action, s.comment)
		switch {
		case s.want == "" && err != nil:
			o.t.Errorf("%s: %v", s.name, err)
		case s.want != "" && !refusedWith(err, s.want):
			o.t.Errorf("%s: got %v, want %s", s.name, err, s.want)
		}
		if got := o.status(s.doc); got != s.status {
			o.t.Errorf("%s: status %s, want %s", s.name, got, s.status)
		}
	}
}

// The database refuses what the workflow refuses: a plan's maker signs
// it off, or a second overlapping plan is approved, by raw SQL.
func TestPlanRulesHoldInTheDatabase(t *testing.T) {
	o := newOrders(t)
	first := o.approvedPlan(o.rep, o.boss, monthPlan(o.rep, o.shenyang))
	second, err := o.e.Desk(o.boss).CreatePlan(o.ctx, PlanInput{RepID: o.rep.ID, Period: store.PeriodMonth, From: "2026-12",
		Lines: []PlanLineInput{{CustomerID: o.shenyang, Tonnes: "1"}}})
	o.must(err)
	o.must(o.e.Desk(o.boss).SubmitPlan(o.ctx, second, 0))
	db := o.rawDB(t)
	insert := `INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, at)
		VALUES (?, 'approve', 'submitted', 'approved', ?, 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`
	if _, err := db.Exec(insert, second, o.boss.ID); err == nil || !strings.Contains(err.Error(), "maker_cannot_sign") {
		t.Errorf("the maker approved their plan by SQL: %v", err)
	}
	// Move the second plan onto the first's month, as a script would
	// while it waits (content of a submitted plan is not editable: the
	// guard refuses that too), then approve it by SQL.
	if _, err := db.Exec(`UPDATE sales_plans SET starts_on = '2026-11-15' WHERE doc_id = ?`, second); err == nil ||
		!strings.Contains(err.Error(), "not_editable") {
		t.Errorf("a submitted plan's period was changed by SQL: %v", err)
	}
	third, err := o.e.Desk(o.boss).CreatePlan(o.ctx, PlanInput{RepID: o.rep.ID, Period: store.PeriodMonth, From: "2027-01",
		Lines: []PlanLineInput{{CustomerID: o.shenyang, Tonnes: "1"}}})
	o.must(err)
	if _, err := db.Exec(`UPDATE sales_plans SET starts_on = '2026-11-15', ends_on = '2026-12-14', updated_by = ? WHERE doc_id = ?`, o.boss.ID, third); err != nil {
		t.Fatal(err)
	}
	if err := o.e.Desk(o.boss).SubmitPlan(o.ctx, third, 0); !refusedWith(err, PlanOverlap) {
		t.Errorf("a plan over approved %d was submitted: %v", first, err)
	}
	if _, err := db.Exec(`INSERT INTO transitions(doc_id, action, from_status, to_status, actor_id, signoff, at)
		VALUES (?, 'submit', 'draft', 'submitted', ?, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`, third, o.boss.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(insert, third, o.adminBoss.ID); err == nil || !strings.Contains(err.Error(), "plan_overlap") {
		t.Errorf("an overlapping plan was approved by SQL: %v", err)
	}
	if _, err := db.Exec(insert, second, o.adminBoss.ID); err != nil {
		t.Errorf("the next month's plan was refused: %v", err)
	}
	// An approved plan's content stays as approved; nothing is deleted;
	// what a period did is never rewritten.
	o.must(o.e.Desk(o.rep).RecordPlanResult(o.ctx, first, "完成九成"))
	for _, c := range []struct{ sql, want string }{
		{`UPDATE sales_plan_lines SET tonnes = 1 WHERE doc_id = ?`, "not_editable"},
		{`UPDATE sales_plans SET aims = 'x' WHERE doc_id = ?`, "not_editable"},
		{`DELETE FROM sales_plan_lines WHERE doc_id = ?`, "no_delete"},
		{`UPDATE sales_plan_results SET result = 'x' WHERE plan_doc_id = ?`, "append_only"},
		{`INSERT INTO sales_plan_lines(doc_id, line_no, tonnes, created_at, updated_at, updated_by) VALUES (?, 9, 1, '', '', 1)`, "not_editable"},
	} {
		if _, err := db.Exec(c.sql, first); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.want)
		}
	}
	if _, err := db.Exec(`INSERT INTO sales_plan_results(plan_doc_id, result, created_at, updated_at, updated_by) VALUES (?, 'x', '', '', 1)`, third); err == nil ||
		!strings.Contains(err.Error(), "stale_status") {
		t.Errorf("a result was written on a plan not approved: %v", err)
	}
}
