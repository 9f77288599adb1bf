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
	{"user_keys", "updated_by"},
	{"inquiries", "updated_by"},
	{"inquiry_lines", "updated_by"},
	{"quotes", "updated_by"},
	{"quote_lines", "updated_by"},
	{"price_change_lines", "updated_by"},
	{"price_list", "updated_by"},
	{"market_prices", "updated_by"},
	{"price_requests", "updated_by"},
	{"price_answers", "updated_by"},
	{"orders", "updated_by"},
	{"order_lines", "updated_by"},
	{"order_series", "updated_by"},
	{"order_numbers", "updated_by"},
	{"order_signbacks", "updated_by"},
	{"order_cancels", "updated_by"},
	{"order_stock_answers", "updated_by"},
	{"stock_requests", "updated_by"},
	{"stock_replies", "updated_by"},
	{"delivery_notes", "updated_by"},
	{"delivery_lines", "updated_by"},
	{"payment_confirmations", "updated_by"},
	{"shipping_overrides", "updated_by"},
	{"delivery_releases", "updated_by"},
	{"delivery_loads", "updated_by"},
	{"delivery_dispatches", "updated_by"},
	{"invoices", "updated_by"},
	{"invoice_lines", "updated_by"},
	{"invoice_issues", "updated_by"},
	{"invoice_mailings", "updated_by"},
	{"receipts", "updated_by"},
	{"allocations", "updated_by"},
	{"reconciliations", "updated_by"},
	{"reconciliation_lines", "updated_by"},
	{"reconciliation_diffs", "updated_by"},
	{"reconciliation_reopenings", "updated_by"},
	{"statements", "updated_by"},
	{"statement_replies", "updated_by"},
	{"collection_reminders", "updated_by"},
	{"unpaid_reports", "updated_by"},
	{"overdue_letters", "updated_by"},
	{"import_batches", "updated_by"},
	{"import_lines", "updated_by"},
	{"opening_balances", "updated_by"},
	{"sales_plans", "updated_by"},
	{"sales_plan_lines", "updated_by"},
	{"sales_plan_results", "updated_by"},
	{"sales_targets", "updated_by"},
	{"purchase_plans", "updated_by"},
	{"purchase_plan_lines", "updated_by"},
	{"user_preferences", "updated_by"},
	{"complaints", "updated_by"},
	{"complaint_actions", "updated_by"},
	{"complaint_resolutions", "updated_by"},
	{"complaint_links", "updated_by"},
	{"follow_ups", "updated_by"},
	{"leads", "updated_by"},
	{"lead_contacts", "updated_by"},
	{"goods_returns", "updated_by"},
	{"goods_return_lines", "updated_by"},
	{"goods_return_receipts", "updated_by"},
	{"visits", "updated_by"},
	{"visit_reviews", "updated_by"},
	{"credits", "updated_by"},
	{"credit_lines", "updated_by"},
	{"credit_issues", "updated_by"},
	{"credit_allocations", "updated_by"},
	{"meetings", "updated_by"},
	{"meeting_attendees", "updated_by"},
	{"meeting_decisions", "updated_by"},
	{"meeting_actions", "updated_by"},
	{"meeting_action_done", "updated_by"},
}

// skippedColumns are left out of audit images: derived data, and secrets
// that must not be copied into a log that can never be purged.
var skippedColumns = map[string]bool{"search": true, "passphrase_hash": true}

// replaceGuarded are the tables whose rows must never disappear. SQLite's
// INSERT OR REPLACE and UPDATE OR REPLACE delete the rows they displace
// without firing delete triggers (unless recursive_triggers is on, which a
// script's connection will not have), so these tables refuse an insert
// that would collide and an update that would move a row's key. settings
// is left out so that it can be written with an upsert.
var replaceGuarded = []string{"users", "documents", "transitions", "document_editors", "customers",
	"customer_visits", "terms_changes", "products", "audit_log", "user_keys",
	"inquiries", "inquiry_lines", "quotes", "quote_lines", "customer_prices", "price_change_lines",
	"price_list", "market_prices", "price_requests", "price_answers",
	"orders", "order_lines", "order_series", "order_numbers", "order_signbacks", "order_cancels", "order_stock_answers",
	"stock_requests", "stock_replies",
	"delivery_notes", "delivery_lines", "payment_confirmations", "shipping_overrides", "delivery_releases", "delivery_loads",
	"delivery_dispatches", "invoices", "invoice_lines", "invoice_issues", "invoice_mailings", "receipts", "allocations",
	"reconciliations", "reconciliation_lines", "reconciliation_diffs", "reconciliation_reopenings", "statements",
	"statement_replies", "collection_reminders", "unpaid_reports", "overdue_letters",
	"import_batches", "import_lines", "opening_balances",
	"sales_plans", "sales_plan_lines", "sales_plan_results", "sales_targets",
	"purchase_plans", "purchase_plan_lines", "complaints", "complaint_actions", "complaint_resolutions", "complaint_links", "follow_ups", "leads", "lead_contacts",
	"visits", "visit_reviews", "credits", "credit_lines", "credit_issues", "credit_allocations", "meetings", "meeting_attendees", "meeting_decisions", "meeting_actions", "meeting_action_done",
	"goods_returns", "goods_return_lines", "goods_return_receipts"}

func tableColumns(ctx context.Context, tx *Tx, table string) ([]string, error) {
	cols, err := queryAll(ctx, tx, scanString, "SELECT name FROM pragma_table_info(?)", table)
	if err == nil && len(cols) == 0 {
		return nil, fmt.Errorf("audited table %s does not exist", table)
	}
	return cols, err
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
			if err := tx.script(ctx, s); err != nil {
				return fmt.Errorf("trigger on %s: %w", t, err)
			}
		}
	}
	for _, t := range replaceGuarded {
		stmts, err := replaceTriggers(ctx, tx, t)
		if err != nil {
			return err
		}
		for _, s := range stmts {
			if err := tx.script(ctx, s); err != nil {
				return fmt.Errorf("trigger on %s: %w", t, err)
			}
		}
	}
	return nil
}

// uniqueKeys lists the column sets of a table's unique indexes.
func uniqueKeys(ctx context.Context, tx *Tx, table string) ([][]string, error) {
	names, err := queryAll(ctx, tx, scanString, `SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND partial = 0 ORDER BY name`, table)
	if err != nil {
		return nil, err
	}
	var keys [][]string
	for _, n := range names {
		cols, err := queryAll(ctx, tx, scanString, `SELECT coalesce(name, '') FROM pragma_index_info(?) ORDER BY seqno`, n)
		if err != nil {
			return nil, err
		}
		if !hasColumn(cols, "") { // expression indexes cannot be checked here
			keys = append(keys, cols)
		}
	}
	return keys, nil
}

// replaceTriggers refuse, on a rowid table, an insert that collides with
// an existing row (REPLACE would delete it) and an update that changes the
// rowid or collides on a unique key.
func replaceTriggers(ctx context.Context, tx *Tx, t string) ([]string, error) {
	keys, err := uniqueKeys(ctx, tx, t)
	if err != nil {
		return nil, err
	}
	ins := []string{fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE rowid = NEW.rowid)", t)}
	var upd []string
	for _, k := range keys {
		var eq []string
		for _, c := range k {
			eq = append(eq, fmt.Sprintf("%s = NEW.%s", c, c))
		}
		ins = append(ins, fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE %s)", t, strings.Join(eq, " AND ")))
		upd = append(upd, fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE %s AND rowid <> OLD.rowid)", t, strings.Join(eq, " AND ")))
	}
	stmts := []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS keep_%s_i`, t),
		fmt.Sprintf(`DROP TRIGGER IF EXISTS keep_%s_u`, t),
		fmt.Sprintf(`CREATE TRIGGER keep_%[1]s_i BEFORE INSERT ON %[1]s BEGIN
  SELECT RAISE(ABORT, 'orderdesk:duplicate') WHERE %[2]s; END`, t, strings.Join(ins, " OR ")),
	}
	body := `SELECT RAISE(ABORT, 'orderdesk:fixed_field') WHERE NEW.rowid IS NOT OLD.rowid;`
	if len(upd) > 0 {
		body += fmt.Sprintf("\n  SELECT RAISE(ABORT, 'orderdesk:duplicate') WHERE %s;", strings.Join(upd, " OR "))
	}
	stmts = append(stmts, fmt.Sprintf("CREATE TRIGGER keep_%s_u BEFORE UPDATE ON %s BEGIN\n  %s END", t, t, body))
	return stmts, nil
}

func docContentTriggers(t string) []string {
	guard := `SELECT RAISE(ABORT, 'orderdesk:not_editable')
   WHERE NOT EXISTS (SELECT 1 FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status
                      WHERE d.id = NEW.doc_id AND s.editable = 1);`
	// A content change is an edit of its document: the header's version
	// moves (so a reviewer signs only what they saw) and its update names
	// the editor, whom documents_edit_log records for this round.
	log := `UPDATE documents SET version = version + 1, updated_at = NEW.updated_at, updated_by = NEW.updated_by
   WHERE id = NEW.doc_id;`
	// Content stays with its document: moving it to another one would
	// take it out of an approved document.
	out := []string{
		fmt.Sprintf(`DROP TRIGGER IF EXISTS doc_%s_fixed`, t),
		fmt.Sprintf(`CREATE TRIGGER doc_%[1]s_fixed BEFORE UPDATE OF doc_id ON %[1]s WHEN NEW.doc_id IS NOT OLD.doc_id
  BEGIN SELECT RAISE(ABORT, 'orderdesk:fixed_field'); END`, t),
	}
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
