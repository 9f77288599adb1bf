package workflowtest

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// User is the user of eng's database signing in as login.
func User(tb testing.TB, eng *workflow.Engine, login string) store.User {
	tb.Helper()
	var u store.User
	ctx := context.Background()
	if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(ctx, login); return err }); err != nil {
		tb.Fatal(login, err)
	}
	return u
}
