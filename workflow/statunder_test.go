package workflow_test

import (
	"context"
	"reflect"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// statSummedDims are the dimensions whose views are summed from their
// customers (enter opens customers), with a filter under one of them.
var statSummedDims = []struct {
	dim     store.StatDim
	filters []store.StatFilter
}{{store.StatAll, nil}, {store.StatRep, nil}, {store.StatCity, nil}, {store.StatTerms, nil}, {store.StatSource, nil},
	{store.StatCity, []store.StatFilter{{Dim: store.StatProvince, Key: "辽宁"}}}}

// A view summed from its customers has the rows the database's own
// grouping gives, what each owes too, in every kind of period.
func TestViewsSummedFromCustomersAreTheDatabasesSums(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	boss := deskOf(t, eng, "zhao")
	for _, c := range statSummedDims {
		for _, p := range []workflow.Period{workflow.PeriodOf(workflow.PeriodMonth, statToday).Shift(-1),
			workflow.PeriodOf(workflow.PeriodQuarter, statToday), workflow.PeriodOf(workflow.PeriodYear, statToday).Shift(-1)} {
			v, err := boss.Statistics(ctx, workflow.StatQuery{Dim: c.dim, Filters: c.filters, Period: p, Open: true})
			if err != nil {
				t.Fatal(err)
			}
			spans := []store.StatSpan{v.Periods[0].Span(), v.Periods[1].Span(), v.Periods[2].Span()}
			var want []store.StatRow
			err = eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
				want, err = tx.StatRows(ctx, store.StatScope{Dim: c.dim, Filters: c.filters}, spans, true)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			got := make([]store.StatRow, len(v.Rows))
			for i, r := range v.Rows {
				got[i] = store.StatRow{Key: r.Key, Label: r.Label, Figures: r.Figures[:]}
			}
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%s %v %s: summed from customers\n%+v\nthe database's\n%+v", c.dim, c.filters, p, got, want)
			}
		}
	}
}

// Enter on a row of a view summed from its customers opens, without a
// read, the rows a read of the customers under it tells first: for the
// supervisor, a rep (their own customers alone) and a user who may not
// see money, from the rows told first and from the whole view.
func TestDrilledFromTheViewIsWhatAReadTells(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	p := workflow.PeriodOf(workflow.PeriodMonth, statToday).Shift(-1)
	told := func(d *workflow.Desk, q workflow.StatQuery) (rows, whole workflow.StatView) {
		t.Helper()
		whole, err := d.StatisticsRowsFirst(ctx, q, func(v workflow.StatView) { rows = v })
		if err != nil {
			t.Fatal(err)
		}
		return rows, whole
	}
	for _, login := range []string{"zhao", "liu", "wu"} {
		d := deskOf(t, eng, login)
		for _, c := range statSummedDims {
			q := workflow.StatQuery{Dim: c.dim, Filters: c.filters, Period: p, Open: true, Months: 12}
			rows, whole := told(d, q)
			drilled := 0
			for _, r := range whole.Rows {
				under := q
				under.Dim = store.StatCustomer
				under.Filters = append(append([]store.StatFilter(nil), c.filters...), store.StatFilter{Dim: c.dim, Key: r.Key})
				want, _ := told(d, under)
				for name, v := range map[string]workflow.StatView{"rows": rows, "whole": whole} {
					got, ok := v.Drilled(r.Key)
					if !ok || !reflect.DeepEqual(got, want) {
						t.Errorf("%s %s %v, %s of %q from the %s told first: %v\n%+v\nread:\n%+v", login, c.dim, c.filters, under.Dim, r.Label, name, ok, got, want)
					}
				}
				drilled += len(want.Rows)
			}
			if drilled == 0 {
				t.Errorf("%s %s %v: no customer under any row", login, c.dim, c.filters)
			}
			if got := len(rows.Rows); got != len(whole.Rows) {
				t.Errorf("%s %s: %d rows told first, %d whole", login, c.dim, got, len(whole.Rows))
			}
		}
	}
	// A view by customer or by goods is read as it is: nothing under it
	// to take.
	for _, dim := range []store.StatDim{store.StatCustomer, store.StatGrade, store.StatProvince} {
		v, err := deskOf(t, eng, "zhao").Statistics(ctx, workflow.StatQuery{Dim: dim, Period: p, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := v.Drilled(v.Rows[0].Key); ok {
			t.Errorf("%s: drilled without a read", dim)
		}
	}
}
