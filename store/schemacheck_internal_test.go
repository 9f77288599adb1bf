package store

import (
	"context"
	"database/sql"
	"fmt"
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
	for v := 1; v < len(ms); v++ {
		t.Run(fmt.Sprint(v), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			db, err := sql.Open("sqlite", "file:"+path+"?_pragma=synchronous(OFF)")
			if err != nil {
				t.Fatal(err)
			}
			db.SetMaxOpenConns(1)
			for _, m := range ms[:v] {
				if _, err := db.Exec(m.sql); err != nil {
					t.Fatalf("%s: %v", m.name, err)
				}
			}
			if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
				t.Fatal(err)
			}
			db.Close()
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
