package statistics

import (
	"context"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// today is the day the screen tests run on: the demo desk's two years
// of history end here.
var today = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// StatDemoOptions is the demo desk the screen is tested on: two years
// of orders shipped, invoiced and paid (exported for the app's tests).
func StatDemoOptions(today time.Time) demo.Options {
	o := demo.DefaultOptions()
	o.Customers, o.Products, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 30, 30, 10, 30, 20, 20
	o.InvoiceVolume, o.LateInvoices, o.Pending, o.SentBack, o.Today, o.DeskLogin = 160, 6, 0, 0, today, ""
	o.MonthlyPercent = 40
	return o
}

// statDesk is a copy of the demo desk, its clock stopped at today.
func statDesk(t testing.TB) *workflow.Engine {
	t.Helper()
	name := "orderdesk-statscreen.db" // rebuilt whenever the code changes (workflowtest.Cached)
	return workflowtest.Cached(t, name, today, func(eng *workflow.Engine) {
		// What the demo writes at the store's clock (a lead entered, a
		// step taken) is dated on the desk's day, a moment apart, not the
		// day the copy was made.
		var mu sync.Mutex
		now := today.Add(-time.Hour)
		eng.Store().Now = func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(time.Millisecond)
			return now
		}
		if _, err := demo.Generate(context.Background(), eng, StatDemoOptions(today)); err != nil {
			t.Fatal(err)
		}
	})
}

// userOf is the demo user with login.
func userOf(t testing.TB, eng *workflow.Engine, login string) store.User {
	t.Helper()
	return workflowtest.User(t, eng, login)
}

// open is the screen of login in lang, width × height, first view loaded.
func open(t testing.TB, eng *workflow.Engine, login, lang string, width, height int) (*screenrig.Driver, *Screen) {
	t.Helper()
	return openAt(t, eng, login, lang, width, height, today)
}

// openAt is open on the day now.
func openAt(t testing.TB, eng *workflow.Engine, login, lang string, width, height int, now time.Time) (*screenrig.Driver, *Screen) {
	t.Helper()
	d := screenrig.NewDriver(t, 64, 20*time.Millisecond)
	c := screenrig.Session(context.Background(), eng.Desk(userOf(t, eng, login)), lang, screenrig.Fixed(now))
	s := New(c)
	d.Screen = s
	s.SetSize(width, height)
	d.Run(s.Init())
	d.WaitFor(func() bool { return s.answered > 0 && !s.quick }, func() string { return "the first view never came" })
	return d, s
}

// pressAnswered sends keys one by one, each after the load the one before asked
// for has been answered, as the desk's type-ahead gate holds them; a
// key pressed on a view still loading would act on the rows before it.
func pressAnswered(d *screenrig.Driver, s *Screen, keys ...string) {
	for _, k := range keys {
		d.Press(k)
		d.WaitFor(func() bool { return s.answered == s.req && !s.quick }, func() string { return "no answer to " + k })
	}
}
