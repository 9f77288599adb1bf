package demo

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Every rep, and the first clerk, has a lead of their own in every
// stage, the won one with its customer file, the lost one with its
// reason; one overdue next step waits in their inbox.
func TestDemoHasLeadsInEveryStage(t *testing.T) {
	eng, sum, _ := desk120.copyFor(t)
	ctx := context.Background()
	for _, login := range []string{"liu", "zheng", "wangli"} {
		var rep store.User
		err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { rep, err = tx.UserByLogin(ctx, login); return err })
		if err != nil {
			t.Fatal(err)
		}
		leads, err := eng.Desk(rep).Leads(ctx, workflow.LeadFilter{})
		if err != nil {
			t.Fatal(err)
		}
		stages := map[string]int{}
		for _, l := range leads {
			if l.OwnerID != rep.ID {
				continue // the desk sees everyone's
			}
			stages[l.Status]++
			if l.Status == "won" && l.CustomerID == 0 {
				t.Errorf("%s's won lead %s has no customer file", login, l.Ref)
			}
		}
		for _, s := range workflow.LeadStages() {
			if stages[s] == 0 {
				t.Errorf("%s has no lead %s: %v", login, s, stages)
			}
		}
		if tasks, err := eng.Desk(rep).MyLeadTasks(ctx); err != nil || len(tasks) == 0 {
			t.Errorf("%s's inbox has no overdue lead: %v", login, err)
		}
	}
	if sum.Leads < 18 {
		t.Errorf("summary: %d leads", sum.Leads)
	}
}
