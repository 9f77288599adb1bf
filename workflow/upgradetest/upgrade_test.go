package upgradetest

import (
	"context"
	"database/sql"
	"os"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// TestUpgradeFromEveryEarlierSchema opens each earlier version's database
// with this program: it upgrades to the current schema whole (integrity,
// foreign keys, the audit chain), and the desk works on it: every kind's
// documents are listed, a document in each state takes its next step
// under the two-person rule, a new order is made and signed off, and a
// customer's receivable reads the same from the statement's source and
// the gate's.
func TestUpgradeFromEveryEarlierSchema(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			_, path := f.upgrade(t)
			d := openDesk(t, path)
			d.checkWhole("after the upgrade")
			d.checkLists()
			d.checkSteps()
			d.checkNewOrder()
			d.checkReceivables()
			d.checkWhole("after working on it")
		})
	}
}

// userVersion reads the schema version of the file at path without
// orderdesk (which would upgrade it).
func userVersion(t *testing.T, path string) int {
	t.Helper()
	db := storetest.ReadOnly(t, path)
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return v
}

// desk is an upgraded fixture open with this program's engine, and two
// users added for the test: a clerk and someone holding every role, who
// never made or edited anything there (so may sign anything off).
type desk struct {
	t          *testing.T
	ctx        context.Context
	path       string
	e          *workflow.Engine
	raw        *sql.DB // the file read as a script would, read-only
	st         *store.Store
	clerk, all store.User
}

// openDesk opens the file with this program; declare, if given, runs
// first, as a later program's further declarations would at its start.
func openDesk(t *testing.T, path string, declare ...func(*store.Store) error) *desk {
	t.Helper()
	e := workflowtest.Open(t, path, keyOf(path)...)
	t.Cleanup(func() { e.Store().Close() })
	d := &desk{t: t, ctx: context.Background(), path: path, e: e, st: e.Store(), raw: storetest.ReadOnly(t, path)}
	for _, f := range declare {
		d.must(f(d.st))
	}
	sys, err := e.SystemUser(d.ctx)
	d.must(err)
	d.clerk, err = e.AddUser(d.ctx, sys, "upgrade_clerk", "升级内勤", "", []workflow.Role{workflow.Clerk})
	d.must(err)
	d.all, err = e.AddUser(d.ctx, sys, "upgrade_all", "升级主管", "", workflow.AllRoles)
	d.must(err)
	return d
}

func (d *desk) must(err error) {
	d.t.Helper()
	if err != nil {
		d.t.Fatal(err)
	}
}

// checkWhole: the file is at this program's schema, SQLite finds it
// whole, no row points at a missing one, and the audit chain verifies.
func (d *desk) checkWhole(when string) {
	t := d.t
	t.Helper()
	if v := userVersion(t, d.path); v != store.SchemaVersion() {
		t.Fatalf("%s: schema %d, want %d", when, v, store.SchemaVersion())
	}
	db := d.raw
	var integrity string
	d.must(db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity))
	if integrity != "ok" {
		t.Fatalf("%s: integrity check: %s", when, integrity)
	}
	var broken string
	d.must(db.QueryRow(`SELECT coalesce(group_concat("table" || ' row ' || rowid || ' → ' || parent), '') FROM pragma_foreign_key_check`).Scan(&broken))
	if broken != "" {
		t.Fatalf("%s: foreign key check: %s", when, broken)
	}
	res, err := d.st.VerifyAudit(d.ctx)
	d.must(err)
	if res.BrokenAt != 0 {
		t.Fatalf("%s: audit chain broken at %d (%s) of %d", when, res.BrokenAt, res.Problem, res.Checked)
	}
}

// keyOf opens the copy at path with the audit key its version sealed
// the trail with, where it has one (schema 12 on; unpack puts it
// beside the copy).
func keyOf(path string) []store.Option {
	if _, err := os.Stat(path + ".audit.key"); err != nil {
		return nil
	}
	return []store.Option{store.WithAuditKey(store.AuditKeyFiles{Key: path + ".audit.key", Checkpoints: path + ".checkpoints"})}
}
