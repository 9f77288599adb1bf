package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"orderdesk/store"
)

// TestVersionSaysTheDatabaseSchema: `orderdesk version` names the schema
// of the configured database file and what the next start does with it,
// and never changes the file (nor makes one).
func TestVersionSaysTheDatabaseSchema(t *testing.T) {
	want := store.SchemaVersion()
	// stamp makes the database at this program's schema and writes
	// version v over it; inLog keeps the change in the write-ahead log
	// (a desk still running), not yet in the file's header.
	stamp := func(v int, inLog bool) func(t *testing.T, c *cli) {
		return func(t *testing.T, c *cli) {
			c.run("user", "list")
			db, err := sql.Open("sqlite", "file:"+c.db+"?_pragma=wal_autocheckpoint(0)")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v)); err != nil {
				t.Fatal(err)
			}
			if !inLog {
				db.Close()
				return
			}
			t.Cleanup(func() { db.Close() })
			if wal, err := os.Stat(c.db + "-wal"); err != nil || wal.Size() == 0 {
				t.Fatalf("the change is not in the log: %v", err)
			}
		}
	}
	tests := []struct {
		name    string
		make    func(t *testing.T, c *cli)
		say     string
		notSay  string
		noFiles bool
	}{
		{"no database yet", func(*testing.T, *cli) {}, "", "database", true},
		{"an empty file", func(t *testing.T, c *cli) { os.WriteFile(c.db, nil, 0o644) }, "empty (the schema is written at first start)", "", false},
		{"this program's", func(t *testing.T, c *cli) { c.run("user", "list") }, fmt.Sprintf("schema %d (current)", want), "", false},
		{"an earlier one", stamp(want-2, false), fmt.Sprintf("schema %d (will upgrade to %d at next start)", want-2, want), "", false},
		{"an earlier one, in the log of a desk still open", stamp(want-1, true), fmt.Sprintf("schema %d (will upgrade to %d at next start)", want-1, want), "", false},
		{"a newer one", stamp(want+1, false), fmt.Sprintf("schema %d (newer than this program's %d", want+1, want), "", false},
		{"not a database", func(t *testing.T, c *cli) { os.WriteFile(c.db, []byte("name,phone\n"), 0o644) }, "not an orderdesk database", "schema", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCLI(t)
			tc.make(t, c)
			before, _ := os.ReadFile(c.db)
			out, errOut, err := c.run("version")
			if err != nil {
				t.Fatalf("version: %v\n%s", err, errOut)
			}
			if !strings.Contains(out, fmt.Sprintf("schema version %d", want)) || !strings.Contains(out, tc.say) {
				t.Fatalf("version said %q, want %q", out, tc.say)
			}
			if tc.notSay != "" && strings.Contains(strings.SplitN(out, "\n", 2)[1], tc.notSay) {
				t.Fatalf("version said %q", out)
			}
			after, _ := os.ReadFile(c.db)
			if !bytes.Equal(before, after) {
				t.Fatal("version changed the database file")
			}
			if _, err := os.Stat(c.db); tc.noFiles && err == nil {
				t.Fatal("version made a database file")
			}
		})
	}
}
