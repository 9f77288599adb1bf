// Package workflowtest opens engines for the tests of the packages that
// drive the workflow.
package workflowtest

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// Open opens the database at path (a file, or a PostgreSQL URL) and an
// engine on it, failing tb on any error; the caller closes its store
// (eng.Store().Close()).
func Open(tb testing.TB, path string, opts ...store.Option) *workflow.Engine {
	tb.Helper()
	ctx := context.Background()
	st, err := store.OpenURL(ctx, path, opts...) // a file, or a PostgreSQL database
	if err != nil {
		tb.Fatal(err)
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		st.Close()
		tb.Fatal(err)
	}
	return eng
}
