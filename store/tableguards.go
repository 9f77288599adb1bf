package store

import (
	"fmt"
	"strings"
)

// tableGuards is what one table's generated triggers do, statement by
// statement, in the order they run. A table has at most one generated
// trigger per event, whatever rules it keeps:
//
//	keep_T_i   BEFORE INSERT  no displaced row; the document is editable
//	keep_T_u   BEFORE UPDATE  no moved key or displaced row; the document
//	                          is editable and stays the content's
//	audit_T_i  AFTER INSERT   the document's edit moves its version; the
//	audit_T_u  AFTER UPDATE   audit record
//	audit_T_d  BEFORE DELETE  no delete
//
// The order within a body is the order the separate triggers ran in
// before they were merged (SQLite runs the newest first), so a change
// refused for two reasons still names the same one.
type tableGuards struct {
	beforeInsert, beforeUpdate, afterInsert, afterUpdate, beforeDelete []string
}

// addReplaceGuard refuses, on a rowid table, an insert that collides
// with an existing row (REPLACE would delete it) and an update that
// changes the rowid or collides on a unique key. Each is one lookup:
// the keys are alternatives of one WHERE, which SQLite answers index by
// index.
func (g *tableGuards) addReplaceGuard(t string, keys [][]string) {
	var same []string // one term per unique key: a row holding the new row's key
	for _, k := range keys {
		eq := make([]string, len(k))
		for i, c := range k {
			eq[i] = fmt.Sprintf("%s = NEW.%s", c, c)
		}
		same = append(same, allOf(eq))
	}
	g.beforeInsert = append([]string{fmt.Sprintf("SELECT RAISE(ABORT, 'orderdesk:duplicate') FROM %s WHERE %s;",
		t, strings.Join(append([]string{"rowid = NEW.rowid"}, same...), " OR "))}, g.beforeInsert...)
	before := []string{`SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.rowid IS NOT OLD.rowid;`}
	if len(same) > 0 {
		before = append(before, fmt.Sprintf("SELECT RAISE(ABORT, 'orderdesk:duplicate') FROM %s WHERE %s AND rowid <> OLD.rowid;",
			t, parenthesized(strings.Join(same, " OR "), len(same) > 1)))
	}
	g.beforeUpdate = append(before, g.beforeUpdate...)
}

// allOf joins terms with AND, in parentheses when there are several.
func allOf(terms []string) string {
	return parenthesized(strings.Join(terms, " AND "), len(terms) > 1)
}

func parenthesized(s string, several bool) string {
	if several {
		return "(" + s + ")"
	}
	return s
}

// addDocContent keeps a document's content to its editable states and
// makes each change of it an edit of the document: the header's version
// moves (so a reviewer signs only what they saw) and its update names
// the editor, whom documents_edit_log records for this round. Inside
// the editor's own edit window (migration 0033) the window did both
// when it opened, and moves the version once as it closes. Content
// stays with its document: moving it to another one would take it out
// of an approved document.
func (g *tableGuards) addDocContent() {
	const editable = `SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM editable_documents WHERE id = NEW.doc_id);`
	const edit = `UPDATE documents SET version = version + 1, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE id = NEW.doc_id AND edit_open IS NOT NEW.updated_by;`
	g.beforeInsert = append(g.beforeInsert, editable)
	g.beforeUpdate = append(g.beforeUpdate, editable, `SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.doc_id IS NOT OLD.doc_id;`)
	g.afterInsert = append(g.afterInsert, edit)
	g.afterUpdate = append(g.afterUpdate, edit)
}

// addAudit writes an audit record of every insert and update, with the
// row's image, and refuses deletes.
func (g *tableGuards) addAudit(t, actor string, cols []string) {
	g.afterInsert = append(g.afterInsert, fmt.Sprintf(`INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  VALUES (NEW.%[2]s, '%[1]s', NEW.rowid, 'insert', NULL, %[3]s);`, t, actor, jsonImage("NEW", cols)))
	g.afterUpdate = append(g.afterUpdate, fmt.Sprintf(`INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  VALUES (NEW.%[2]s, '%[1]s', NEW.rowid, 'update', %[3]s, %[4]s);`, t, actor, jsonImage("OLD", cols), jsonImage("NEW", cols)))
	g.beforeDelete = append(g.beforeDelete, `SELECT RAISE(ABORT, 'orderdesk:no_delete');`)
}

// statements drop the table's generated triggers, the separate ones
// older schemas had among them, and create them again.
func (g *tableGuards) statements(t string) []string {
	var out []string
	for _, old := range []string{"doc_%s_fixed", "doc_%s_guard_i", "doc_%s_guard_u", "doc_%s_log_i", "doc_%s_log_u"} {
		out = append(out, "DROP TRIGGER IF EXISTS "+fmt.Sprintf(old, t))
	}
	for _, tr := range []struct {
		name, when string
		body       []string
	}{
		{"audit_%s_i", "AFTER INSERT", g.afterInsert},
		{"audit_%s_u", "AFTER UPDATE", g.afterUpdate},
		{"audit_%s_d", "BEFORE DELETE", g.beforeDelete},
		{"keep_%s_i", "BEFORE INSERT", g.beforeInsert},
		{"keep_%s_u", "BEFORE UPDATE", g.beforeUpdate},
	} {
		name := fmt.Sprintf(tr.name, t)
		out = append(out, "DROP TRIGGER IF EXISTS "+name)
		if len(tr.body) > 0 {
			out = append(out, fmt.Sprintf("CREATE TRIGGER %s %s ON %s BEGIN\n  %s END", name, tr.when, t, strings.Join(tr.body, "\n  ")))
		}
	}
	return out
}
