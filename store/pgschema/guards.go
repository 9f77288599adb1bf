package pgschema

import (
	"fmt"
	"strings"
)

// Guarded says which of the generated guards a table gets; the store
// passes the same lists its SQLite triggers are generated from.
type Guarded struct {
	Table string
	// Actor is the column naming who wrote the row; empty for a table
	// the audit log does not follow.
	Actor string
	// Key is the column the audit log names a row by: id, or the rowid
	// column a table without an INTEGER PRIMARY KEY keeps here.
	Key string
	// DocContent: the rows are a document's content (a doc_id column):
	// edited only while the document's state is editable, never moved to
	// another document, and each edit moves the document's version.
	DocContent bool
	// KeyFixed: the row's key never changes (SQLite's keep_ triggers;
	// collisions on unique keys PostgreSQL refuses by itself).
	KeyFixed bool
}

// Functions are the trigger functions the generated guards call, with
// the columns (secrets, derived text) left out of audit images. The
// audit image also leaves out the rowid column a table keeps here, as
// SQLite's does.
func Functions(skipped []string) string {
	minus := ""
	for _, c := range append(append([]string{}, skipped...), "rowid") {
		minus += " - '" + c + "'"
	}
	return fmt.Sprintf(`-- SQLite measures a number by its digits (an order number's sequence).
CREATE OR REPLACE FUNCTION length(bigint) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT length($1::text)';

CREATE OR REPLACE FUNCTION orderdesk_refuse() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:%%', TG_ARGV[0];
END $f$;

CREATE OR REPLACE FUNCTION orderdesk_audit() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  img_new jsonb := to_jsonb(NEW);
  img_old jsonb;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    img_old := to_jsonb(OLD)%[1]s;
  END IF;
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  VALUES ((img_new ->> TG_ARGV[0])::bigint, TG_TABLE_NAME, (img_new ->> TG_ARGV[1])::bigint,
          lower(TG_OP), img_old::text, (img_new%[1]s)::text);
  RETURN NULL;
END $f$;

CREATE OR REPLACE FUNCTION orderdesk_doc_guard() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status
                  WHERE d.id = NEW.doc_id AND s.editable = 1) THEN
    RAISE EXCEPTION 'orderdesk:not_editable';
  END IF;
  RETURN NEW;
END $f$;

-- A content change is an edit of its document: the header's version
-- moves (so a reviewer signs only what they saw) and its update names
-- the editor.
CREATE OR REPLACE FUNCTION orderdesk_doc_log() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  UPDATE documents SET version = version + 1, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE id = NEW.doc_id;
  RETURN NULL;
END $f$;
`, minus)
}

// Triggers are one table's generated guards.
func Triggers(g Guarded) string {
	var b strings.Builder
	t := g.Table
	if g.Actor != "" {
		fmt.Fprintf(&b, "CREATE TRIGGER audit_%[1]s AFTER INSERT OR UPDATE ON %[1]s FOR EACH ROW EXECUTE FUNCTION orderdesk_audit('%[2]s', '%[3]s');\n", t, g.Actor, g.Key)
		// Rows are voided, never deleted; TRUNCATE, which fires no row
		// trigger, is refused too.
		fmt.Fprintf(&b, "CREATE TRIGGER audit_%[1]s_d BEFORE DELETE ON %[1]s FOR EACH ROW EXECUTE FUNCTION orderdesk_refuse('no_delete');\n", t)
		fmt.Fprintf(&b, "CREATE TRIGGER audit_%[1]s_t BEFORE TRUNCATE ON %[1]s FOR EACH STATEMENT EXECUTE FUNCTION orderdesk_refuse('no_delete');\n", t)
	}
	if g.KeyFixed {
		fmt.Fprintf(&b, "CREATE TRIGGER keep_%[1]s BEFORE UPDATE OF %[2]s ON %[1]s FOR EACH ROW WHEN (NEW.%[2]s IS DISTINCT FROM OLD.%[2]s) EXECUTE FUNCTION orderdesk_refuse('fixed_field');\n", t, g.Key)
	}
	if g.DocContent {
		fmt.Fprintf(&b, "CREATE TRIGGER doc_%[1]s_fixed BEFORE UPDATE OF doc_id ON %[1]s FOR EACH ROW WHEN (NEW.doc_id IS DISTINCT FROM OLD.doc_id) EXECUTE FUNCTION orderdesk_refuse('fixed_field');\n", t)
		fmt.Fprintf(&b, "CREATE TRIGGER doc_%[1]s_guard BEFORE INSERT OR UPDATE ON %[1]s FOR EACH ROW EXECUTE FUNCTION orderdesk_doc_guard();\n", t)
		fmt.Fprintf(&b, "CREATE TRIGGER doc_%[1]s_log AFTER INSERT OR UPDATE ON %[1]s FOR EACH ROW EXECUTE FUNCTION orderdesk_doc_log();\n", t)
	}
	return b.String()
}
