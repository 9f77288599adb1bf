// Package benchkit is what the screens' benchmarks share: demo databases
// built once and kept, the desk of a demo user, a program's command
// loop, and the latency report.
package benchkit

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// DemoDB returns the database name in the temporary folder, generating
// it with opts the first time (the name should say what makes it
// differ: sizes, schema and generator versions). loc, when given, is
// the engine's time zone while generating.
func DemoDB(b *testing.B, name string, opts demo.Options, loc *time.Location) string {
	b.Helper()
	return storetest.CachedDB(b, name, func(path string) {
		st, _, sum := Generate(b, path, opts, loc)
		st.Close()
		b.Logf("generated %+v", sum)
	})
}

// Generate writes a demo desk of opts into a new database at path;
// loc, when given, is the engine's time zone.
func Generate(b *testing.B, path string, opts demo.Options, loc *time.Location) (*store.Store, *workflow.Engine, demo.Summary) {
	b.Helper()
	ctx := context.Background()
	eng := workflowtest.Open(b, path)
	st := eng.Store()
	if loc != nil {
		eng.SetLocation(loc)
	}
	sum, err := demo.Generate(ctx, eng, opts)
	if err != nil {
		b.Fatal(err)
	}
	return st, eng, sum
}

// OpenAs opens the database at path as the user with login.
func OpenAs(tb testing.TB, path, login string) (*store.Store, *workflow.Engine, store.User) {
	tb.Helper()
	ctx := context.Background()
	eng := workflowtest.Open(tb, path)
	st := eng.Store()
	var u store.User
	var err error
	if err := st.Read(ctx, func(tx *store.Tx) error {
		u, err = tx.UserByLogin(ctx, login)
		return err
	}); err != nil {
		tb.Fatal(err)
	}
	return st, eng, u
}
