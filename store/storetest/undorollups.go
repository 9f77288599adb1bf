package storetest

import (
	"database/sql"
	"testing"

	"orderdesk/store/pgschema"
)

// UndoStatRollupsAndSources is the statements that take a database from
// after 0022_statistics_rollups_and_sources.sql back to before it: its
// roll-ups go (their triggers with them, and those it put on stat_days),
// and the customer's source, after the triggers on customers that name
// it (the audit's; opening makes them again).
func UndoStatRollupsAndSources(t testing.TB, db *sql.DB) []string {
	t.Helper()
	out := []string{`DROP TRIGGER stat_days_rollups_i`, `DROP TRIGGER stat_days_rollups_u`,
		`DROP TABLE stat_months`, `DROP TABLE stat_customer_years`, `DROP TABLE stat_item_years`}
	out = append(out, dropNamed(t, db, "trigger", `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers' AND sql LIKE '%source%'`)...)
	return append(out, `ALTER TABLE customers DROP COLUMN source`)
}

// UndoStatQuarters is the statements that take a database back to
// before migration 0024 (the quarter roll-up of stat_days by customer).
func UndoStatQuarters() []string {
	return []string{`DROP TRIGGER stat_days_quarters_i`, `DROP TRIGGER stat_days_quarters_u`, `DROP TABLE stat_customer_quarters`}
}

// UndoReturnedFigures is the statements that take a database back to
// before the migration that gives returns a figure of their own: its
// triggers, then the columns they name.
func UndoReturnedFigures() []string {
	out := []string{`DROP TRIGGER stat_days_returned_i`, `DROP TRIGGER stat_days_returned_u`, `DROP TRIGGER stat_customer_rep_returned`,
		`DROP TRIGGER return_stat_returned`}
	for _, table := range []string{"stat_days", "stat_customer_months", "stat_item_months", "stat_rep_item_months", "stat_months",
		"stat_customer_quarters", "stat_customer_years", "stat_item_years"} {
		out = append(out, `ALTER TABLE `+table+` DROP COLUMN returned_kg`, `ALTER TABLE `+table+` DROP COLUMN returned`)
	}
	return out
}

// UndoStatCustomerFirsts is the statements that take a database back to
// before migration 0031 (the customers by rep, the customer roll-ups by
// customer first).
func UndoStatCustomerFirsts() []string {
	return []string{`DROP INDEX customers_rep`, `DROP INDEX stat_customer_months_customer`,
		`DROP INDEX stat_customer_quarters_customer`, `DROP INDEX stat_customer_years_customer`}
}

// UndoStatCustomerOwed is the statements that take a database back to
// before migration 0032 (what each customer owes at each month's end).
func UndoStatCustomerOwed() []string {
	return []string{`DROP TRIGGER stat_days_owed_i`, `DROP TRIGGER stat_days_owed_u`, `DROP TABLE stat_customer_owed`}
}

// UndoEditWindow is the statements that take a database back to before
// migration 0033 (a save's edit window): its column goes, with every
// trigger naming it (opening makes the generated ones again); the two
// it replaces are left as placeholders for it to drop.
func UndoEditWindow(t testing.TB, db *sql.DB) []string {
	t.Helper()
	if IsPostgres(db) { // the triggers naming it go with it; the upgrade makes them again
		return []string{pgschema.Native(`ALTER TABLE documents DROP COLUMN edit_open CASCADE`)}
	}
	replaced := []string{"documents_edit_guard", "documents_edit_log"}
	out := dropNamed(t, db, "trigger", `SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%edit_open%'
	                        AND name NOT IN (?, ?)`, replaced[0], replaced[1])
	for _, name := range replaced {
		out = append(out, `DROP TRIGGER `+name, `CREATE TRIGGER `+name+` AFTER UPDATE ON users WHEN 0 BEGIN SELECT 1; END`)
	}
	return append(out, `ALTER TABLE documents DROP COLUMN edit_open`)
}
