package workflow_test

import (
	"context"
	"testing"
	"time"

	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// Two servers on one PostgreSQL database: a change made at one reaches
// the other's sessions within a second, the maker's own sessions hear it
// once, and what belongs to one server (its stopping) stays there.
func TestChangesReachTheOtherServer(t *testing.T) {
	ctx := context.Background()
	url := storetest.Postgres(t)
	open := func() *workflow.Engine {
		eng := workflowtest.Open(t, url)
		t.Cleanup(func() { eng.Store().Close() })
		return eng
	}
	a, b := open(), open()
	atA, stopA := a.Feed().Subscribe()
	defer stopA()
	atB, stopB := b.Feed().Subscribe()
	defer stopB()
	expect := func(where string, ch <-chan workflow.Change, want workflow.Change) {
		t.Helper()
		select {
		case got := <-ch:
			if got != want {
				t.Errorf("%s heard %+v, want %+v", where, got, want)
			}
		case <-time.After(time.Second):
			t.Errorf("%s did not hear %+v within a second", where, want)
		}
	}
	quiet := func(where string, ch <-chan workflow.Change) {
		t.Helper()
		select {
		case got := <-ch:
			t.Errorf("%s heard %+v", where, got)
		case <-time.After(300 * time.Millisecond):
		}
	}

	sys, err := a.SystemUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u, err := a.AddUser(ctx, sys, "wangli", "王丽", "", []workflow.Role{workflow.Clerk})
	if err != nil {
		t.Fatal(err)
	}
	user := workflow.Change{Kind: "user", ID: u.ID}
	expect("the other server", atB, user)
	expect("the server that made it", atA, user)
	quiet("the server that made it, a second time", atA)

	// And the other way round.
	v, err := b.AddUser(ctx, sys, "zhao", "赵主管", "", []workflow.Role{workflow.Supervisor})
	if err != nil {
		t.Fatal(err)
	}
	expect("the first server", atA, workflow.Change{Kind: "user", ID: v.ID})
	expect("the server that made it", atB, workflow.Change{Kind: "user", ID: v.ID})

	a.Feed().Publish(workflow.Change{Kind: workflow.ShutdownKind})
	expect("the server stopping", atA, workflow.Change{Kind: workflow.ShutdownKind})
	quiet("the other server, when the first stops", atB)
}
