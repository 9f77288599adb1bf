package pgschema

import (
	"fmt"
	"testing"
)

// TestCatalogObjects: a script's statements split where a semicolon ends
// one, not inside a string, a $f$ body or a comment, and each trigger,
// function and view named as the catalogue names it.
func TestCatalogObjects(t *testing.T) {
	script := `-- a comment; with a semicolon
CREATE OR REPLACE FUNCTION orderdesk_json(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT coalesce(to_json($1)::text, ''null;'')';
CREATE FUNCTION orderdesk_sum_flag(bigint, BOOLEAN) RETURNS bigint LANGUAGE sql IMMUTABLE
  AS 'SELECT 1';
CREATE OR REPLACE FUNCTION trg_x() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:no; really';
  RETURN NEW;
END $f$;
CREATE TRIGGER r9999_x BEFORE UPDATE OF removed ON user_keys FOR EACH ROW EXECUTE FUNCTION trg_x();
CREATE VIEW editable_documents(id) AS SELECT 1;
CREATE AGGREGATE sum(boolean) (SFUNC = orderdesk_sum_flag, STYPE = bigint)`
	var got []string
	for _, o := range CatalogObjects(script) {
		got = append(got, fmt.Sprintf("%s %s %s %q", o.Type, o.Name, o.Table, o.Def))
	}
	want := []string{
		`function orderdesk_json(text)  "SELECT coalesce(to_json($1)::text, 'null;')"`,
		`function orderdesk_sum_flag(bigint, boolean)  "SELECT 1"`,
		`function trg_x()  "\nBEGIN\n  RAISE EXCEPTION 'orderdesk:no; really';\n  RETURN NEW;\nEND "`,
		`trigger r9999_x user_keys "CREATE TRIGGER r9999_x BEFORE UPDATE OF removed ON user_keys FOR EACH ROW EXECUTE FUNCTION trg_x()"`,
		`view editable_documents  ""`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if n := len(Statements(script)); n != 6 {
		t.Errorf("%d statements, want 6", n)
	}
}
