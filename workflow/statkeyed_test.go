package workflow_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// A month, a quarter or a year by customer, read from its roll-up's one
// row a customer, holds what the same days read in two spans cut mid-
// month (the days and the months around the cut, summed) add up to: by
// every customer and beside a filter on the customer file.
func TestOnePeriodByCustomerIsItsPartsSummed(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	periods := []workflow.Period{workflow.PeriodOf(workflow.PeriodMonth, statToday).Shift(-1),
		workflow.PeriodOf(workflow.PeriodQuarter, statToday).Shift(-1), workflow.PeriodOf(workflow.PeriodYear, statToday).Shift(-1)}
	for _, filters := range [][]store.StatFilter{nil, {{Dim: store.StatProvince, Key: "辽宁"}}} {
		scope := store.StatScope{Dim: store.StatCustomer, Filters: filters}
		for _, p := range periods {
			whole := p.Span()
			mid := whole.From[:8] + "16"
			var one, halves []store.StatRow
			err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
				if one, err = tx.StatRows(ctx, scope, []store.StatSpan{whole}, false); err != nil {
					return err
				}
				halves, err = tx.StatRows(ctx, scope, []store.StatSpan{{From: whole.From, To: mid}, {From: mid, To: whole.To}}, false)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			for i := range halves {
				halves[i].Figures = []store.StatFigures{halves[i].Figures[0].Add(halves[i].Figures[1])}
			}
			halves = slices.DeleteFunc(halves, func(r store.StatRow) bool { return r.Figures[0].Zero() })
			if len(one) == 0 || !reflect.DeepEqual(one, halves) {
				t.Errorf("%s %v: %d customers read whole, %d from its halves:\n%+v\n%+v", p, filters, len(one), len(halves), one, halves)
			}
		}
	}
}
