package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow/demo"
)

// statisticsDesk is a fixture with a year and more of orders shipped,
// invoiced and paid, for the Statistics screen.
func statisticsDesk(t testing.TB) *tuitest.Fixture {
	t.Helper()
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 16, 16, 4, 12, 8, 8
	o.InvoiceVolume, o.LateInvoices, o.Pending, o.SentBack = 60, 4, 0, 0
	o.MonthlyPercent = 40
	return tuitest.NewDemo(t, o)
}

// statKeys are a year by rep, down a rep to their customers, down one
// customer to its documents and back, sorted by the period before, in
// tonnes shipped.
func statKeys() []tea.Msg {
	var out []tea.Msg
	for _, k := range []string{"y", "v", "j", "enter", "j", "enter", "esc", "s", "2", "t"} {
		out = append(out, tuitest.Key(k))
	}
	return out
}

// Keys typed in one burst end on the same frame as the same keys typed
// one at a time, each after the screen answered the one before: the
// root holds each key until the load the one before started is shown.
func TestStatisticsBurstEndsWhereSlowTypingDoes(t *testing.T) {
	f := statisticsDesk(t)
	slow := f.App(f.Supervisor, "zh")
	tuitest.Start(slow)
	tuitest.Press(slow, tea.WindowSizeMsg{Width: 120, Height: 40})
	tuitest.Press(slow, common.SwitchScreenMsg{Screen: "screen.statistics"})
	for _, k := range statKeys() {
		tuitest.Press(slow, k)
	}
	want := strings.Split(screenText(slow), "\n")
	if !strings.Contains(want[2], "排序:上期") || !strings.Contains(want[1], "发货 · 吨") {
		t.Fatalf("the slow keys end on:\n%s", screenText(slow))
	}

	fast := f.RunOn(t, f.Supervisor, "zh", "screen.statistics")
	fast.WaitText(t, "月 2026-11 · 按客户")
	fast.Send(statKeys()...)
	fast.WaitText(t, strings.TrimSpace(want[1]), strings.TrimSpace(want[2]), strings.TrimSpace(want[3]), strings.TrimSpace(want[4]))
	fast.Quit(t)
}
