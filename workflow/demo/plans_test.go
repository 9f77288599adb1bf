package demo

import (
	"context"
	"testing"

	"orderdesk/store"
)

// The demo's reps have approved month plans and targets, and a week's
// plan waiting for the supervisor, so the plans have something to show
// on day one.
func TestDemoHasPlans(t *testing.T) {
	eng, sum, _ := desk120.copyFor(t)
	ctx := context.Background()
	month := today.Format("2006-01")
	for _, login := range []string{"liu", "zheng"} {
		var rep store.User
		err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { rep, err = tx.UserByLogin(ctx, login); return err })
		if err != nil {
			t.Fatal(err)
		}
		plans, err := eng.Desk(rep).Plans(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		statuses := map[string]int{}
		for _, p := range plans {
			statuses[p.Period+" "+p.Status]++
		}
		if statuses["month approved"] != 2 || statuses["week submitted"] != 1 {
			t.Errorf("%s's plans: %v", login, statuses)
		}
		r, err := eng.Desk(rep).PlanVsActual(ctx, 0, month)
		if err != nil {
			t.Fatal(err)
		}
		if r.Target.DocID == 0 || r.Total.PlanTonnes == 0 || len(r.ByGroup) == 0 {
			t.Errorf("%s's month %s: %+v", login, month, r)
		}
	}
	if sum.Plans != 6 || sum.Targets != 4 {
		t.Errorf("summary: %d plans, %d targets", sum.Plans, sum.Targets)
	}
}

// The demo's month has its purchase plan, approved for purchasing, each
// line naming where its tonnes came from.
func TestDemoHasPurchasePlan(t *testing.T) {
	eng, sum, _ := desk120.copyFor(t)
	ctx := context.Background()
	var clerk store.User
	err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { clerk, err = tx.UserByLogin(ctx, "wangli"); return err })
	if err != nil {
		t.Fatal(err)
	}
	plans, err := eng.Desk(clerk).PurchasePlans(ctx)
	if err != nil || len(plans) != 1 || sum.PurchasePlans != 1 {
		t.Fatalf("%v %+v %d", err, plans, sum.PurchasePlans)
	}
	p, err := eng.Desk(clerk).PurchasePlan(ctx, plans[0].DocID)
	if err != nil || p.Status != "approved" || p.Month != today.Format("2006-01") || len(p.Lines) == 0 {
		t.Fatalf("%v %+v", err, p)
	}
	for _, l := range p.Lines {
		if l.Sources == "" || l.Tonnes != l.FromPlans+l.FromOrders-l.InStock {
			t.Errorf("line %+v", l)
		}
	}
}
