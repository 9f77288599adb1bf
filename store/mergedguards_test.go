package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// The guards of one table and event are one trigger each: taking one
// away, or a statement out of one, is found by the check every start and
// write runs, as the view they name changed is, and a separate trigger
// of the older shape put back is an extra one.
func TestMergedGuardsAreChecked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	st := openStore(t, path)
	defer st.Close()
	db := raw(t, path)
	execAll(t, db, `DROP TRIGGER keep_order_lines_u`,
		// the audit record kept, the document's version no longer moved
		`DROP TRIGGER audit_order_lines_i`,
		`CREATE TRIGGER audit_order_lines_i AFTER INSERT ON order_lines BEGIN
		   INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
		   VALUES (NEW.updated_by, 'order_lines', NEW.rowid, 'insert', NULL, json_object('id', NEW.id)); END`,
		`DROP VIEW editable_documents`, `CREATE VIEW editable_documents(id) AS SELECT id FROM documents`,
		`CREATE TRIGGER doc_order_lines_guard_i BEFORE INSERT ON order_lines BEGIN SELECT 1; END`)
	db.Close()
	got, err := st.CheckSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, p.String())
	}
	want := []string{"trigger audit_order_lines_i altered", "trigger doc_order_lines_guard_i extra",
		"trigger keep_order_lines_u missing", "view editable_documents altered"}
	if !slices.Equal(names, want) {
		t.Errorf("found %q, want %q", names, want)
	}
}

// A database whose guards are the separate triggers of older schemas
// holds the merged ones after the upgrade, and none of the separate ones.
func TestUpgradeMergesSeparateGuards(t *testing.T) {
	path := filepath.Join(t.TempDir(), "desk.db")
	openStore(t, path).Close()
	db := raw(t, path)
	var old []string
	for _, table := range []string{"order_lines", "invoices"} {
		for _, name := range []string{"doc_%s_fixed", "doc_%s_guard_i", "doc_%s_guard_u", "doc_%s_log_i", "doc_%s_log_u"} {
			old = append(old, fmt.Sprintf(`CREATE TRIGGER `+name+` BEFORE UPDATE ON %[1]s BEGIN SELECT 1; END`, table))
		}
	}
	merged := store.MigrationVersion("merged_guards")
	execAll(t, db, storetest.UndoTo(t, db, merged)...)
	execAll(t, db, append(old, `DROP TRIGGER keep_order_lines_i`, `DROP VIEW editable_documents`,
		fmt.Sprintf(`PRAGMA user_version = %d`, merged-1))...)
	db.Close()
	st := openStore(t, path)
	defer st.Close()
	if p := st.SchemaProblems(); len(p) != 0 {
		t.Errorf("after the upgrade: %v", p)
	}
	db = raw(t, path)
	if n := scalar[int](t, db, `SELECT count(*) FROM sqlite_schema WHERE name GLOB 'doc_*'`); n != 0 {
		t.Errorf("%d separate guards left", n)
	}
}

// openStore opens (making or upgrading) the database at path.
func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}
