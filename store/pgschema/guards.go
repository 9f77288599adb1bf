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
	// KeyFixed: the row's key never changes, and a row colliding with
	// another on a unique key is refused as a duplicate before any
	// other rule speaks (SQLite's keep_ triggers). PostgreSQL's unique
	// indexes would refuse it too, but only after every rule before the
	// write: the refusal would name another rule than SQLite's does.
	KeyFixed bool
	// Unique are the column sets of the table's unique keys (whole, on
	// columns) besides Key, for KeyFixed.
	Unique [][]string
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

-- A value as SQLite's json_object writes it (a text quoted, a number as
-- it is, NULL as null); a literal's text picks the text form.
CREATE OR REPLACE FUNCTION orderdesk_json(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT coalesce(to_json($1)::text, ''null'')';
CREATE OR REPLACE FUNCTION orderdesk_json(bigint) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT coalesce($1::text, ''null'')';

CREATE OR REPLACE FUNCTION orderdesk_refuse() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'orderdesk:%%', TG_ARGV[0];
END $f$;

-- After a row is written: a document's content change is an edit of
-- its document first (the header's version moves, so a reviewer signs
-- only what they saw, and its update names the editor; inside the
-- editor's own edit window its opening and closing do that), then the audit
-- record, in the order of SQLite's audit_ triggers. Arguments: the actor
-- column ('' for no record), the key column, 'doc' for content.
CREATE OR REPLACE FUNCTION orderdesk_audit() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
  img_new jsonb := to_jsonb(NEW);
  img_old jsonb;
BEGIN
  IF TG_ARGV[2] = 'doc' THEN
    UPDATE documents SET version = version + 1, updated_at = NEW.updated_at, updated_by = NEW.updated_by
     WHERE id = NEW.doc_id AND edit_open IS DISTINCT FROM NEW.updated_by;
  END IF;
  IF TG_ARGV[0] = '' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    img_old := to_jsonb(OLD)%[1]s;
  END IF;
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  VALUES ((img_new ->> TG_ARGV[0])::bigint, TG_TABLE_NAME, (img_new ->> TG_ARGV[1])::bigint,
          lower(TG_OP), img_old::text, (img_new%[1]s)::text);
  RETURN NULL;
END $f$;
`, minus)
}

// Triggers are one table's generated guards, one trigger per event as
// SQLite's (tableguards.go), each doing its checks in SQLite's order:
//
//	keep_T_i   BEFORE INSERT  no duplicate; the document is editable
//	keep_T_u   BEFORE UPDATE  no moved key or duplicate; the document is
//	                          editable and stays the content's
//	audit_T    AFTER INSERT OR UPDATE  the document's edit, the record
//	audit_T_d  BEFORE DELETE  no delete (audit_T_t: no TRUNCATE)
//
// Their names sort before every hand-written rule's (FiringName), so
// they fire first, as SQLite's, made after every migration, do.
func Triggers(g Guarded) string {
	var b strings.Builder
	t := g.Table
	var ins, upd []string
	if g.KeyFixed {
		keys := append([][]string{{g.Key}}, g.Unique...)
		ins = append(ins, refuseIf(fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE %s)", t, sameKey(keys)), "duplicate"))
		upd = append(upd, refuseIf(fmt.Sprintf("NEW.%[1]s IS DISTINCT FROM OLD.%[1]s", g.Key), "fixed_field"))
		if len(g.Unique) > 0 {
			upd = append(upd, refuseIf(fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE (%s) AND %s <> OLD.%[3]s)", t, sameKey(g.Unique), g.Key), "duplicate"))
		}
	}
	if g.DocContent {
		const editable = `NOT EXISTS (SELECT 1 FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status
                  WHERE d.id = NEW.doc_id AND s.editable = 1)`
		ins = append(ins, refuseIf(editable, "not_editable"))
		upd = append(upd, refuseIf(editable, "not_editable"), refuseIf("NEW.doc_id IS DISTINCT FROM OLD.doc_id", "fixed_field"))
	}
	for _, tr := range []struct {
		name, event string
		body        []string
	}{{"keep_%s_i", "INSERT", ins}, {"keep_%s_u", "UPDATE", upd}} {
		if len(tr.body) == 0 {
			continue
		}
		name := fmt.Sprintf(tr.name, t)
		fmt.Fprintf(&b, "CREATE OR REPLACE FUNCTION trg_%s() RETURNS trigger LANGUAGE plpgsql AS $f$\nBEGIN\n%s  RETURN NEW;\nEND $f$;\n", name, strings.Join(tr.body, ""))
		fmt.Fprintf(&b, "CREATE TRIGGER %s BEFORE %s ON %s FOR EACH ROW EXECUTE FUNCTION trg_%[1]s();\n", name, tr.event, t)
	}
	if g.Actor != "" || g.DocContent {
		doc := ""
		if g.DocContent {
			doc = "doc"
		}
		fmt.Fprintf(&b, "CREATE TRIGGER audit_%[1]s AFTER INSERT OR UPDATE ON %[1]s FOR EACH ROW EXECUTE FUNCTION orderdesk_audit('%[2]s', '%[3]s', '%[4]s');\n", t, g.Actor, g.Key, doc)
	}
	if g.Actor != "" {
		// Rows are voided, never deleted; TRUNCATE, which fires no row
		// trigger, is refused too.
		fmt.Fprintf(&b, "CREATE TRIGGER audit_%[1]s_d BEFORE DELETE ON %[1]s FOR EACH ROW EXECUTE FUNCTION orderdesk_refuse('no_delete');\n", t)
		fmt.Fprintf(&b, "CREATE TRIGGER audit_%[1]s_t BEFORE TRUNCATE ON %[1]s FOR EACH STATEMENT EXECUTE FUNCTION orderdesk_refuse('no_delete');\n", t)
	}
	return b.String()
}

func refuseIf(cond, code string) string {
	return fmt.Sprintf("  IF %s THEN\n    RAISE EXCEPTION 'orderdesk:%s';\n  END IF;\n", cond, code)
}

// sameKey is a row holding the new row's value of one of keys.
func sameKey(keys [][]string) string {
	var any []string
	for _, k := range keys {
		var all []string
		for _, c := range k {
			all = append(all, fmt.Sprintf("%s = NEW.%s", c, c))
		}
		any = append(any, "("+strings.Join(all, " AND ")+")")
	}
	return strings.Join(any, " OR ")
}
