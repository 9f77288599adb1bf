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
