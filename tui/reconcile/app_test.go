package reconcile_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

var (
	tab   = tuitest.Key("tab")
	ctrlS = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
)

func press(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// desk is a small demo desk at the screen tests' clock: customers,
// orders shipped, invoiced and paid this month and before.
func desk(t *testing.T) *tuitest.Fixture {
	t.Helper()
	f := tuitest.NewAtClock(t)
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 30, 30, 0, 0, 20, 12, 10, 8
	o.MonthlyPercent, o.DeskLogin, o.Today = 50, "", tuitest.Clock
	if _, err := demo.Generate(context.Background(), f.Engine, o); err != nil {
		t.Fatal(err)
	}
	return f
}

// A month end at the desk: the clerk starts November, finds finance's
// closing figure differs for the first customer, records the difference
// and notes why, sends the month to finance; finance signs it off at
// its own terminal; the clerk issues the statement and records that the
// customer confirmed it.
func TestTeaMonthEnd(t *testing.T) {
	f := desk(t)
	goTo := common.SwitchScreenMsg{Screen: "screen.reconciliation"}
	clerk := tuitest.Run(t, f.App(f.Clerk, "zh"))
	clerk.Send(goTo)
	clerk.WaitText(t, "月份 2026-11", "未开始", "期初余额", "期末余额", "合计")

	clerk.Send(press('n'))
	clerk.WaitText(t, "草稿")
	clerk.Send(press('d'))
	clerk.WaitText(t, "差异:", "财务金额")
	clerk.Type("abc")
	clerk.Send(ctrlS)
	clerk.WaitText(t, "不是") // not a number: the message at the field, the form stays
	for range 3 {
		clerk.Send(tuitest.Key("backspace"))
	}
	clerk.Type("1234.5")
	clerk.Send(ctrlS)
	clerk.WaitText(t, "差异已记录", "差异待说明", "差异(1)")
	clerk.Send(press('s'))
	clerk.WaitText(t, "还有未说明的差异")
	clerk.Send(press('e'))
	clerk.WaitText(t, "说明差异")
	clerk.Type("财务11月28日入账的回款,内勤12月记")
	clerk.Send(ctrlS)
	clerk.WaitText(t, "差异已说明")
	clerk.Send(press('s'))
	clerk.WaitText(t, "已提交财务")

	// The clerk may not sign the month off.
	clerk.Send(press('a'))
	clerk.WaitText(t, "此操作需要以下角色之一")

	fin := tuitest.Run(t, f.App(f.Finance, "zh"))
	fin.Send(goTo)
	fin.WaitText(t, "月份 2026-11 · 已提交财务")
	fin.Send(press('a'))
	fin.WaitText(t, "财务已签字 · 签字:陈会计")

	// The clerk's screen follows the sign-off without a key.
	clerk.WaitText(t, "财务已签字")
	clerk.Send(press('i'))
	clerk.WaitText(t, "对账单 DZD2026-11-0001 已出", "已出单")
	clerk.Send(press('r'))
	clerk.WaitText(t, "对账单回执")
	clerk.Type("confirmed")
	clerk.Send(ctrlS)
	clerk.WaitText(t, "回执已记录", "客户确认")

	// The collections views.
	clerk.Send(press('v'))
	clerk.WaitText(t, "回款阶梯", "到期日", "阶段")
	clerk.Send(press('v'))
	clerk.WaitText(t, "0-30天", "90天以上")
	clerk.Quit(t)
	fin.Quit(t)
	_ = workflow.StageLetter
}
