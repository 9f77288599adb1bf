package store

import (
	"context"
	"fmt"
	"strings"
)

// auditedTables name each table the audit log follows and the column that
// says who wrote a row. Triggers are generated from the live schema after
// every migration, so a column added later is audited without more code.
var auditedTables = []struct{ table, actor string }{
	{"users", "updated_by"},
	{"documents", "updated_by"},
	{"transitions", "actor_id"},
	{"customers", "updated_by"},
	{"customer_visits", "updated_by"},
	{"terms_changes", "updated_by"},
	{"products", "updated_by"},
	{"settings", "updated_by"},
}

// skippedColumns are derived data, left out of audit images.
var skippedColumns = map[string]bool{"search": true}

func tableColumns(ctx context.Context, tx *Tx, table string) ([]string, error) {
	rows, err := tx.query(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("audited table %s does not exist", table)
	}
	return cols, rows.Err()
}

func jsonImage(prefix string, cols []string) string {
	var parts []string
	for _, c := range cols {
		if skippedColumns[c] {
			continue
		}
		parts = append(parts, fmt.Sprintf("'%s', %s.%s", c, prefix, c))
	}
	return "json_object(" + strings.Join(parts, ", ") + ")"
}

// installTriggers (re)creates, for every audited table, the triggers that
// write audit records and refuse deletes; for tables holding a document's
// content (a doc_id column), the triggers that refuse edits outside an
// editable state and record who edited.
func installTriggers(ctx context.Context, tx *Tx) error {
	for _, a := range auditedTables {
		cols, err := tableColumns(ctx, tx, a.table)
		if err != nil {
			return err
		}
		t := a.table
		stmts := []string{
			fmt.Sprintf(`DROP TRIGGER IF EXISTS audit_%s_i`, t),
			fmt.Sprintf(`DROP TRIGGER IF EXISTS audit_%s_u`, t),
			fmt.Sprintf(`DROP TRIGGER IF EXISTS audit_%s_d`, t),
			fmt.Sprintf(`CREATE TRIGGER audit_%[1]s_i AFTER INSERT ON %[1]s BEGIN
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  VALUES (NEW.%[2]s, '%[1]s', NEW.rowid, 'insert', NULL, %[3]s); END`, t, a.actor, jsonImage("NEW", cols)),
			fmt.Sprintf(`CREATE TRIGGER audit_%[1]s_u AFTER UPDATE ON %[1]s BEGIN
  INSERT INTO audit_log(actor_id, tbl, row_id, op, before, after)
  VALUES (NEW.%[2]s, '%[1]s', NEW.rowid, 'update', %[3]s, %[4]s); END`, t, a.actor, jsonImage("OLD", cols), jsonImage("NEW", cols)),
			fmt.Sprintf(`CREATE TRIGGER audit_%[1]s_d BEFORE DELETE ON %[1]s BEGIN
  SELECT RAISE(ABORT, 'orderdesk:no_delete'); END`, t),
		}
		if hasColumn(cols, "doc_id") && t != "transitions" {
			stmts = append(stmts, docContentTriggers(t)...)
		}
		for _, s := range stmts {
			if _, err := tx.exec(ctx, s); err != nil {
				return fmt.Errorf("trigger on %s: %w", t, err)
			}
		}
	}
	return nil
}

func docContentTriggers(t string) []string {
	guard := `SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status
                      WHERE d.id = NEW.doc_id AND s.editable = 1);`
	log := `INSERT INTO document_editors(doc_id, user_id, signoffs_before, at)
  VALUES (NEW.doc_id, NEW.updated_by, (SELECT count(*) FROM transitions WHERE doc_id = NEW.doc_id AND signoff = 1), NEW.updated_at);`
	var out []string
	for _, op := range []struct{ suffix, event string }{{"i", "INSERT"}, {"u", "UPDATE"}} {
		out = append(out,
			fmt.Sprintf(`DROP TRIGGER IF EXISTS doc_%s_guard_%s`, t, op.suffix),
			fmt.Sprintf(`DROP TRIGGER IF EXISTS doc_%s_log_%s`, t, op.suffix),
			fmt.Sprintf("CREATE TRIGGER doc_%s_guard_%s BEFORE %s ON %s BEGIN %s END", t, op.suffix, op.event, t, guard),
			fmt.Sprintf("CREATE TRIGGER doc_%s_log_%s AFTER %s ON %s BEGIN %s END", t, op.suffix, op.event, t, log),
		)
	}
	return out
}

func hasColumn(cols []string, name string) bool {
	for _, c := range cols {
		if c == name {
			return true
		}
	}
	return false
}
