package store

import (
	"strings"
	"testing"
)

// TestDataStatements: an upgrade on PostgreSQL runs a migration's own
// INSERT, UPDATE and DELETE, never the ones inside a trigger's body
// (the trigger is made from this program's scripts).
func TestDataStatements(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		want []string
	}{
		{"0029_returned_figures.sql", []string{"INSERT INTO stat_days(day, customer_id, item_id, returned_kg, returned)"}},
		{"0028_visit_log_index.sql", nil},
	} {
		var got []string
		for _, m := range ms {
			if m.name == c.name {
				for _, st := range dataStatements(m.sql) {
					got = append(got, strings.SplitN(st, "\n", 2)[0])
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if got := tableItems("\n  id bigint PRIMARY KEY,\n  roles text NOT NULL DEFAULT ',', -- ',clerk,'\n  x numeric(10, 2),\n  UNIQUE (a, b)\n"); len(got) != 4 || got[1] != "roles text NOT NULL DEFAULT ','" {
		t.Errorf("%q", got)
	}
}
