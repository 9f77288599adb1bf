package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// engines runs a restore's promise on each engine: a SQLite file, whose
// restore puts a backup in place of the file, and PostgreSQL, whose
// restore fills an empty database.
func engines(t *testing.T, run func(t *testing.T)) {
	for _, e := range []struct {
		name string
		pg   bool
	}{{"SQLite", false}, {"PostgreSQL", true}} {
		t.Run(e.name, func(t *testing.T) {
			if e.pg {
				onPostgres(t)
			} else {
				onSQLite(t)
			}
			run(t)
		})
	}
}

// restoreTarget is a database a backup is restored into, on the engine
// of this test's envs: a file holding an orderdesk database (a restore
// puts the backup in its place) or an empty PostgreSQL database (a
// restore fills it). State is what it holds, to show that a refused
// restore changed nothing.
type restoreTarget struct {
	path  string
	state func() string
}

func newTarget(t *testing.T) restoreTarget {
	t.Helper()
	if envsOnPostgres() {
		url := storetest.Postgres(t)
		return restoreTarget{path: url, state: func() string { return tablesOf(t, url) }}
	}
	path := filepath.Join(t.TempDir(), "desk.db")
	newDBAt(t, path)
	return restoreTarget{path: path, state: func() string { return string(readFile(t, path)) }}
}

// tablesOf names the tables a PostgreSQL database holds.
func tablesOf(t *testing.T, url string) string {
	t.Helper()
	return scalar[string](t, raw(t, url), `SELECT coalesce(string_agg(tablename::text, ',' ORDER BY tablename), '') FROM pg_tables WHERE schemaname = current_schema()`)
}

// dumpWith writes a pg_dump archive of a new PostgreSQL database after
// running stmts on it (another program's tables, say).
func dumpWith(t *testing.T, path string, stmts ...string) string {
	t.Helper()
	url := storetest.Postgres(t)
	execAll(t, raw(t, url), stmts...)
	if err := store.DumpPostgres(context.Background(), url, path); err != nil {
		t.Fatal(err)
	}
	return path
}

// emptyTarget is where a backup is restored to on this test's engine
// with nothing there before: a file not yet made, or a new, empty
// PostgreSQL database.
func emptyTarget(t *testing.T) string {
	t.Helper()
	if envsOnPostgres() {
		return storetest.Postgres(t)
	}
	return filepath.Join(t.TempDir(), "restored.db")
}

// checkRestored checks a restored database as a backup is checked: the
// file itself on SQLite (integrity and audit chain), a new backup of it
// on PostgreSQL (pg_dump's read of every table, the chain walked).
func checkRestored(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if !store.IsPostgresURL(st.Path()) {
		if _, err := store.CheckBackup(ctx, st.Path()); err != nil {
			t.Fatalf("the restored file does not check: %v", err)
		}
		return
	}
	if _, err := st.Backup(ctx, filepath.Join(t.TempDir(), "again.dump")); err != nil {
		t.Fatalf("the restored database does not check: %v", err)
	}
}
