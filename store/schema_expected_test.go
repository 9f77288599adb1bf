package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"testing"
)

var updateSchema = flag.Bool("update-schema", false, "rewrite schema_expected.json from the migrations")

// TestExpectedSchemaIsTheMigrations holds the embedded schema to what the
// migrations make: a migration added without its line here would refuse
// every write of the binary as "guards altered". After changing a
// migration or the audit triggers:
//
//	go test ./store -run TestExpectedSchemaIsTheMigrations -update-schema
func TestExpectedSchemaIsTheMigrations(t *testing.T) {
	built, err := buildExpectedSchema()
	if err != nil {
		t.Fatal(err)
	}
	text, err := expectedSchemaText(built)
	if err != nil {
		t.Fatal(err)
	}
	if *updateSchema {
		if err := os.WriteFile("schema_expected.json", text, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	embedded, err := embeddedSchema()
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range built {
		if e, ok := embedded[name]; !ok || e != b {
			t.Errorf("%s %s differs from schema_expected.json; run go test ./store -run TestExpectedSchemaIsTheMigrations -update-schema", b.typ, name)
		}
	}
	for name, e := range embedded {
		if _, ok := built[name]; !ok {
			t.Errorf("%s %s is in schema_expected.json and no migration makes it", e.typ, name)
		}
	}
	if len(built) < 100 {
		t.Errorf("the migrations make %d triggers and views: too few to be the desk's", len(built))
	}
}

// expectedSchemaText is schema_expected.json for objects: sorted by name,
// one object a line, so a change shows as the lines it touches.
func expectedSchemaText(objects map[string]schemaObject) ([]byte, error) {
	names := make([]string, 0, len(objects))
	for n := range objects {
		names = append(names, n)
	}
	sort.Strings(names)
	out := []byte("[\n")
	for i, n := range names {
		o := objects[n]
		var line bytes.Buffer
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false) // the SQL's < and > as they are written
		if err := enc.Encode(expectedObject{Type: o.typ, Name: o.name, SQL: o.sql}); err != nil {
			return nil, err
		}
		out = append(out, bytes.TrimSuffix(line.Bytes(), []byte("\n"))...)
		if i < len(names)-1 {
			out = append(out, ',')
		}
		out = append(out, '\n')
	}
	return append(out, "]\n"...), nil
}

// buildExpectedSchema runs every migration and the audit triggers in a
// database in memory and reads its triggers and views.
func buildExpectedSchema() (map[string]schemaObject, error) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:expected?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ms, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	t := &Tx{tx: tx, stmts: map[string]*sql.Stmt{}}
	for _, m := range ms {
		if err := t.script(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	if err := installTriggers(ctx, t); err != nil {
		return nil, err
	}
	return liveSchema(ctx, t)
}
