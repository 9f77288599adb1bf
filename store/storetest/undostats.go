package storetest

import (
	"database/sql"
	"testing"
)

// UndoStatistics is the statements that take a database back to before
// the statistics migration (its aggregates, views and triggers go), so
// that it runs again, filling them from the documents, once user_version
// is set below it. IF EXISTS: a later migration's undo, run first,
// may have dropped some of them already.
func UndoStatistics(t testing.TB, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, typ := range []string{"trigger", "view", "table"} {
		rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = ? AND name LIKE 'stat\_%' ESCAPE '\'`, typ)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				t.Fatal(err)
			}
			out = append(out, `DROP `+typ+` IF EXISTS "`+name+`"`)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}
