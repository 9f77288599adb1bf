package workflow

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// statContents is every figure the statistics' aggregates hold, each
// row written out with its goods by name (ids differ between builds);
// rows of nothing but zeros are left out.
func statContents(t *testing.T, db *sql.DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'day', d.day, d.customer_id, coalesce(i.grade || '|' || i.name || '|' || i.spec, ''), d.ordered_kg, d.ordered,
		        d.shipped_kg, d.shipped, d.invoiced_kg, d.invoiced, d.received
		   FROM stat_days d LEFT JOIN stat_items i ON i.id = d.item_id`,
		`SELECT 'customer month', month, customer_id, '', ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received
		   FROM stat_customer_months`,
		`SELECT 'goods month', m.month, 0, i.grade || '|' || i.name || '|' || i.spec, m.ordered_kg, m.ordered,
		        m.shipped_kg, m.shipped, m.invoiced_kg, m.invoiced, 0
		   FROM stat_item_months m JOIN stat_items i ON i.id = m.item_id`,
		`SELECT 'rep goods month', m.month, m.rep_id, i.grade || '|' || i.name || '|' || i.spec, m.ordered_kg, m.ordered,
		        m.shipped_kg, m.shipped, m.invoiced_kg, m.invoiced, 0
		   FROM stat_rep_item_months m JOIN stat_items i ON i.id = m.item_id`,
		`SELECT 'customer goods month', m.month, m.customer_id, coalesce(i.grade || '|' || i.name || '|' || i.spec, ''), m.ordered_kg, m.ordered,
		        m.shipped_kg, m.shipped, m.invoiced_kg, m.invoiced, m.received
		   FROM stat_months m LEFT JOIN stat_items i ON i.id = m.item_id`,
		`SELECT 'customer year', year, customer_id, '', ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received
		   FROM stat_customer_years`,
		`SELECT 'customer quarter', quarter, customer_id, '', ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received
		   FROM stat_customer_quarters`,
		`SELECT 'goods year', m.year, 0, i.grade || '|' || i.name || '|' || i.spec, m.ordered_kg, m.ordered,
		        m.shipped_kg, m.shipped, m.invoiced_kg, m.invoiced, 0
		   FROM stat_item_years m JOIN stat_items i ON i.id = m.item_id`,
		`SELECT 'order', day, customer_id, root_doc_id || '→' || coalesce(counted_doc_id, 'cancelled'), 0, 0, 0, 0, 0, 0, 0 FROM stat_orders`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var what, at, goods string
			var cust int64
			var n [7]int64
			if err := rows.Scan(&what, &at, &cust, &goods, &n[0], &n[1], &n[2], &n[3], &n[4], &n[5], &n[6]); err != nil {
				t.Fatal(err)
			}
			if n != [7]int64{} || what == "order" {
				out = append(out, fmtRow(what, at, cust, goods, n))
			}
		}
		rows.Close()
	}
	slices.Sort(out)
	return out
}

func fmtRow(what, at string, cust int64, goods string, n [7]int64) string {
	return what + " " + at + " " + itoa(int(cust)) + " " + goods + " " + itoa(int(n[0])) + " " + itoa(int(n[1])) + " " +
		itoa(int(n[2])) + " " + itoa(int(n[3])) + " " + itoa(int(n[4])) + " " + itoa(int(n[5])) + " " + itoa(int(n[6]))
}

// checkStatRebuild proves the aggregates the triggers kept equal those
// the statistics migration fills from the documents alone: a copy of the
// database loses them and migrates again. On PostgreSQL, whose schema is
// made whole at this version and never migrated, the roll-ups alone.
func checkStatRebuild(t *testing.T, st *store.Store) {
	t.Helper()
	kept := storetest.Raw(t, st.Path())
	checkStatRollups(t, kept)
	if storetest.IsPostgres(kept) {
		return
	}
	copyPath := filepath.Join(t.TempDir(), "rebuilt.db")
	if _, err := kept.Exec(`VACUUM INTO ?`, copyPath); err != nil {
		t.Fatal(err)
	}
	want := statContents(t, kept)
	if len(want) == 0 {
		t.Fatal("no statistics to rebuild")
	}
	db := storetest.Raw(t, copyPath)
	const beforeStatistics = 10
	storetest.RollBackTo(t, db, beforeStatistics)
	db.Close()
	openDB(t, copyPath) // migrates it
	got := statContents(t, storetest.Raw(t, copyPath))
	if !slices.Equal(got, want) {
		for _, r := range want {
			if !slices.Contains(got, r) {
				t.Errorf("kept by trigger, not filled: %s", r)
			}
		}
		for _, r := range got {
			if !slices.Contains(want, r) {
				t.Errorf("filled, not kept by trigger: %s", r)
			}
		}
	}
}

// statRollupChecks are the roll-ups of stat_days, each beside the same
// figures summed from the days: a row one holds and the other does not
// (or holds differently) is a roll-up out of step. Rows of nothing but
// zeros count as none.
var statRollupChecks = []struct{ name, rollup, days string }{
	{"stat_months",
		`SELECT month, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received FROM stat_months`,
		`SELECT substr(day, 1, 7), customer_id, item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg),
		        sum(invoiced), sum(received) FROM stat_days GROUP BY 1, 2, 3`},
	{"stat_customer_years",
		`SELECT year, customer_id, 0, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received FROM stat_customer_years`,
		`SELECT substr(day, 1, 4), customer_id, 0, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg),
		        sum(invoiced), sum(received) FROM stat_days GROUP BY 1, 2`},
	{"stat_customer_quarters",
		`SELECT quarter, customer_id, 0, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received FROM stat_customer_quarters`,
		`SELECT substr(day, 1, 5) || CASE WHEN substr(day, 6, 2) < '04' THEN '01' WHEN substr(day, 6, 2) < '07' THEN '04'
		        WHEN substr(day, 6, 2) < '10' THEN '07' ELSE '10' END, customer_id, 0, sum(ordered_kg),
		        sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg), sum(invoiced), sum(received) FROM stat_days GROUP BY 1, 2`},
	{"stat_item_years",
		`SELECT year, 0, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, 0 FROM stat_item_years`,
		`SELECT substr(day, 1, 4), 0, item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg),
		        sum(invoiced), 0 FROM stat_days WHERE item_id <> 0 GROUP BY 1, 3`},
	{"stat_customer_months",
		`SELECT month, customer_id, 0, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received FROM stat_customer_months`,
		`SELECT substr(day, 1, 7), customer_id, 0, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped), sum(invoiced_kg),
		        sum(invoiced), sum(received) FROM stat_days GROUP BY 1, 2`},
	// What each customer owes at a month's end: its own rows, and its
	// latest row at every month it has figures in (as the statistics read
	// it), each beside shipped less received from its first day on.
	{"stat_customer_owed",
		`SELECT month, customer_id, 0, owed, 0, 0, 0, 0, 0, 0 FROM stat_customer_owed`,
		`SELECT o.month, o.customer_id, 0, (SELECT coalesce(sum(d.shipped - d.received), 0) FROM stat_days d
		         WHERE d.customer_id = o.customer_id AND substr(d.day, 1, 7) <= o.month), 0, 0, 0, 0, 0, 0
		   FROM stat_customer_owed o`},
	{"stat_customer_owed at every month",
		`SELECT m.month, m.customer_id, 0, coalesce((SELECT o.owed FROM stat_customer_owed o
		         WHERE o.customer_id = m.customer_id AND o.month <= m.month ORDER BY o.month DESC LIMIT 1), 0), 0, 0, 0, 0, 0, 0
		   FROM stat_customer_months m`,
		`SELECT m.month, m.customer_id, 0, (SELECT coalesce(sum(d.shipped - d.received), 0) FROM stat_days d
		         WHERE d.customer_id = m.customer_id AND substr(d.day, 1, 7) <= m.month), 0, 0, 0, 0, 0, 0
		   FROM stat_customer_months m`},
}

// checkStatRollups proves every roll-up equal to the days it sums.
func checkStatRollups(t *testing.T, db *sql.DB) {
	t.Helper()
	const cols = `(at, customer_id, item_id, n1, n2, n3, n4, n5, n6, n7)`
	const some = ` WHERE (n1, n2, n3, n4, n5, n6, n7) <> (0, 0, 0, 0, 0, 0, 0)`
	for _, c := range statRollupChecks {
		for _, side := range []struct{ what, a, b string }{{"kept, not so in the days", c.rollup, c.days}, {"in the days, not so kept", c.days, c.rollup}} {
			q := `WITH a` + cols + ` AS (` + side.a + `), b` + cols + ` AS (` + side.b + `)
			      SELECT at, customer_id, item_id, n1, n2, n3, n4, n5, n6, n7 FROM a` + some + ` EXCEPT SELECT * FROM b` + some
			rows, err := db.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var at string
				var cust, item int64
				var n [7]int64
				if err := rows.Scan(&at, &cust, &item, &n[0], &n[1], &n[2], &n[3], &n[4], &n[5], &n[6]); err != nil {
					t.Fatal(err)
				}
				t.Errorf("%s: %s: %s", c.name, side.what, fmtRow("", at, cust, itoa(int(item)), n))
			}
			rows.Close()
		}
	}
}
