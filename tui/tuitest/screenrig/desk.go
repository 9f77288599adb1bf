package screenrig

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// Desk is a fresh database and its engine, before anyone works on it.
type Desk struct {
	T      testing.TB
	Ctx    context.Context
	Path   string
	Store  *store.Store
	Engine *workflow.Engine
	system store.User
}

// OpenDesk opens a temporary database; now, when given, is its clock
// from the first row written.
func OpenDesk(t testing.TB, now func() time.Time) *Desk {
	t.Helper()
	return OpenCopy(t, emptyDesk(t), now)
}

// OpenCopy is OpenDesk on a temporary copy of the closed database file
// at src.
func OpenCopy(t testing.TB, src string, now func() time.Time) *Desk {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	storetest.CopyFile(t, src, path, 0o600)
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if now != nil {
		st.Now = now
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	sys, err := eng.SystemUser(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return &Desk{T: t, Ctx: ctx, Path: path, Store: st, Engine: eng, system: sys}
}

// emptyDesk is a database as a first start leaves it (every migration
// run, the rules and the system account written), made once and kept in
// the temporary folder: migrating afresh for every screen test cost a
// sixth of their time under the race detector.
func emptyDesk(t testing.TB) string {
	t.Helper()
	return storetest.CodeCachedDB(t, "orderdesk-empty-desk.db", func(path string) {
		ctx := context.Background()
		st, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		eng, err := workflow.New(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := eng.SystemUser(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

// AddUser adds a user with roles, as the system.
func (d *Desk) AddUser(login, name string, roles ...workflow.Role) store.User {
	d.T.Helper()
	u, err := d.Engine.AddUser(d.Ctx, d.system, login, name, "", roles)
	if err != nil {
		d.T.Fatal(err)
	}
	return u
}

// Must fails the test on err.
func (d *Desk) Must(err error) {
	d.T.Helper()
	if err != nil {
		d.T.Fatal(err)
	}
}
