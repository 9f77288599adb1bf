package dashboard

import (
	"context"
	"testing"
	"time"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// today is the day the screen tests run on: the demo desk's two years
// of history end here.
var today = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// dashDesk is a copy of a demo desk with two years of orders shipped,
// invoiced and paid, plans and targets, its clock stopped at today.
func dashDesk(t testing.TB) *workflow.Engine {
	t.Helper()
	name := "orderdesk-dashscreen.db" // rebuilt whenever the code changes (workflowtest.Cached)
	return workflowtest.Cached(t, name, today, func(eng *workflow.Engine) {
		o := demo.DefaultOptions()
		o.Customers, o.Products, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 30, 30, 10, 30, 20, 20
		o.InvoiceVolume, o.LateInvoices, o.Pending, o.SentBack, o.Today, o.DeskLogin = 160, 6, 0, 0, today, ""
		o.MonthlyPercent = 40
		if _, err := demo.Generate(context.Background(), eng, o); err != nil {
			t.Fatal(err)
		}
	})
}

// open is login's dashboard in lang, width × height, first read in; the
// desk's changes reach it as the root forwards them.
func open(t testing.TB, eng *workflow.Engine, login, lang string, width, height int) (*screenrig.Driver, *Screen) {
	t.Helper()
	d := screenrig.NewDriver(t, 64, 20*time.Millisecond)
	c := screenrig.Session(context.Background(), eng.Desk(workflowtest.User(t, eng, login)), lang, screenrig.Fixed(today))
	s := New(c)
	d.Screen = s
	s.SetSize(width, height)
	ch, stop := eng.Feed().Subscribe()
	t.Cleanup(stop)
	go func() {
		for c := range ch {
			d.Cmds.Inbox <- common.ChangedMsg{Change: c}
		}
	}()
	d.Run(s.Init())
	d.WaitFor(func() bool { return s.loaded }, func() string { return "the dashboard never came" })
	return d, s
}
