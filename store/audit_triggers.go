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
	{"materials", "updated_by"},
	{"material_receipts", "updated_by"},
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
	"goods_returns", "goods_return_lines", "goods_return_receipts",
	"materials", "material_receipts"}

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

// installTriggers (re)creates the guards generated from the live schema:
// for every audited table the audit records and the refusal of deletes;
// for tables holding a document's content (a doc_id column) the refusal
// of edits outside an editable state and the record of who edited; for
// the tables in replaceGuarded the refusal of a row displaced by
// REPLACE. Every connection parses every trigger when it opens, so the
// rules one table keeps for one event share one trigger (see
// tableGuards) and the editable states are a view the guards name
// rather than a join each of them repeats.
func installTriggers(ctx context.Context, tx *Tx) error {
	guards := map[string]*tableGuards{}
	var tables []string
	of := func(t string) *tableGuards {
		if guards[t] == nil {
			guards[t] = &tableGuards{}
			tables = append(tables, t)
		}
		return guards[t]
	}
	for _, a := range auditedTables {
		cols, err := tableColumns(ctx, tx, a.table)
		if err != nil {
			return err
		}
		g := of(a.table)
		if hasColumn(cols, "doc_id") && a.table != "transitions" {
			g.addDocContent()
		}
		g.addAudit(a.table, a.actor, cols)
	}
	for _, t := range replaceGuarded {
		keys, err := uniqueKeys(ctx, tx, t)
		if err != nil {
			return err
		}
		of(t).addReplaceGuard(t, keys)
	}
	stmts := []string{`DROP VIEW IF EXISTS editable_documents`, editableDocumentsView}
	for _, t := range tables {
		stmts = append(stmts, guards[t].statements(t)...)
	}
	for _, s := range stmts {
		if err := tx.script(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", strings.Fields(s)[2], err)
		}
	}
	return nil
}

// editableDocumentsView names the documents whose content may change now:
// those in a state the workflow marks editable.
const editableDocumentsView = `CREATE VIEW editable_documents(id) AS
  SELECT d.id FROM documents d JOIN wf_states s ON s.kind = d.kind AND s.status = d.status WHERE s.editable = 1`

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

func hasColumn(cols []string, name string) bool {
	for _, c := range cols {
		if c == name {
			return true
		}
	}
	return false
}
