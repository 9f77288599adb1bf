package store

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// ErrSchemaAltered refuses a write while the database's triggers, views or
// workflow rules differ from the ones this program made: the guards the
// desk relies on may be gone, so nothing is saved until an admin runs
// `orderdesk audit repair`. Reads go on.
var ErrSchemaAltered = errors.New("the database's guards differ from this program's")

// SchemaProblem is one trigger, view, workflow state or rule that is
// missing, extra or altered.
type SchemaProblem struct {
	Object string // "trigger", "view", "state", "rule"
	Name   string // the trigger's or view's name; kind/status; kind action from
	What   string // "missing", "extra", "altered"
	// Used, for a state or rule, says documents moved by it, so that
	// repair leaves it for a person to decide.
	Used bool
}

func (p SchemaProblem) String() string { return fmt.Sprintf("%s %s %s", p.Object, p.Name, p.What) }

// SchemaError is ErrSchemaAltered with the objects at fault.
type SchemaError struct{ Problems []SchemaProblem }

func (e *SchemaError) Error() string {
	names := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		names[i] = p.String()
	}
	return fmt.Sprintf("%v: %s; run `orderdesk audit repair`", ErrSchemaAltered, strings.Join(names, ", "))
}

func (e *SchemaError) Unwrap() error { return ErrSchemaAltered }

// schemaObject is one trigger or view as sqlite_schema keeps it.
type schemaObject struct{ typ, name, sql string }

// expectedSchema is the triggers and views of a database made new by this
// binary's migrations, by name, as schema_expected.json holds them:
// written from the migrations by a test (TestExpectedSchemaIsTheMigrations)
// and embedded, rather than built by running every migration in memory at
// each start (a quarter of a second of CPU). What the binary declares
// never changes while it runs, so the value is shared by every session
// without being state anyone writes.
var expectedSchema = sync.OnceValues(embeddedSchema)

//go:embed schema_expected.json
var expectedSchemaJSON []byte

// expectedObject is one line of schema_expected.json.
type expectedObject struct {
	Type string `json:"type"`
	Name string `json:"name"`
	SQL  string `json:"sql"`
}

func embeddedSchema() (map[string]schemaObject, error) {
	var list []expectedObject
	if err := json.Unmarshal(expectedSchemaJSON, &list); err != nil {
		return nil, fmt.Errorf("schema_expected.json: %w", err)
	}
	out := make(map[string]schemaObject, len(list))
	for _, o := range list {
		out[o.Name] = schemaObject{typ: o.Type, name: o.Name, sql: o.SQL}
	}
	return out, nil
}

// liveSchema reads the triggers and views a database holds.
func liveSchema(ctx context.Context, t *Tx) (map[string]schemaObject, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE type IN ('trigger', 'view')`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.sql); err != nil {
			return nil, err
		}
		out[o.name] = o
	}
	return out, rows.Err()
}

// normalSQL compares definitions regardless of layout: a database
// upgraded from an old schema holds the same statements, but text that
// went through ALTER TABLE may be spaced differently.
func normalSQL(s string) string { return strings.Join(strings.Fields(s), " ") }

// schemaProblems compares the database's triggers and views with the
// binary's, sorted by name.
func schemaProblems(ctx context.Context, t *Tx) ([]SchemaProblem, error) {
	want, err := expectedSchema()
	if err != nil {
		return nil, fmt.Errorf("expected schema: %w", err)
	}
	have, err := liveSchema(ctx, t)
	if err != nil {
		return nil, err
	}
	var out []SchemaProblem
	for name, w := range want {
		h, ok := have[name]
		switch {
		case !ok:
			out = append(out, SchemaProblem{Object: w.typ, Name: name, What: "missing"})
		case h.typ != w.typ || (h.sql != w.sql && normalSQL(h.sql) != normalSQL(w.sql)):
			out = append(out, SchemaProblem{Object: w.typ, Name: name, What: "altered"})
		}
	}
	for name, h := range have {
		if _, ok := want[name]; !ok {
			out = append(out, SchemaProblem{Object: h.typ, Name: name, What: "extra"})
		}
	}
	sortProblems(out)
	return out, nil
}

func sortProblems(ps []SchemaProblem) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Object != ps[j].Object {
			return ps[i].Object < ps[j].Object
		}
		return ps[i].Name < ps[j].Name
	})
}
