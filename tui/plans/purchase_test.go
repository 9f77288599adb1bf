package plans_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// approvedGroupPlan gives the rep an approved December plan of 50 t of
// 热轧钢板, which a purchase plan for December derives from.
func (d desk) approvedGroupPlan(t *testing.T) {
	t.Helper()
	rep := d.Engine.Desk(d.rep)
	id, err := rep.CreatePlan(d.Ctx, workflow.PlanInput{Period: store.PeriodMonth, From: "2026-12",
		Lines: []workflow.PlanLineInput{{ProductGroup: "热轧钢板", Tonnes: "50", Amount: "210000"}}})
	if err != nil {
		t.Fatal(err)
	}
	d.Must(rep.SubmitPlan(d.Ctx, id, 0))
	d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, id, workflow.ActionApprove, ""))
}

// purchasePlans is the desk's purchase plans, latest first.
func (d desk) purchasePlans(t *testing.T) []store.PurchasePlan {
	t.Helper()
	ps, err := d.Engine.Desk(d.Supervisor).PurchasePlans(d.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

// The clerk steps to the purchase plans (t t), derives December's (n
// 2026-12 enter) from the approved sales plan, edits the line's tonnes
// (a negative figure refused at its cell with what was typed kept),
// saves and submits it; the supervisor finds it in Review, approves it
// there, and the clerk sends it to purchasing (u).
func TestClerkDerivesAPurchasePlanAndSendsIt(t *testing.T) {
	d := newDesk(t)
	d.approvedGroupPlan(t)
	app := open(d.Fixture, d.Clerk, "zh", 120, 40)
	tuitest.Press(app, tuitest.Keys("tt")...)
	mustShow(t, app, "月采购计划", "还没有采购计划")
	tuitest.Press(app, tuitest.Keys("n2026-12\r")...)
	mustShow(t, app, "修改月采购计划 CG2026-000001", "采购计划已生成", "品名 热轧钢板", "50")
	// The focus waits on the first line's tonnes to buy.
	tuitest.Press(app, tuitest.Keys("\b\b-5\t多备十吨")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "不能为负数", "-5", "多备十吨", "请先改正标出的字段")
	if p := d.purchasePlans(t)[0]; p.Tonnes != 50000 {
		t.Fatalf("a refused edit was written: %+v", p)
	}
	// The focus went back to the cell in error.
	tuitest.Press(app, tuitest.Keys("\b\b60")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "采购计划已保存", "2026-12 月采购计划 CG2026-000001", "草稿", "60", "多备十吨", "来源 JH2026-000001 50")
	tuitest.Press(app, tuitest.Keys("s")...)
	mustShow(t, app, "已提交,等待主管审核", "待审核")
	if strings.Contains(text(app), "通过") {
		t.Errorf("the plan's maker is offered an approval:\n%s", text(app))
	}

	boss := d.App(d.Supervisor, "zh")
	tuitest.Press(boss, tea.WindowSizeMsg{Width: 120, Height: 40}, common.SwitchScreenMsg{Screen: "screen.review"})
	mustShow(t, boss, "CG2026-000001")

	d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, d.purchasePlans(t)[0].DocID, workflow.ActionApprove, ""))
	tuitest.Press(app, tuitest.Key("ctrl+r"))
	mustShow(t, app, "已批准")
	tuitest.Press(app, tuitest.Keys("u")...)
	mustShow(t, app, "CG2026-000001 已交采购部", "已交采购")
	if p := d.purchasePlans(t)[0]; p.Status != "sent" || p.Tonnes != 60000 {
		t.Fatalf("%+v", p)
	}
}

// Bad input on the month: a month that does not parse, and one whose
// plan is approved already (named), at the field with the text kept.
func TestBadPurchaseMonthShowsAtTheField(t *testing.T) {
	for _, tc := range []struct {
		name, month, message string
		approved             bool
	}{
		{"no such month", "2026-13", "日期", false},
		{"over an approved plan", "2026-12", "与已批准的计划 CG2026-000001 期间重叠", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDesk(t)
			d.approvedGroupPlan(t)
			if tc.approved {
				clerk := d.Engine.Desk(d.Clerk)
				id, err := clerk.CreatePurchasePlan(d.Ctx, "2026-12")
				d.Must(err)
				d.Must(clerk.SubmitPurchasePlan(d.Ctx, id, 0))
				d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, id, workflow.ActionApprove, ""))
			}
			before := len(d.purchasePlans(t))
			app := open(d.Fixture, d.Clerk, "zh", 80, 24)
			tuitest.Press(app, tuitest.Keys("ttn"+tc.month+"\r")...)
			mustShow(t, app, "生成月采购计划", tc.month, tc.message, "请先改正标出的字段")
			if n := len(d.purchasePlans(t)); n != before {
				t.Fatalf("%d purchase plans written from a refused month", n-before)
			}
		})
	}
}
