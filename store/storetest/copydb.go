package storetest

import (
	"path/filepath"
	"testing"

	"orderdesk/store"
)

// CopyDB returns, for tb, its own copy of the closed database at path:
// a SQLite file copied into tb's temporary folder, or a PostgreSQL
// database made from the one the URL names by PostgreSQL's own copy
// (PostgresCopy).
func CopyDB(tb testing.TB, path string) string {
	tb.Helper()
	if store.IsPostgresURL(path) {
		return PostgresCopy(tb, path)
	}
	mine := filepath.Join(tb.TempDir(), filepath.Base(path))
	CopyFile(tb, path, mine, 0o600)
	return mine
}

// NewDB is where a test binary builds a database that its tests copy
// (CopyDB): a file named name in dir, or, with the tests on PostgreSQL
// (OnPostgres), a new database on the binary's private server that
// outlives tb (PostgresKept).
func NewDB(tb testing.TB, dir, name string) string {
	tb.Helper()
	if OnPostgres() {
		return PostgresKept(tb)
	}
	return filepath.Join(dir, name)
}
