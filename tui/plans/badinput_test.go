package plans_test

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// Bad input: a clear message at the field, everything typed kept in the
// form, nothing written; the desk drafting for a rep, the rep for
// themselves.
func TestBadPlanShowsAtTheFieldAndKeepsWhatWasTyped(t *testing.T) {
	for _, tc := range []struct {
		name     string
		desk     bool   // typed at the desk, for the rep: the rep is chosen first
		approved bool   // December already has an approved plan of the rep
		keys     string // after n
		message  string
		kept     []string
	}{
		{"unknown group and negative tonnes", false, false, monthPlan + badLine, "没有这个品名", []string{"不锈管", "-5", "不能为负数"}},
		{"tonnes not a number", false, false, "\t2026-12\t\t\t\t沈钢\t\t\t\t十吨\t", "不是数字", []string{"十吨"}},
		{"period runs backwards", false, false, "\t2026-12-10\t2026-12-01\t\t\t沈钢\t\t\t\t10\t", "起止日期顺序不对", []string{"2026-12-10", "2026-12-01"}},
		{"unknown customer", false, false, "\t2026-12\t\t\t\t沈阳重型\t\t\t\t10\t", "没有这个客户", []string{"沈阳重型"}},
		{"over an approved plan, at the desk", true, true, "\t" + monthPlan, "与已批准的计划 JH2026-000001 期间重叠", []string{"2026-12", "巩固老客户"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDesk(t)
			if tc.approved {
				d.approvedDecember(t)
			}
			before := d.plans(t)
			u := d.rep
			if tc.desk {
				u = d.Clerk
			}
			app := open(d.Fixture, u, "zh", 120, 40)
			tuitest.Press(app, tuitest.Keys("n"+tc.keys)...)
			tuitest.Press(app, tuitest.Key("ctrl+s"))
			mustShow(t, app, append([]string{tc.message, "新建销售计划"}, tc.kept...)...)
			if got := text(app); !strings.Contains(got, "请先改正标出的字段") {
				t.Errorf("the status line does not say what to fix:\n%s", got)
			}
			if n := d.plans(t); n != before {
				t.Fatalf("%d plans written from a refused form", n-before)
			}
		})
	}
}

// approvedDecember gives the rep an approved plan for December.
func (d desk) approvedDecember(t *testing.T) {
	t.Helper()
	rep := d.Engine.Desk(d.rep)
	cust, err := rep.Customers(d.Ctx, store.Page{Query: "沈钢", Limit: 1})
	if err != nil || len(cust) == 0 {
		t.Fatal("no customer 沈钢", err)
	}
	id, err := rep.CreatePlan(d.Ctx, workflow.PlanInput{Period: store.PeriodMonth, From: "2026-12",
		Lines: []workflow.PlanLineInput{{CustomerID: cust[0].ID, Tonnes: "10", Amount: "40000"}}})
	if err != nil {
		t.Fatal(err)
	}
	d.Must(rep.SubmitPlan(d.Ctx, id, 0))
	d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, id, workflow.ActionApprove, ""))
}

// A target's negative tonnes and an amount in words are refused at
// their fields, kept as typed; corrected, the target saves and goes for
// sign-off.
func TestBadTargetShowsAtTheFieldAndKeepsWhatWasTyped(t *testing.T) {
	d := newDesk(t)
	app := open(d.Fixture, d.rep, "zh", 80, 24)
	tuitest.Press(app, tuitest.Keys("tn2026-12\t-100\t十万\t")...)
	tuitest.Press(app, tuitest.Key("ctrl+s"))
	mustShow(t, app, "新建销售目标", "不能为负数", "不是数字", "-100", "十万")
	if xs, err := d.Engine.Desk(d.rep).Targets(d.Ctx); err != nil || len(xs) != 0 {
		t.Fatalf("targets %d written from a refused form (%v)", len(xs), err)
	}
	// The focus is on the tonnes: type them anew, then the amount;
	// enter on the last field saves.
	tuitest.Press(app, tuitest.Keys("\b\b\b\b100\t\b\b400000\r\r")...)
	mustShow(t, app, "目标已保存", "MB2026-000001", "草稿")
	tuitest.Press(app, tuitest.Keys("s")...)
	mustShow(t, app, "已提交,等待主管审核", "待审核")
}
