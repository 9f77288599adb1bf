package demo

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// The register holds, as of the day generated, an entry received, one
// waiting, one overdue (a task of the clerk who sent it), a contract
// linked to its order, something e-mailed to a lead, one void with its
// reason; and the invoices mailed by the chain, read from their mailing.
func TestDemoHasMaterialsInEveryState(t *testing.T) {
	eng, sum, _ := desk120.copyFor(t)
	ctx := context.Background()
	if sum.Materials < 5 {
		t.Fatalf("summary: %d materials", sum.Materials)
	}
	var clerk store.User
	if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { clerk, err = tx.UserByLogin(ctx, "wangli"); return err }); err != nil {
		t.Fatal(err)
	}
	ms, err := eng.Desk(clerk).Materials(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	day := today.Format(time.DateOnly)
	seen := map[string]int{}
	for _, m := range ms {
		state := m.Status
		if workflow.MaterialLate(m, day, workflow.DefaultMaterialDays) {
			state = "overdue"
		}
		switch {
		case !m.Entry:
			seen["invoice"]++
		case m.What == "contract" && m.LinkID != 0:
			seen["contract"]++
		case m.LeadID != 0:
			seen["lead"]++
		}
		if m.Entry {
			seen[state]++
		}
		if m.Status == workflow.MaterialVoid {
			if v, err := eng.Desk(clerk).Material(ctx, m.DocID); err != nil || v.Reason == "" {
				t.Errorf("void without its reason: %v %+v", err, v)
			}
		}
	}
	for _, want := range []string{"received", "sent", "overdue", "void", "contract", "lead", "invoice"} {
		if seen[want] == 0 {
			t.Errorf("no %s row: %v", want, seen)
		}
	}
	tasks, err := eng.Desk(clerk).MyMaterialTasks(ctx)
	if err != nil || len(tasks) == 0 {
		t.Errorf("the clerk's inbox: %v %+v", err, tasks)
	}
}
