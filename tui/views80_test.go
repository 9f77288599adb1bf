package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// screenOrder is the tab order of the desk's screens.
var screenOrder = []string{workflow.ScreenCustomers, workflow.ScreenInquiries, workflow.ScreenPricing, workflow.ScreenPriceList,
	workflow.ScreenOrders, workflow.ScreenShipping, workflow.ScreenInvoices, workflow.ScreenReconciliation, workflow.ScreenReview,
	workflow.ScreenProducts, workflow.ScreenStatistics, workflow.ScreenPlans, workflow.ScreenUsers}

// screenWalks are the keys that show each of a screen's views once, from
// the screen as it opens: its lists, a document of each, its histories
// and help. Each group of keys is one step; the frame is measured after
// every step.
var screenWalks = map[string][]string{
	workflow.ScreenCustomers:      {"", "enter", "esc", "o"},
	workflow.ScreenInquiries:      {"", "enter", "esc"},
	workflow.ScreenPricing:        {"", "enter", "c", "esc esc", "]", "enter", "esc ]", "enter", "esc ]", "enter"},
	workflow.ScreenPriceList:      {"", "enter", "esc m", "enter", "s", "esc m c", "enter"},
	workflow.ScreenOrders:         {"", "enter", "esc f"},
	workflow.ScreenShipping:       listWalk(8),
	workflow.ScreenInvoices:       listWalk(7),
	workflow.ScreenReconciliation: {"", "v", "v", "v", "v", "t"},
	workflow.ScreenReview:         {"", "enter", "esc m"},
	workflow.ScreenProducts:       {"", "enter"},
	workflow.ScreenPlans:          {"", "jj", "enter", "esc t", "enter", "esc t n"},
	workflow.ScreenUsers:          {"", "enter"},
	workflow.ScreenStatistics:     {"", "y", "enter", "enter", "esc esc", "v", "enter", "t", "4", "r", "esc"},
}

// listWalk opens each of n lists and the first document of each.
func listWalk(n int) []string {
	steps := []string{""}
	for i := 0; i < n; i++ {
		steps = append(steps, "enter", "esc ]")
	}
	return steps
}

// smallDemo is a demo desk of a dozen customers, enough to fill every
// list of an 80×24 window.
func smallDemo() demo.Options {
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Pending, o.SentBack, o.Inquiries, o.MarketDays = 12, 12, 1, 1, 4, 2
	o.Orders, o.Shipments, o.Invoices, o.LateInvoices, o.MonthlyPercent = 4, 6, 4, 4, 50
	return o
}

// TestEveryViewFitsAt80 opens every view of every screen each role sees
// at 80×24, in Chinese and English, over a demo desk with a long
// customer name and long specs: no line may run past the window or end
// in a broken date, and the frame may not grow past 24 lines.
func TestEveryViewFitsAt80(t *testing.T) {
	f := tuitest.New(t)
	f.Demo(smallDemo())
	seedLongSpecs(t, f)
	roles := map[string]store.User{"clerk": f.Clerk, "supervisor": f.Supervisor, "finance": f.Finance,
		"warehouse": f.AddUser("sunkg", "孙库管", workflow.Warehouse)}
	for role, u := range roles {
		for _, lang := range []string{"zh", "en"} {
			n := 0
			for _, name := range screenOrder {
				if !workflow.SeesScreen(u, name) {
					continue
				}
				t.Run(role+"/"+lang+"/"+name, func(t *testing.T) {
					app := f.App(u, lang)
					// Back round to the last screen and on to the first,
					// then on to this one: each screen starts as it opens.
					open := []tea.Msg{tea.WindowSizeMsg{Width: 80, Height: 24}, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}}
					for i := 0; i <= n; i++ {
						open = append(open, tuitest.Key("tab"))
					}
					tuitest.Press(app, open...)
					for _, step := range append(screenWalks[name], "?") {
						tuitest.Press(app, keys(strings.Fields(step)...)...)
						t.Run(strings.ReplaceAll(step, " ", "_"), func(t *testing.T) {
							assertWholeAt80(t, app)
							if n := strings.Count(screenText(app), "\n") + 1; n > 24 {
								t.Errorf("the frame is %d lines:\n%s", n, screenText(app))
							}
						})
					}
				})
				n++
			}
		}
	}
}
