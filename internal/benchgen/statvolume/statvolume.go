// Package statvolume builds the statistics' two-year volume straight
// into the tables the statistics and the dashboard read, for the store's
// and the screens' benchmarks alike.
package statvolume

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// The volume is the dashboard's share of the two-year volume of 5,000
// customers (about 150,000 orders and 1.2 million invoice lines), built
// straight into the tables the dashboard reads: 3,000 day rows of
// (customer, goods) a day for 730 days, the month roll-ups of 5,000
// customers, 2,000 goods, 12 reps' goods and each customer's goods,
// the quarter roll-up of customers, the year roll-ups of customers and
// goods, what each customer owes at each month's end, and 240,000
// invoices with one in ten still open, due 30 days after issue.
const (
	Customers = 5000
	Reps      = 12
	Items     = 2000
	DayRows   = 3000
	Days      = 730
	Invoices  = 240000
	Last      = "2026-10-31"
	// Supervisor is the login of the volume's supervisor.
	Supervisor = "zhao"
)

// DB builds the volume once per schema version (a minute or
// two) under the temp folder, with every trigger dropped, marked as a
// benchmark database.
func DB(b testing.TB) string {
	b.Helper()
	name := fmt.Sprintf("orderdesk-dash-volume-s%d-g3.db", store.SchemaVersion())
	return storetest.CachedDB(b, name, func(path string) {
		ctx := context.Background()
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		if err := store.MarkBench(ctx, db); err != nil {
			b.Fatal(err)
		}
		steps := storetest.DropEvery(b, db, "trigger")
		first := fmt.Sprintf("date('%s', '-%d days')", Last, Days-1)
		steps = append(steps,
			// The reps the customers belong to, and a supervisor who sees
			// them all (Supervisor), so a desk can open the volume.
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO users(id, login, name, roles, created_at, updated_at, updated_by)
			 SELECT 1000 + i, printf('rep%%02d', i), printf('销售%%02d', i), ',rep,', '2024-01-01', '2024-01-01', 1 FROM n`, Reps),
			`INSERT INTO users(id, login, name, roles, created_at, updated_at, updated_by)
			 VALUES (2000, '`+Supervisor+`', '赵主管', ',supervisor,', '2024-01-01', '2024-01-01', 1)`,
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO customers(id, code, name, rep_id, created_at, updated_at, updated_by)
			 SELECT i, printf('C%%06d', i), printf('客户%%d', i), 1001 + i %% %d, '2024-01-01', '2024-01-01', 1 FROM n`, Customers, Reps),
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO stat_items(id, grade, name, spec) SELECT i, 'Q235B', '热轧钢板', printf('%%d×1500×6000', i) FROM n`, Items),
			// Each day's rows: a pseudo-random spread of customers and goods.
			fmt.Sprintf(`WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < %d),
			                      r(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM r WHERE j < %d)
			 INSERT OR IGNORE INTO stat_days(day, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received, returned_kg, returned)
			 SELECT date(%s, '+' || k || ' days'), 1 + (j * 7919 + k * 104729) %% %d, 1 + (j * 31 + k * 17) %% %d,
			        (j %% 5) * 1000, (j %% 5) * 450000, (j %% 4) * 1000, (j %% 4) * 450000, (j %% 3) * 1000, (j %% 3) * 450000, (j %% 7) * 300000,
			        (j %% 11 = 0) * 500, (j %% 11 = 0) * 225000
			   FROM d, r`, Days-1, DayRows-1, first, Customers, Items),
			`INSERT INTO stat_customer_months SELECT substr(day, 1, 7), customer_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(received), sum(returned_kg), sum(returned) FROM stat_days GROUP BY 1, 2`,
			`INSERT INTO stat_item_months SELECT substr(day, 1, 7), item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(returned_kg), sum(returned) FROM stat_days GROUP BY 1, 2`,
			`INSERT INTO stat_rep_item_months SELECT substr(x.day, 1, 7), c.rep_id, x.item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(returned_kg), sum(returned) FROM stat_days x JOIN customers c ON c.id = x.customer_id GROUP BY 1, 2, 3`,
			`INSERT INTO stat_months SELECT substr(day, 1, 7), customer_id, item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(received), sum(returned_kg), sum(returned) FROM stat_days GROUP BY 1, 2, 3`,
			`INSERT INTO stat_customer_years SELECT substr(month, 1, 4), customer_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(received), sum(returned_kg), sum(returned) FROM stat_customer_months GROUP BY 1, 2`,
			`INSERT INTO stat_customer_quarters SELECT printf('%s-%02d', substr(month, 1, 4), (CAST(substr(month, 6, 2) AS INTEGER) - 1) / 3 * 3 + 1),
			   customer_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg), sum(invoiced), sum(received),
			   sum(returned_kg), sum(returned) FROM stat_customer_months GROUP BY 1, 2`,
			`INSERT INTO stat_customer_owed SELECT customer_id, month, sum(shipped - received) OVER (PARTITION BY customer_id ORDER BY month)
			   FROM stat_customer_months`,
			`INSERT INTO stat_item_years SELECT substr(month, 1, 4), item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(returned_kg), sum(returned) FROM stat_item_months GROUP BY 1, 2`,
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO receivable_open(invoice_doc_id, customer_id, invoice_no, order_ref, issued_on, due_on, amount, open)
			 SELECT i, 1 + i %% %d, printf('%%08d', i), '', date(%s, '+' || (i %% %d) || ' days'),
			        date(%s, '+' || (i %% %d + 30) || ' days'), 1000000, CASE WHEN i %% 10 = 0 THEN 600000 ELSE 0 END FROM n`,
				Invoices, Customers, first, Days, first, Days),
			`ANALYZE`)
		for _, s := range steps {
			if _, err := db.ExecContext(ctx, s); err != nil {
				b.Fatalf("%v: %s", err, s)
			}
		}
	})
}
