package customers_test

import (
	"testing"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// The new-customer form asks before it drops what was typed, as every
// form does; typing on takes the question back (the status line too); a
// second esc right after it drops what was typed and says nothing was
// saved.
func TestTeaNewCustomerFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	_, scr := seededApp(t)
	scr.WaitText(t, "沈阳钢铁有限公司")
	scr.Send(tuitest.Keys("n沈阳测试")...)
	scr.WaitText(t, "新建客户", "沈阳测试")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃", "新建客户", "沈阳测试")
	// Typing on takes the question back, and the status line with it.
	scr.Send(tuitest.Keys("钢")...)
	scr.WaitText(t, "沈阳测试钢")
	scr.WaitGone(t, "放弃已录入的内容")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "已取消,未保存")
	scr.WaitGone(t, "新建客户")
	scr.Quit(t)
}

// The reason a customer is voided asks before esc drops it, as every
// form does; the same keys pressed at once end on the same screen.
func TestVoidReasonAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := tuitest.New(t)
	f.MonthlyCustomer("100000")
	open := func() *tui.App {
		app := f.OpenOn(f.Supervisor, "en", "screen.customers", 120, 40)
		tuitest.Press(app, tuitest.Key("x"))
		tuitest.MustShow(t, app, "Reason")
		return app
	}
	tuitest.AsksBeforeDropping(t, open, tuitest.Keys("closed down"), "closed down")
}
