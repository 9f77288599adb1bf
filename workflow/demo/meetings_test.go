package demo

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Last week's meeting has a decision done, one late, one open and one
// with no action, as of the day generated; the first rep's inbox has
// the overdue item and the one due that day.
func TestDemoHasAMeetingWithItemsInEveryState(t *testing.T) {
	eng, sum, _ := desk120.copyFor(t)
	ctx := context.Background()
	if sum.Meetings != 1 {
		t.Fatalf("summary: %d meetings", sum.Meetings)
	}
	user := func(login string) store.User {
		var u store.User
		err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(ctx, login); return err })
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	desk := eng.Desk(user("wangli"))
	ms, err := desk.Meetings(ctx, workflow.MeetingFilter{})
	if err != nil || len(ms) != 1 {
		t.Fatalf("meetings: %v %+v", err, ms)
	}
	m, err := desk.Meeting(ctx, ms[0].DocID)
	if err != nil {
		t.Fatal(err)
	}
	day := today.Format(time.DateOnly) // the day the desk was generated for
	states := map[string]int{}
	for _, d := range m.Decisions {
		states[workflow.DecisionState(m, d.No, day)]++
	}
	for _, s := range []string{workflow.DecisionDone, workflow.DecisionLate, workflow.DecisionOpen, workflow.DecisionNoItem} {
		if states[s] == 0 {
			t.Errorf("no decision %s: %v", s, states)
		}
	}
	if tasks, err := eng.Desk(user("liu")).MyActionTasks(ctx); err != nil || len(tasks) != 2 {
		t.Errorf("the rep's inbox: %v %+v", err, tasks)
	}
}
