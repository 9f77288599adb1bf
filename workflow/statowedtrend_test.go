package workflow_test

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Each month of a view's trend holds what each key owed at the month's
// end, as a period's Open reads it: a month's view and its 13 months
// agree, row by row and in total, on the month itself, the month before
// and the same month last year; by customer, by rep (summed from its
// customers), by city and in total, and in a rep's own view. What is
// owed moves from month to month (not one figure repeated). A day's
// view, whose months are worked out another way, has the same months.
func TestOwedMonthsAreThePeriodsOwed(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	p := workflow.PeriodOf(workflow.PeriodMonth, statToday)
	back := map[int]int{workflow.StatNow: 0, workflow.StatPrevious: 1, workflow.StatLastYear: 12}
	for _, c := range []struct {
		login string
		dim   store.StatDim
	}{{"zhao", store.StatCustomer}, {"zhao", store.StatRep}, {"zhao", store.StatCity}, {"zhao", store.StatAll}, {"liu", store.StatCustomer}} {
		v, err := deskOf(t, eng, c.login).Statistics(ctx, workflow.StatQuery{Dim: c.dim, Period: p, Open: true, Months: 13})
		if err != nil {
			t.Fatal(err)
		}
		owing, moved := 0, false
		for _, r := range append(v.Rows, v.Total) {
			last := len(r.Trend) - 1
			for n, months := range back {
				if got, want := r.Trend[last-months].Open.Amount, r.Figures[n].Open.Amount; got != want {
					t.Errorf("%s by %s, %q: %d months back owed %s, the period's figure %s", c.login, c.dim, r.Label, months, got, want)
				}
			}
			if r.Trend[last].Open.Amount != 0 {
				owing++
			}
			for i := range r.Trend[1:] {
				moved = moved || r.Trend[i].Open.Amount != r.Trend[i+1].Open.Amount
			}
		}
		if owing == 0 || !moved {
			t.Errorf("%s by %s: %d rows owing, owed moved %v", c.login, c.dim, owing, moved)
		}
		// A day's view ends inside its month: its months are worked
		// forward from what was owed when they start, and come to the
		// same as the month's, worked back from its end.
		day, err := deskOf(t, eng, c.login).Statistics(ctx, workflow.StatQuery{Dim: c.dim, Period: workflow.PeriodOf(workflow.PeriodDay, statToday),
			Open: true, Months: 13})
		if err != nil {
			t.Fatal(err)
		}
		for i, f := range day.Total.Trend {
			if got, want := f.Open.Amount, v.Total.Trend[i].Open.Amount; got != want {
				t.Errorf("%s by %s: month %d of a day's view owed %s, of the month's %s", c.login, c.dim, i, got, want)
			}
		}
	}
}
