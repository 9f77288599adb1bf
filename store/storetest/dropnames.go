package storetest

import (
	"database/sql"
	"testing"
)

// dropNamed is a DROP of each object of type typ (trigger, view, table)
// whose name the query on sqlite_master gives, IF EXISTS: an undo run
// before (a later migration's) may have dropped some of them already.
func dropNamed(t testing.TB, db *sql.DB, typ, query string, args ...any) []string {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
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
	return out
}

// DropEvery is a DROP of every object of type typ (trigger, view) in db.
func DropEvery(t testing.TB, db *sql.DB, typ string) []string {
	t.Helper()
	return dropNamed(t, db, typ, `SELECT name FROM sqlite_master WHERE type = ?`, typ)
}
