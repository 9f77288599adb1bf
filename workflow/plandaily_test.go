package workflow

import (
	"testing"

	"orderdesk/store"
)

// The month's daily ordered tonnes come from the statistics aggregates:
// a contract counts on the day it came back signed, for the customer's
// rep; a month to come has no days yet, a month gone has all of them.
func TestPlanReportDailyOrdered(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang, plateLine, oline("45#", "圆钢", "Φ50", "12", "t", "", "4500"))
	o.approved(id, o.clerk, o.boss)
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, id, 0, "2026-11-02", ""))
	other := o.order(o.clerk, o.dalian, plateLine) // rep2's customer
	o.approved(other, o.clerk, o.boss)
	o.must(o.e.Desk(o.clerk).RecordSignBack(o.ctx, other, 0, "2026-11-02", ""))
	for _, c := range []struct {
		month string
		days  int
		daily []store.Milli
	}{
		{"2026-11", 30, []store.Milli{0, 37350}},
		{"2026-12", 31, nil},
		{"2026-10", 31, make([]store.Milli, 31)},
	} {
		r, err := o.e.Desk(o.rep).PlanVsActual(o.ctx, 0, c.month)
		o.must(err)
		if r.Days != c.days || len(r.Daily) != len(c.daily) {
			t.Fatalf("%s: %d days, daily %v", c.month, r.Days, r.Daily)
		}
		for i := range c.daily {
			if r.Daily[i] != c.daily[i] {
				t.Errorf("%s day %d: %s, want %s", c.month, i+1, r.Daily[i], c.daily[i])
			}
		}
	}
}
