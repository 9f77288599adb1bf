package visits_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// desk is a fixture at the screens' clock (Thursday 2026-11-26) with a
// sales rep, one of their customers and a complaint of it still open.
type desk struct {
	*tuitest.Fixture
	rep   store.User
	cust  int64
	clock *atomic.Pointer[time.Time] // the store's now (at)
}

func newDesk(t *testing.T) desk {
	t.Helper()
	f := tuitest.NewAtClock(t)
	d := desk{Fixture: f, rep: f.AddUser("liuyang", "刘洋", workflow.SalesRep), clock: new(atomic.Pointer[time.Time])}
	start := tuitest.Clock
	d.clock.Store(&start)
	f.Store.Now = func() time.Time { return *d.clock.Load() }
	clerk := f.Engine.Desk(f.Clerk)
	ctx := context.Background()
	var err error
	if d.cust, _, err = clerk.CreateCustomer(ctx, workflow.CustomerInput{Name: "鞍山宏达钢构有限公司", ShortName: "宏达钢构",
		City: "鞍山", Phone: "0412-5551234", PaymentTerms: store.TermsPrepaid, RepID: d.rep.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := clerk.RecordComplaint(ctx, workflow.ComplaintInput{CustomerID: d.cust, Type: "quality", Words: "板面有锈"}); err != nil {
		t.Fatal(err)
	}
	return d
}

// visits are what user u's desk lists.
func (d desk) visits(t *testing.T, u store.User) []store.SalesVisit {
	t.Helper()
	vs, err := d.Engine.Desk(u).Visits(d.Ctx, workflow.VisitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// at moves the store's clock (the workflow's today) to day at 10:00.
// The clock is read through an atomic: a program a test has quit may
// still be reading it in a command of its own.
func (d desk) at(day string) {
	t, _ := time.Parse("2006-01-02", day)
	t = t.Add(10 * time.Hour)
	d.clock.Store(&t)
}

// demoDesk is a fixture filled by the demo at the screens' clock: every
// rep's visits of about a week.
func demoDesk(t *testing.T) *tuitest.Fixture {
	t.Helper()
	o := tuitest.SmallDemo()
	o.VisitPercent = 0
	return tuitest.NewDemo(t, o)
}

// backspaces clears a field of n runes.
func backspaces(n int) []tea.Msg {
	out := make([]tea.Msg, n)
	for i := range out {
		out[i] = tuitest.Key("backspace")
	}
	return out
}

// agendaWithAVisit plans the rep's visit to the customer on Friday and
// shows the rep's Visits screen, in English, with it on the agenda.
func (d desk) agendaWithAVisit(t *testing.T) *tuitest.Screen {
	t.Helper()
	_, err := d.Engine.Desk(d.rep).PlanVisit(d.Ctx, tuitestVisit(d.cust))
	d.Must(err)
	scr := d.RunOn(t, d.rep, "en", "screen.visits")
	scr.WaitText(t, "宏达钢构", "09:30")
	return scr
}

// tuitestVisit is the rep's visit to the customer on Friday at 09:30.
func tuitestVisit(cust int64) workflow.VisitInput {
	return workflow.VisitInput{CustomerID: cust, On: "2026-11-27", At: "9:30", Place: "客户办公室", Goal: "volume", Questions: "问价格"}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
