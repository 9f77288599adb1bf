package demo

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every rep has about a week of visits to their own customers: those
// whose day is past reviewed against their goal but one, which waits in
// the rep's inbox; one to come cancelled with the reason; one to a lead.
func TestDemoHasAWeekOfVisits(t *testing.T) {
	eng, sum, _ := desk120.copyFor(t)
	eng.Store().Now = func() time.Time { return today } // the inbox as on the demo's day
	ctx := context.Background()
	for _, login := range []string{"liu", "zheng"} {
		var rep store.User
		err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { rep, err = tx.UserByLogin(ctx, login); return err })
		if err != nil {
			t.Fatal(err)
		}
		vs, err := eng.Desk(rep).Visits(ctx, workflow.VisitFilter{From: today.AddDate(0, 0, -8).Format("2006-01-02")})
		if err != nil {
			t.Fatal(err)
		}
		status, lead := map[string]int{}, 0
		for _, v := range vs {
			if v.FromLog {
				continue
			}
			status[v.Status]++
			if v.LeadID != 0 {
				lead++
			}
			if v.Review != nil && v.Review.Reached == "" {
				t.Errorf("%s's visit %s reviewed without saying whether it reached its goal", login, v.Ref)
			}
		}
		if status[workflow.VisitReviewed] == 0 || status[workflow.VisitCancelled] != 1 || status[workflow.VisitPlanned] == 0 || lead != 1 {
			t.Errorf("%s's week: %v, %d to a lead", login, status, lead)
		}
		if tasks, err := eng.Desk(rep).MyVisitTasks(ctx); err != nil || len(tasks) != 1 {
			t.Errorf("%s's inbox has %d visits to review: %v", login, len(tasks), err)
		}
	}
	if sum.WeekVisits < 12 {
		t.Errorf("summary: %d visits this week", sum.WeekVisits)
	}
}
