package tui_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
)

// B on the Customers list plans a visit to the customer under the
// cursor, as it does from their file; the help lists B there.
func TestPlanAVisitFromTheCustomersList(t *testing.T) {
	f := tuitest.New(t)
	f.MonthlyCustomer("500000")
	scr := f.RunOn(t, f.Supervisor, "en", "screen.customers")
	scr.WaitText(t, "鞍山恒达重工机械有限公司")
	scr.Send(tuitest.Char('?'))
	scr.WaitText(t, "plan a visit")
	scr.Send(tuitest.Key("esc"))
	scr.WaitGone(t, "plan a visit")
	scr.Send(tuitest.Char('B'))
	scr.WaitUntil(t, "the plan for the customer under the cursor", func(s string) bool {
		return strings.Contains(s, "Plan a visit") && strings.Contains(s, "鞍山恒达重工机械有限公司")
	})
	scr.Quit(t)
}
