package workflowtest

import (
	"context"
	"errors"
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

// FirstCustomer is the id of the first customer on eng's list.
func FirstCustomer(tb testing.TB, eng *workflow.Engine) int64 {
	tb.Helper()
	var rows []store.CustomerRow
	ctx := context.Background()
	err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { rows, err = tx.Customers(ctx, store.Page{Limit: 1}); return err })
	if err == nil && len(rows) == 0 {
		err = errors.New("no customer")
	}
	if err != nil {
		tb.Fatal(err)
	}
	return rows[0].ID
}
