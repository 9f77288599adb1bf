package main

import (
	"database/sql"
	"testing"
)

// TestStartClosesRulesGuardLeftOpen: a database where a script opened the
// rule additions guard and never closed it (possible only without
// foreign keys) starts, closes the guard and says so in the audit trail.
func TestStartClosesRulesGuardLeftOpen(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "make the database", args: []string{"user", "list"}}})
	db, err := sql.Open("sqlite", "file:"+c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO wf_additions_guard(one, program, schema) VALUES (1, 'a script', 0)`); err != nil {
		t.Fatal(err)
	}
	c.steps([]step{
		{name: "a command starts", args: []string{"user", "list"}, want: []string{"no users yet"}},
		{name: "the audit trail verifies", args: []string{"audit", "verify"}, want: []string{"audit trail intact"}},
		{name: "the closing is on it", args: []string{"audit", "show", "--table", "wf_additions_guard", "--id", "1"},
			want: []string{"system", "close wf_additions_guard"}},
	})
	var open int
	if err := db.QueryRow(`SELECT count(*) FROM wf_additions_guard`).Scan(&open); err != nil || open != 0 {
		t.Fatalf("the guard is still open: %d %v", open, err)
	}
}
