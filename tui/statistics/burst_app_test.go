package statistics_test

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/statistics"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// ] ] enter typed at once, in the real program, after the screen has
// read ahead: the first ] is shown from what was read ahead, the second
// reads, and enter waits for it (the type-ahead gate), so the burst
// ends on the same rep's customers of the same quarter as typing one
// key at a time does.
func TestBurstEndsWhereSlowTypingDoes(t *testing.T) {
	f := tuitest.NewDemo(t, statistics.StatDemoOptions(tuitest.Clock))
	boss := f.Engine.Desk(f.Supervisor)
	q := func(n int) workflow.Period { return workflow.PeriodOf(workflow.PeriodQuarter, tuitest.Clock).Shift(n) }
	v, err := boss.Statistics(f.Ctx, workflow.StatQuery{Dim: store.StatRep, Period: q(-3)})
	f.Must(err)
	if len(v.Rows) < 2 {
		t.Fatalf("%d reps in %s", len(v.Rows), q(-3).Label())
	}
	top := v.Rows[workflow.StatRowOrder(v.Rows, workflow.StatColumn{Measure: store.StatOrdered}, true)[0]]
	rep := top.Label
	// What the rep's customers ordered in the quarter the keys end on, as
	// read now: the frame's total, the largest customer first.
	theirs, err := boss.Statistics(f.Ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: q(-1),
		Filters: []store.StatFilter{{Dim: store.StatRep, Key: top.Key}}})
	f.Must(err)
	total := theirs.Total.Figures[workflow.StatNow].Ordered.Amount.String()
	first := theirs.Rows[workflow.StatRowOrder(theirs.Rows, workflow.StatColumn{Measure: store.StatOrdered}, true)[0]].Label
	ends := func(burst bool) string {
		scr := f.RunOn(t, f.Supervisor, "zh", "screen.statistics")
		scr.WaitText(t, "· 订货 · 金额")
		for n, k := range []string{"Q", "[", "[", "[", "v"} {
			scr.Send(tuitest.Keys(k)...)
			scr.WaitText(t, q(max(-n, -3)).Label())
		}
		scr.WaitText(t, "按业务员")
		time.Sleep(300 * time.Millisecond) // settled: the periods either side and the rep's customers read ahead
		if burst {
			scr.Send(tuitest.Keys("]]\r")...)
		} else {
			for n, k := range []string{"]", "]"} {
				scr.Send(tuitest.Keys(k)...)
				scr.WaitText(t, q(n-2).Label())
			}
			scr.Send(tuitest.Keys("\r")...)
		}
		// The rep's path shows at once, the customers' figures when read,
		// and the chart of their months (its axis) when the whole view is.
		scr.WaitText(t, q(-1).Label(), rep+"  排序", total, first, "0┤")
		time.Sleep(100 * time.Millisecond)
		text := scr.Text()
		scr.Quit(t)
		return text
	}
	slow, burst := ends(false), ends(true)
	if burst != slow {
		t.Errorf("typed at once:\n%s\none at a time:\n%s", burst, slow)
	}
}
