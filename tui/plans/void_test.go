package plans_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A supervisor voids an approved plan from the list with x and the
// reason (none refused at the prompt); a rep is not offered x.
func TestSupervisorVoidsAnApprovedPlanWithTheReason(t *testing.T) {
	d := newDesk(t)
	d.approvedDecember(t)
	rep := open(d.Fixture, d.rep, "zh", 80, 24)
	tuitest.Press(rep, tuitest.Keys("x")...)
	if p := d.plan(t, 1); p.Status != "approved" {
		t.Fatalf("a rep's x voided the plan: %s", p.Status)
	}
	app := open(d.Fixture, d.Supervisor, "zh", 80, 24)
	mustShow(t, app, "JH2026-000001", "已批准")
	tuitest.Press(app, tuitest.Keys("x")...)
	mustShow(t, app, "作废 JH2026-000001")
	fits(t, app, 80)
	tuitest.Press(app, tuitest.Keys("\r")...)
	if p := d.plan(t, 1); p.Status != "approved" {
		t.Fatalf("voided without a reason: %s", p.Status)
	}
	tuitest.Press(app, tuitest.Keys("客户改期\r")...)
	mustShow(t, app, "JH2026-000001 已作废", "已作废")
	if p := d.plan(t, 1); p.Status != "void" {
		t.Fatalf("the plan is %s", p.Status)
	}
	// Voided, December is free: the rep's next plan for it is approved.
	d.approvedDecember(t)
}

// The rep edits a draft target from its list (e): a negative figure is
// refused at its field with what was typed kept; corrected, it saves.
func TestRepEditsADraftTarget(t *testing.T) {
	d := newDesk(t)
	_, err := d.Engine.Desk(d.rep).CreateTarget(d.Ctx, workflow.TargetInput{Period: "2026-12", Tonnes: "100", Amount: "400000"})
	d.Must(err)
	app := open(d.Fixture, d.rep, "zh", 80, 24)
	tuitest.Press(app, tuitest.Keys("te")...)
	mustShow(t, app, "修改销售目标 MB2026-000001", "2026-12", "100", "400,000.00")
	tuitest.Press(app, tuitest.Keys("\t\b\b\b-120")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "不能为负数", "-120", "请先改正标出的字段")
	tuitest.Press(app, tuitest.Keys("\b\b\b\b120")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "目标已保存", "MB2026-000001", "120", "草稿")
	xs, err := d.Engine.Desk(d.rep).Targets(d.Ctx)
	if err != nil || len(xs) != 1 || xs[0].Tonnes != 120000 {
		t.Fatalf("%+v %v", xs, err)
	}
}
