package workflow

import (
	"testing"

	"orderdesk/store"
)

// A sales rep sees and drafts only their own plans; the desk and
// supervisors see every rep's.
func TestPlanVisibility(t *testing.T) {
	o := newOrders(t)
	mine, err := o.e.Desk(o.rep).CreatePlan(o.ctx, monthPlan(store.User{}, o.shenyang))
	o.must(err)
	theirs, err := o.e.Desk(o.clerk).CreatePlan(o.ctx, monthPlan(o.rep2, o.dalian))
	o.must(err)
	if _, err := o.e.Desk(o.rep).CreatePlan(o.ctx, monthPlan(o.rep2, o.dalian)); !refusedWith(err, NotYourPlan) {
		t.Errorf("a rep drafted another rep's plan: %v", err)
	}
	if _, err := o.e.Desk(o.rep).Plan(o.ctx, theirs); !refusedWith(err, NotYourPlan) {
		t.Errorf("a rep opened another rep's plan: %v", err)
	}
	if _, err := o.e.Desk(o.rep).Document(o.ctx, theirs); !refusedWith(err, NotYourPlan) {
		t.Errorf("a rep opened another rep's plan for review: %v", err)
	}
	if err := o.e.Desk(o.rep).UpdatePlan(o.ctx, theirs, 0, monthPlan(o.rep2, o.dalian)); !refusedWith(err, NotYourPlan) {
		t.Errorf("a rep edited another rep's plan: %v", err)
	}
	if _, err := o.e.Desk(o.rep).PlanVsActual(o.ctx, o.rep2.ID, "2026-11"); !refusedWith(err, NotYourPlan) {
		t.Errorf("a rep read another rep's month: %v", err)
	}
	if _, err := o.e.Desk(o.wh).Plans(o.ctx, ""); !refusedWith(err, RoleNotAllowed) {
		t.Errorf("the warehouse listed plans: %v", err)
	}
	for _, c := range []struct {
		who  store.User
		want []int64
	}{{o.rep, []int64{mine}}, {o.rep2, []int64{theirs}}, {o.clerk, []int64{theirs, mine}}, {o.boss, []int64{theirs, mine}}} {
		ps, err := o.e.Desk(c.who).Plans(o.ctx, store.PeriodMonth)
		o.must(err)
		var got []int64
		for _, p := range ps {
			got = append(got, p.DocID)
		}
		if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
			t.Errorf("%s lists %v, want %v", c.who.Login, got, c.want)
		}
	}
}

// Plan against actual: the approved month plan's figures beside what
// the rep's customers ordered and had signed off in the month, by
// customer and by product group; another rep's orders and unsigned
// drafts are not counted. What the week did is written afterwards.
func TestPlanVsActual(t *testing.T) {
	o := newOrders(t)
	plan := o.approvedPlan(o.rep, o.boss, monthPlan(o.rep, o.shenyang))
	target, err := o.e.Desk(o.clerk).CreateTarget(o.ctx, TargetInput{RepID: o.rep.ID, Period: "2026-11", Tonnes: "100", Amount: "400000"})
	o.must(err)
	o.must(o.e.Desk(o.clerk).SubmitPlan(o.ctx, target, 0))
	o.must(o.e.Desk(o.boss).Act(o.ctx, target, ActionApprove, ""))
	o.approved(o.order(o.clerk, o.shenyang), o.clerk, o.boss) // 25.35 t at 4,120.00
	o.approved(o.order(o.clerk, o.anshan), o.clerk, o.boss)
	o.approved(o.order(o.clerk, o.dalian), o.clerk, o.boss) // rep2's
	o.order(o.clerk, o.shenyang)                            // a draft

	r, err := o.e.Desk(o.rep).PlanVsActual(o.ctx, 0, "2026-11")
	o.must(err)
	want := []store.PlanActual{
		{CustomerID: o.shenyang, Name: "沈阳北方重工集团有限公司", PlanTonnes: 30000, PlanAmount: 12000000, ActualTonnes: 25350, ActualAmount: 10444200},
		{CustomerID: o.anshan, Name: "鞍山恒达重工机械有限公司", ActualTonnes: 25350, ActualAmount: 10444200},
	}
	if len(r.ByCustomer) != 2 {
		t.Fatalf("by customer: %+v", r.ByCustomer)
	}
	for _, w := range want {
		found := false
		for _, g := range r.ByCustomer {
			if g == w {
				found = true
			}
		}
		if !found {
			t.Errorf("by customer %+v, want a row %+v", r.ByCustomer, w)
		}
	}
	if len(r.ByGroup) != 1 || r.ByGroup[0] != (store.PlanActual{Name: "热轧钢板", PlanTonnes: 50000, PlanAmount: 20000000, ActualTonnes: 50700, ActualAmount: 20888400}) {
		t.Errorf("by group: %+v", r.ByGroup)
	}
	if r.Total.ActualTonnes != 50700 || r.Total.PlanTonnes != 30000 || r.Target.Tonnes != 100000 || r.Month != "2026-11" {
		t.Errorf("report: %+v", r)
	}
	if next, err := o.e.Desk(o.boss).PlanVsActual(o.ctx, o.rep.ID, "2026-12"); err != nil || len(next.ByCustomer) != 0 {
		t.Errorf("December: %+v, %v", next, err)
	}

	if err := o.e.Desk(o.rep).RecordPlanResult(o.ctx, plan, " "); err == nil {
		t.Error("an empty result was recorded")
	}
	o.must(o.e.Desk(o.rep).RecordPlanResult(o.ctx, plan, "拜访两家,签单一笔"))
	draft, err := o.e.Desk(o.rep).CreatePlan(o.ctx, PlanInput{Period: store.PeriodDay, From: "2026-11-03", Aims: "跟进报价"})
	o.must(err)
	if err := o.e.Desk(o.rep).RecordPlanResult(o.ctx, draft, "做完了"); !refusedWith(err, NoSuchTransition) {
		t.Errorf("a draft's result was recorded: %v", err)
	}
	p, err := o.e.Desk(o.boss).Plan(o.ctx, plan)
	o.must(err)
	if len(p.Results) != 1 || p.Results[0].Result != "拜访两家,签单一笔" || p.Results[0].By != "liu" {
		t.Errorf("results: %+v", p.Results)
	}
}
