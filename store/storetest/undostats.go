package storetest

import (
	"database/sql"
	"testing"
)

// UndoStatistics is the statements that take a database back to before
// the statistics migration (its aggregates, views and triggers go), so
// that it runs again, filling them from the documents, once user_version
// is set below it.
func UndoStatistics(t testing.TB, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, typ := range []string{"trigger", "view", "table"} {
		out = append(out, dropNamed(t, db, typ, `SELECT name FROM sqlite_master WHERE type = ? AND name LIKE 'stat\_%' ESCAPE '\'`, typ)...)
	}
	return out
}
