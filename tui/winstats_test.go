package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// winningDesk has a rep, 刘洋, with three leads entered today (one lost)
// and a visit to their customer planned for tomorrow.
func winningDesk(t *testing.T) *tuitest.Fixture {
	t.Helper()
	f := tuitest.NewAtClock(t)
	rep := f.AddUser("liuyang", "刘洋", workflow.SalesRep)
	desk := f.Engine.Desk(rep)
	cust, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "鞍山宏达钢构有限公司", ShortName: "宏达钢构",
		City: "鞍山", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid, RepID: rep.ID})
	f.Must(err)
	for i, l := range []workflow.LeadInput{
		{Name: "营口新港机械制造有限公司", Phone: "0417-2881234", Source: "exhibition"},
		{Name: "盘锦辽河石油装备公司", Phone: "0427-7801234", Source: "exhibition"},
		{Name: "丹东港机械厂", Phone: "0415-3121234", Source: "phone"},
	} {
		id, _, err := desk.CreateLead(f.Ctx, l)
		f.Must(err)
		if i == 1 {
			f.Must(desk.Act(f.Ctx, id, workflow.ActionLose, "价格高于本地经销商"))
		}
	}
	_, err = desk.PlanVisit(f.Ctx, workflow.VisitInput{CustomerID: cust, On: "2026-11-27", At: "9:30", Place: "客户办公室", Goal: "volume"})
	f.Must(err)
	return f
}

// winningKeys open the leads, then the visits, back to the leads, and
// the year's leads.
func winningKeys() []tea.Msg { return tuitest.Keys("lbly") }

// The leads and the visits of the Statistics screen at the real
// program's keys: typed in one burst, ahead of every answer, they end
// on the frame the same keys typed one at a time do, with the figures
// counted by hand.
func TestStatisticsLeadsAndVisitsInOneBurst(t *testing.T) {
	f := winningDesk(t)
	slow := f.App(f.Supervisor, "zh")
	tuitest.Start(slow) // 120×40
	tuitest.Press(slow, common.SwitchScreenMsg{Screen: "screen.statistics"}, tuitest.Key("b"))
	tuitest.MustShow(t, slow, "拜访:按业务员 · 月 2026-11", "刘洋", "合计")
	visits := rowOf(t, screenText(slow), "刘洋")
	if strings.Join(strings.Fields(visits), " ") != "刘洋 1 0 0 0 0 — 0 0" {
		t.Errorf("the rep's visits: %q", visits)
	}
	tuitest.Press(slow, tuitest.Key("esc"))
	for _, k := range winningKeys() {
		tuitest.Press(slow, k)
	}
	text := screenText(slow)
	want := map[string]string{ // source: new … lost, all, conversion, win rate, days
		"来电": "来电 1 0 0 0 0 0 1 0.0% — —",
		"展会": "展会 1 0 0 0 0 1 2 0.0% 0.0% —",
		"合计": "合计 2 0 0 0 0 1 3 0.0% 0.0% —",
	}
	for label, w := range want {
		if got := strings.Join(strings.Fields(rowOf(t, text, label)), " "); got != w {
			t.Errorf("%s: %q, want %q", label, got, w)
		}
	}
	if !strings.Contains(text, "线索:按来源和阶段 · 年 2026") {
		t.Fatalf("the slow keys end on:\n%s", text)
	}

	fast := f.RunOn(t, f.Supervisor, "zh", "screen.statistics")
	fast.WaitText(t, "月 2026-11 · 按客户")
	fast.Send(winningKeys()...)
	lines := strings.Split(text, "\n")
	fast.WaitText(t, strings.TrimSpace(lines[1]), strings.TrimSpace(lines[2]), strings.TrimSpace(lines[3]), strings.TrimSpace(lines[4]),
		strings.TrimSpace(lines[5]))
	fast.Quit(t)
}

// rowOf is the line of text whose first word is label.
func rowOf(t *testing.T, text, label string) string {
	t.Helper()
	for _, l := range strings.Split(text, "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] == label {
			return l
		}
	}
	t.Fatalf("no row %s in:\n%s", label, text)
	return ""
}
