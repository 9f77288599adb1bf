package storetest

import (
	"database/sql"
	"testing"
)

// UndoWeighing is the statements that take a database back to before
// migration 0009 (the weighing basis), so that it runs again on opening
// once user_version is set below 9: its views and columns go, and the
// triggers it replaces are left as placeholders for it to drop. The
// audit triggers naming the columns go too; opening makes them again.
// The later migrations are undone first (UndoPlans).
func UndoWeighing(t testing.TB, db *sql.DB) []string {
	t.Helper()
	replaced := []string{"ledger_void", "invoice_lines_guard_i", "invoice_lines_guard_u", "delivery_releases_guard"}
	out := append(UndoPlans(), `DROP TRIGGER ledger_load`)
	for _, name := range replaced {
		out = append(out, `DROP TRIGGER `+name, `CREATE TRIGGER `+name+` AFTER UPDATE ON users WHEN 0 BEGIN SELECT 1; END`)
	}
	out = append(out, `DROP VIEW customer_receivables`, `DROP VIEW note_uninvoiced`, `DROP VIEW release_billed`, `DROP VIEW delivery_line_billed`,
		`CREATE VIEW customer_receivables AS SELECT 1 AS x`, `CREATE VIEW note_uninvoiced AS SELECT 1 AS x`)
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%weighing%'
	                        AND name NOT IN ('ledger_load', 'ledger_void', 'invoice_lines_guard_i', 'invoice_lines_guard_u', 'delivery_releases_guard')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		out = append(out, `DROP TRIGGER "`+name+`"`)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return append(out, `ALTER TABLE orders DROP COLUMN weighing`, `ALTER TABLE customers DROP COLUMN weighing`)
}

// UndoPlans lists the statements that take a database from after
// 0010_plans.sql back to before it: its tables (and their triggers) and
// its guards on transitions. The workflow's rules for its kinds stay,
// as the program writes them again the same.
func UndoPlans() []string {
	return []string{`DROP TRIGGER sales_plan_transition_guard`, `DROP TRIGGER sales_target_transition_guard`,
		`DROP TABLE sales_plan_results`, `DROP TABLE sales_plan_lines`, `DROP TABLE sales_plans`, `DROP TABLE sales_targets`}
}
