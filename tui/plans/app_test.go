package plans_test

import (
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// badLine is a third line whose product group is not in the catalogue
// and whose tonnes are negative: enter on the last cell adds it.
const badLine = "\r\t不锈管\t\t\t-5\t\t"

// A rep drafts December's plan with two lines at the real program's
// keys; a bad third line is refused at its cells with what was typed
// kept; without it the plan saves, is submitted, offers its maker no
// approval and waits in the supervisor's Review inbox.
func TestRepDraftsAMonthPlanAndSubmitsIt(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.rep, "zh", "screen.plans")
	scr.WaitText(t, "还没有计划")
	scr.Send(tuitest.Keys("n" + monthPlan + badLine)...)
	scr.Send(tuitest.Key("ctrl+s"))
	// 沈钢 typed in the customer cell was completed to the customer's name.
	scr.WaitText(t, "没有这个品名", "不能为负数", "不锈管", "-5", "沈阳钢铁", "热轧钢板", "巩固老客户")
	if n := d.plans(t); n != 0 {
		t.Fatalf("%d plans written from a refused form", n)
	}
	// The focus is on the bad line: ctrl+d takes it out, and the rest saves.
	scr.Send(tuitest.Key("ctrl+d"), tuitest.Key("ctrl+s"))
	scr.WaitText(t, "计划已保存", "JH2026-000001", "沈阳钢铁有限公司", "品名 热轧钢板", "720,000.00", "2026-12-01 ~ 2026-12-31")
	scr.Send(tuitest.Keys("s")...)
	scr.WaitText(t, "已提交,等待主管审核", "待审核")
	if strings.Contains(scr.Text(), "通过") {
		t.Errorf("the plan's maker is offered an approval:\n%s", scr.Text())
	}
	scr.Send(tuitest.Keys("a")...)
	if p := d.plan(t, 1); p.Status != "submitted" {
		t.Errorf("the plan is %s after its maker pressed a", p.Status)
	}
	scr.Quit(t)

	boss := d.RunOn(t, d.Supervisor, "zh", "screen.review")
	boss.WaitText(t, "JH2026-000001")
	boss.Quit(t)
}

// plans is how many plans the desk holds.
func (d desk) plans(t *testing.T) int {
	t.Helper()
	ps, err := d.Engine.Desk(d.Supervisor).Plans(d.Ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	return len(ps)
}

// plan is the n-th plan made (1 the first).
func (d desk) plan(t *testing.T, n int) store.Plan {
	t.Helper()
	ps, err := d.Engine.Desk(d.Supervisor).Plans(d.Ctx, "")
	if err != nil || len(ps) < n {
		t.Fatalf("plans %d, %v", len(ps), err)
	}
	return ps[len(ps)-n]
}
