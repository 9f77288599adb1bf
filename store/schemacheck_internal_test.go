package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestUpgradedSchemaMatchesFresh: a database left at any older schema
// version and opened by this binary holds the same triggers and views as
// a new one, so the guards check raises no false alarm after an upgrade.
func TestUpgradedSchemaMatchesFresh(t *testing.T) {
	ctx := context.Background()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	// One database takes the migrations one at a time; each version is
	// a copy of it upgraded by Open (applying the first v again for
	// every v cost as much as all the upgrades together).
	prefix := filepath.Join(t.TempDir(), "prefix.db")
	db, err := sql.Open("sqlite", "file:"+prefix+"?_pragma=synchronous(OFF)&_pragma=journal_mode(DELETE)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for v := 1; v < len(ms); v++ {
		if _, err := db.Exec(ms[v-1].sql); err != nil {
			t.Fatalf("%s: %v", ms[v-1].name, err)
		}
		if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint(v), func(t *testing.T) {
			old, err := os.ReadFile(prefix)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "old.db")
			if err := os.WriteFile(path, old, 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if p := st.SchemaProblems(); len(p) != 0 {
				t.Fatalf("upgraded from %d: %v", v, p)
			}
		})
	}
}

// BenchmarkSchemaCheck is what every start and every write after a schema
// change pays: reading the triggers and views and comparing them.
func BenchmarkSchemaCheck(b *testing.B) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "d.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for b.Loop() {
		if _, err := st.CheckSchema(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExpectedSchema is the once-per-process cost of building the
// expected triggers and views in memory.
func BenchmarkExpectedSchema(b *testing.B) {
	for b.Loop() {
		if _, err := buildExpectedSchema(); err != nil {
			b.Fatal(err)
		}
	}
}
