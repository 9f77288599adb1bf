package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestPgValue: SQLite's loose typing meets PostgreSQL's columns.
func TestPgValue(t *testing.T) {
	for _, c := range []struct {
		name    string
		in      any
		typ     string
		want    any
		wantErr string
	}{
		{"null", nil, "bigint", nil, ""},
		{"integer", int64(7), "bigint", int64(7), ""},
		{"integer kept as digits", "42", "bigint", int64(42), ""},
		{"text where an integer is due", "4a", "bigint", nil, `"4a" is not an integer`},
		{"text", "王丽", "text", "王丽", ""},
		{"bytes as text", []byte("沈钢"), "text", "沈钢", ""},
		{"a number in a text column", int64(2026), "text", "2026", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := pgValue(c.in, c.typ)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Errorf("pgValue(%#v, %s) = %#v, %v; want %#v", c.in, c.typ, got, err, c.want)
			}
		})
	}
}

// TestReferencedFirst: each table after those its foreign keys name; a
// cycle is refused by name.
func TestReferencedFirst(t *testing.T) {
	for _, c := range []struct {
		name    string
		refs    map[string][]string
		want    string
		wantErr string
	}{
		{"a chain", map[string][]string{"lines": {"orders"}, "orders": {"documents", "users"}, "documents": {"users"}, "users": nil},
			"users documents orders lines", ""},
		{"a table named outside the copy", map[string][]string{"a": {"elsewhere"}}, "a", ""},
		{"a cycle", map[string][]string{"a": {"b"}, "b": {"a"}}, "", "a → b → a"},
	} {
		t.Run(c.name, func(t *testing.T) {
			byName := map[string]*copyTable{}
			var names []string
			for _, n := range []string{"lines", "orders", "documents", "users", "a", "b"} {
				if refs, ok := c.refs[n]; ok {
					byName[n] = &copyTable{name: n, refs: refs}
					names = append(names, n)
				}
			}
			got, err := referencedFirst(names, byName)
			if c.wantErr != "" {
				if !errors.Is(err, ErrMigrateCheck) || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want %q", err, c.wantErr)
				}
				return
			}
			var order []string
			for _, t := range got {
				order = append(order, t.name)
			}
			if err != nil || strings.Join(order, " ") != c.want {
				t.Errorf("order %v, %v; want %s", order, err, c.want)
			}
		})
	}
}
