package storetest

import (
	"database/sql"
	"fmt"
	"testing"
)

// UndoWeighing is the statements that take a database back to before
// migration 0009 (the weighing basis), so that it runs again on opening
// once user_version is set below 9 (migrations after it go first: see
// UndoToSchema8): its views and columns go, and the triggers it
// replaces are left as placeholders for it to drop. The audit triggers
// naming the columns go too; opening makes them again.
func UndoWeighing(t testing.TB, db *sql.DB) []string {
	t.Helper()
	replaced := []string{"ledger_void", "invoice_lines_guard_i", "invoice_lines_guard_u", "delivery_releases_guard"}
	out := []string{`DROP TRIGGER ledger_load`}
	for _, name := range replaced {
		out = append(out, `DROP TRIGGER `+name, `CREATE TRIGGER `+name+` AFTER UPDATE ON users WHEN 0 BEGIN SELECT 1; END`)
	}
	out = append(out, `DROP VIEW customer_receivables`, `DROP VIEW note_uninvoiced`, `DROP VIEW release_billed`, `DROP VIEW delivery_line_billed`,
		`CREATE VIEW customer_receivables AS SELECT 1 AS x`, `CREATE VIEW note_uninvoiced AS SELECT 1 AS x`)
	out = append(out, dropNamed(t, db, "trigger", `SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%weighing%'
	                        AND name NOT IN ('ledger_load', 'ledger_void', 'invoice_lines_guard_i', 'invoice_lines_guard_u', 'delivery_releases_guard')`)...)
	return append(out, `ALTER TABLE orders DROP COLUMN weighing`, `ALTER TABLE customers DROP COLUMN weighing`)
}

// UndoCheckpoints is the statements that take a database back to before
// migration 0012 (signed checkpoints of the audit chain).
func UndoCheckpoints() []string { return []string{`DROP TABLE IF EXISTS audit_checkpoints`} }

// UndoRuleAdditions is the statements that take a database back to
// before migration 0010 (rule additions to a kind in use), so that it
// runs again on opening: its tables and triggers go, and the triggers it
// replaces are left as placeholders for it to drop.
func UndoRuleAdditions() []string {
	out := []string{`DROP TRIGGER wf_states_added`, `DROP TRIGGER wf_rules_added`,
		`DROP TABLE wf_additions_guard`, `DROP TABLE wf_additions_never`}
	for _, name := range []string{"wf_states_frozen_i", "wf_rules_frozen_i"} {
		out = append(out, `DROP TRIGGER `+name, `CREATE TRIGGER `+name+` AFTER UPDATE ON users WHEN 0 BEGIN SELECT 1; END`)
	}
	return out
}

// undos takes each migration after 0008 back, newest first: a migration
// that lands adds its line here, so every test rolling a file back stays
// in step.
var undos = []struct {
	version int
	undo    func(testing.TB, *sql.DB) []string
}{
	{33, UndoEditWindow},
	{32, func(testing.TB, *sql.DB) []string { return UndoStatCustomerOwed() }},
	{31, func(testing.TB, *sql.DB) []string { return UndoStatCustomerFirsts() }},
	// 0030 moves the version alone: the merged guards stay, and opening
	// makes them again after the migrations that run.
	{30, func(testing.TB, *sql.DB) []string { return nil }},
	{29, func(testing.TB, *sql.DB) []string { return UndoReturnedFigures() }},
	{28, func(testing.TB, *sql.DB) []string { return UndoVisitLogIndex() }},
	{27, func(testing.TB, *sql.DB) []string { return UndoMeetingSubmitGuard() }},
	{26, func(testing.TB, *sql.DB) []string { return UndoStatQuarters() }},
	{25, func(testing.TB, *sql.DB) []string { return UndoMaterials() }},
	{24, func(testing.TB, *sql.DB) []string { return UndoReturns() }},
	{23, func(testing.TB, *sql.DB) []string { return UndoMeetings() }},
	{22, UndoStatRollupsAndSources},
	{21, func(testing.TB, *sql.DB) []string { return UndoCredits() }},
	{20, func(testing.TB, *sql.DB) []string { return UndoVisits() }},
	{19, func(testing.TB, *sql.DB) []string { return UndoLeads() }},
	{18, func(testing.TB, *sql.DB) []string { return UndoComplaints() }},
	{17, func(testing.TB, *sql.DB) []string { return UndoStartScreen() }},
	{16, func(testing.TB, *sql.DB) []string { return UndoPurchasePlans() }},
	{15, func(testing.TB, *sql.DB) []string { return UndoOpeningBalances() }},
	{14, func(testing.TB, *sql.DB) []string { return UndoPlans() }},
	{13, func(testing.TB, *sql.DB) []string { return UndoImports() }},
	{12, func(testing.TB, *sql.DB) []string { return UndoCheckpoints() }},
	{11, UndoStatistics},
	{10, func(testing.TB, *sql.DB) []string { return UndoRuleAdditions() }},
	{9, UndoWeighing},
}

// UndoTo is the statements that take a database back to schema version
// (8 or later), newest migration first; the caller then sets
// user_version, and opening runs the migrations after it again.
func UndoTo(t testing.TB, db *sql.DB, version int) []string {
	t.Helper()
	var out []string
	for _, u := range undos {
		if u.version > version {
			out = append(out, u.undo(t, db)...)
		}
	}
	return out
}

// UndoVisitLogIndex is the statements that take a database back to
// before the index of the log's visits still to move (0028_visit_log_index.sql).
func UndoVisitLogIndex() []string { return []string{`DROP INDEX customer_visits_to_move`} }

// RollBackTo takes db back to schema version and says so in its
// user_version: opening it next runs every migration after version
// again, as an upgrade would.
func RollBackTo(t testing.TB, db *sql.DB, version int) {
	t.Helper()
	set := fmt.Sprintf(`PRAGMA user_version = %d`, version)
	if IsPostgres(db) {
		set = fmt.Sprintf(`UPDATE schema_version SET version = %d`, version)
	}
	for _, stmt := range append(UndoTo(t, db, version), set) {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// UndoToSchema8 is UndoTo(t, db, 8).
func UndoToSchema8(t testing.TB, db *sql.DB) []string { return UndoTo(t, db, 8) }

// UndoImports is the statements that take a database back to before the
// imports migration (0013_imports.sql): its tables go, with their
// triggers, and the trigger it adds on transitions. note_uninvoiced,
// which it replaces, is left for the migration to drop and make again.
func UndoImports() []string {
	return []string{`DROP TRIGGER import_batch_signer`, `DROP TABLE opening_balances`, `DROP TABLE import_lines`, `DROP TABLE import_batches`}
}

// UndoPlans lists the statements that take a database from after
// 0014_plans.sql back to before it: its tables (and their triggers) and
// its guards on transitions. The workflow's rules for its kinds stay,
// as the program writes them again the same.
func UndoPlans() []string {
	return []string{`DROP TRIGGER sales_plan_transition_guard`, `DROP TRIGGER sales_target_transition_guard`,
		`DROP TABLE sales_plan_results`, `DROP TABLE sales_plan_lines`, `DROP TABLE sales_plans`, `DROP TABLE sales_targets`}
}

// UndoOpeningBalances lists the statements that take a database from
// after 0015_opening_balances.sql back to before it: its view goes, and
// invoice_balances, which reads it, is left as a placeholder with the
// same columns for the migration to drop and make again, as is
// allocations_guard, which reads opening_balances (gone with 0013's undo).
func UndoOpeningBalances() []string {
	return []string{`DROP VIEW invoice_balances`, `DROP VIEW opening_open`, `DROP TRIGGER allocations_guard`,
		`CREATE TRIGGER allocations_guard BEFORE INSERT ON allocations WHEN 0 BEGIN SELECT 1; END`,
		`CREATE VIEW invoice_balances AS SELECT 0 AS invoice_doc_id, 0 AS customer_id, 0 AS order_doc_id, '' AS invoice_no,
		'' AS issued_on, '' AS due_on, 0 AS total, 0 AS allocated, 0 AS open WHERE 0`}
}

// UndoMaterials lists the statements that take a database from after
// 0025_materials.sql back to before it: its view, tables (and their
// triggers) and its guard on transitions.
func UndoMaterials() []string {
	return []string{`DROP TRIGGER material_transition_guard`, `DROP TRIGGER material_receipts_guard`, `DROP VIEW materials_register`,
		`DROP TABLE material_receipts`, `DROP TABLE materials`}
}

// UndoMeetings lists the statements that take a database from after
// 0023_meetings.sql back to before it: its tables (and their triggers)
// and its guard on transitions.
func UndoMeetings() []string {
	return []string{`DROP TRIGGER meeting_transition_guard`, `DROP TABLE meeting_action_done`, `DROP TABLE meeting_actions`,
		`DROP TABLE meeting_decisions`, `DROP TABLE meeting_attendees`, `DROP TABLE meetings`}
}

// UndoMeetingSubmitGuard lists the statements that take a database
// from after 0027_meeting_submit_guard.sql back to before it: the guard
// on the minutes' transitions as 0023_meetings.sql made it, and its
// index of leads by customer.
func UndoMeetingSubmitGuard() []string {
	return []string{`DROP INDEX leads_customer`, `DROP TRIGGER meeting_transition_guard`, `CREATE TRIGGER meeting_transition_guard BEFORE INSERT ON transitions
WHEN (SELECT kind FROM documents WHERE id = NEW.doc_id) = 'meeting' AND NEW.to_status = 'closed'
BEGIN
  SELECT RAISE(ABORT, 'orderdesk:actions_open')
   WHERE EXISTS (SELECT 1 FROM meeting_actions a WHERE a.doc_id = NEW.doc_id
                    AND NOT EXISTS (SELECT 1 FROM meeting_action_done x WHERE x.action_id = a.id));
  SELECT RAISE(ABORT, 'orderdesk:closer_did_action')
   WHERE EXISTS (SELECT 1 FROM meeting_action_done x JOIN meeting_actions a ON a.id = x.action_id
                  WHERE a.doc_id = NEW.doc_id AND x.updated_by = NEW.actor_id);
END`}
}

// UndoReturns lists the statements that take a database from after
// 0024_returns.sql back to before it: its tables (and their triggers)
// and views, its guard on transitions, and the triggers and view it
// replaces left as placeholders for it to drop again (as UndoWeighing).
func UndoReturns() []string {
	out := []string{`DROP TRIGGER return_transition_guard`, `DROP TRIGGER credit_lines_received_i`, `DROP TRIGGER credit_lines_received_u`,
		`DROP VIEW delivery_line_credited_back`, `DROP VIEW delivery_line_received_back`, `DROP TABLE goods_return_receipts`, `DROP TABLE goods_return_lines`,
		`DROP TABLE goods_returns`, `DROP VIEW return_stat_lines`, `DROP VIEW order_lines_open`, `DROP VIEW order_line_returned`, `DROP VIEW delivery_line_returned`,
		`DROP VIEW delivery_left_on`, `DROP VIEW customer_receivables`, `CREATE VIEW customer_receivables AS
SELECT c.id AS customer_id,
       (SELECT coalesce(sum(r.amount), 0) FROM release_billed r JOIN documents d ON d.id = r.note_doc_id
         WHERE r.customer_id = c.id AND d.status <> 'void') AS shipped,
       (SELECT coalesce(sum(p.amount), 0) FROM receipts p WHERE p.customer_id = c.id) AS paid,
       (SELECT coalesce(sum(b.total), 0) FROM invoice_balances b WHERE b.customer_id = c.id)
         - (SELECT coalesce(sum(x.total), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS invoiced,
       (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN receipts p ON p.id = a.receipt_id WHERE p.customer_id = c.id) AS allocated,
       (SELECT coalesce(sum(u.amount), 0) FROM note_uninvoiced u WHERE u.customer_id = c.id) AS uninvoiced,
       (SELECT coalesce(sum(x.total), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS credited,
       (SELECT coalesce(sum(x.allocated), 0) FROM credit_balances x WHERE x.customer_id = c.id) AS credit_allocated
  FROM customers c`}
	for _, name := range []string{"delivery_lines_guard_i", "delivery_lines_guard_u", "shipping_open_order_moves", "shipping_open_note_moves", "shipping_open_lines_i",
		"shipping_open_lines_u", "order_ship_transition_guard", "ledger_credit", "ledger_credit_void"} {
		out = append(out, `DROP TRIGGER `+name, `CREATE TRIGGER `+name+` AFTER UPDATE ON users WHEN 0 BEGIN SELECT 1; END`)
	}
	return out
}

// UndoLeads lists the statements that take a database from after
// 0019_leads.sql back to before it: its tables (and their triggers) and
// its guard on transitions. The workflow's rules for the lead kind stay,
// as the program writes them again the same.
func UndoLeads() []string {
	return []string{`DROP TRIGGER lead_transition_guard`, `DROP TABLE lead_contacts`, `DROP TABLE leads`}
}

// UndoVisits lists the statements that take a database from after
// 0020_visits.sql back to before it.
func UndoVisits() []string {
	return []string{`DROP TRIGGER visit_transition_guard`, `DROP TABLE visit_reviews`, `DROP TABLE visits`}
}

// UndoComplaints lists the statements that take a database from after
// 0018_complaints.sql back to before it.
func UndoComplaints() []string {
	return []string{`DROP TRIGGER complaint_transition_guard`, `DROP TABLE follow_ups`, `DROP TABLE complaint_links`,
		`DROP TABLE complaint_resolutions`, `DROP TABLE complaint_actions`, `DROP TABLE complaints`}
}

// UndoPurchasePlans lists the statements that take a database from
// after 0016_purchase_plans.sql back to before it: its tables (and their
// triggers) and its guard on transitions.
func UndoPurchasePlans() []string {
	return []string{`DROP TRIGGER purchase_plan_transition_guard`, `DROP TABLE purchase_plan_lines`, `DROP TABLE purchase_plans`}
}

// UndoStartScreen lists the statements that take a database from after
// 0017_start_screen.sql back to before it: its table goes.
func UndoStartScreen() []string { return []string{`DROP TABLE user_preferences`} }

// UndoCredits lists the statements that take a database from after
// 0021_credits.sql back to before it: its tables (and their triggers),
// its views and its triggers on other tables; invoice_balances and
// customer_receivables, which it replaces, are left as placeholders with
// the same columns for it to drop and make again.
func UndoCredits() []string {
	out := []string{}
	for _, name := range []string{"invoice_issues_not_credit_no", "allocations_credit_guard", "credit_transition_guard",
		"invoice_credit_void_guard", "credit_void_reversals", "ledger_credit", "ledger_credit_void"} {
		out = append(out, `DROP TRIGGER `+name)
	}
	return append(out, `DROP VIEW customer_receivables`, `DROP VIEW invoice_balances`, `DROP VIEW credit_balances`,
		`DROP VIEW settlements`, `DROP VIEW invoice_credited`,
		`DROP TABLE credit_allocations`, `DROP TABLE credit_issues`, `DROP TABLE credit_lines`, `DROP TABLE credits`,
		`CREATE VIEW invoice_balances AS SELECT 0 AS invoice_doc_id, 0 AS customer_id, 0 AS order_doc_id, '' AS invoice_no,
		'' AS issued_on, '' AS due_on, 0 AS total, 0 AS allocated, 0 AS open WHERE 0`,
		`CREATE VIEW customer_receivables AS SELECT 1 AS x`)
}
