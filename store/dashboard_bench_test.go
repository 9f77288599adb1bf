package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"syscall"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// dashVolume is the dashboard's share of the two-year volume of 5,000
// customers (about 150,000 orders and 1.2 million invoice lines), built
// straight into the tables the dashboard reads: 3,000 day rows of
// (customer, goods) a day for 730 days, the month roll-ups of 5,000
// customers, 2,000 goods, 12 reps' goods and each customer's goods,
// the quarter roll-up of customers, the year roll-ups of customers and
// goods, and 240,000 invoices with
// one in ten still open, due 30 days after issue.
const (
	dashCustomers = 5000
	dashReps      = 12
	dashItems     = 2000
	dashDayRows   = 3000
	dashDays      = 730
	dashInvoices  = 240000
	dashLast      = "2026-10-31"
)

// dashVolumeDB builds the volume once per schema version (a minute or
// two) under the temp folder, with every trigger dropped, marked as a
// benchmark database.
func dashVolumeDB(b *testing.B) string {
	b.Helper()
	name := fmt.Sprintf("orderdesk-dash-volume-s%d-g2.db", store.SchemaVersion())
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
		var triggers []string
		rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			var n string
			rows.Scan(&n)
			triggers = append(triggers, n)
		}
		rows.Close()
		steps := []string{}
		for _, n := range triggers {
			steps = append(steps, `DROP TRIGGER "`+n+`"`)
		}
		first := fmt.Sprintf("date('%s', '-%d days')", dashLast, dashDays-1)
		steps = append(steps,
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO customers(id, code, name, rep_id, created_at, updated_at, updated_by)
			 SELECT i, printf('C%%06d', i), printf('客户%%d', i), 1001 + i %% %d, '2024-01-01', '2024-01-01', 1 FROM n`, dashCustomers, dashReps),
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO stat_items(id, grade, name, spec) SELECT i, 'Q235B', '热轧钢板', printf('%%d×1500×6000', i) FROM n`, dashItems),
			// Each day's rows: a pseudo-random spread of customers and goods.
			fmt.Sprintf(`WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < %d),
			                      r(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM r WHERE j < %d)
			 INSERT OR IGNORE INTO stat_days(day, customer_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received, returned_kg, returned)
			 SELECT date(%s, '+' || k || ' days'), 1 + (j * 7919 + k * 104729) %% %d, 1 + (j * 31 + k * 17) %% %d,
			        (j %% 5) * 1000, (j %% 5) * 450000, (j %% 4) * 1000, (j %% 4) * 450000, (j %% 3) * 1000, (j %% 3) * 450000, (j %% 7) * 300000,
			        (j %% 11 = 0) * 500, (j %% 11 = 0) * 225000
			   FROM d, r`, dashDays-1, dashDayRows-1, first, dashCustomers, dashItems),
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
			`INSERT INTO stat_item_years SELECT substr(month, 1, 4), item_id, sum(ordered_kg), sum(ordered), sum(shipped_kg), sum(shipped),
			   sum(invoiced_kg), sum(invoiced), sum(returned_kg), sum(returned) FROM stat_item_months GROUP BY 1, 2`,
			fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
			 INSERT INTO receivable_open(invoice_doc_id, customer_id, invoice_no, order_ref, issued_on, due_on, amount, open)
			 SELECT i, 1 + i %% %d, printf('%%08d', i), '', date(%s, '+' || (i %% %d) || ' days'),
			        date(%s, '+' || (i %% %d + 30) || ' days'), 1000000, CASE WHEN i %% 10 = 0 THEN 600000 ELSE 0 END FROM n`,
				dashInvoices, dashCustomers, first, dashDays, first, dashDays),
			`ANALYZE`)
		for _, s := range steps {
			if _, err := db.ExecContext(ctx, s); err != nil {
				b.Fatalf("%v: %s", err, s)
			}
		}
	})
}

// BenchmarkDashboardQueries times the store's part of the dashboard on
// that volume, for the whole office and for one rep: the month's days
// (read whole when the screen opens), what is overdue by due day, and
// the two refreshes a change elsewhere makes (after an order's change
// today's days, the month's total and its five leading customers and
// goods; after an invoice's,
// those and the overdue money). p50 and p99 are reported.
//
//	go test -run '^$' -bench DashboardQueries ./store
func BenchmarkDashboardQueries(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, dashVolumeDB(b), store.AllowBenchDB())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	month := store.StatSpan{From: "2026-10-01", To: "2026-11-01"}
	scope := func(dim store.StatDim, rep bool) store.StatScope {
		s := store.StatScope{Dim: dim}
		if rep {
			s.Filters = []store.StatFilter{{Dim: store.StatRep, Key: "1002"}}
		}
		return s
	}
	// A refresh reads today's days and the month roll-ups (the days
	// before today are kept while they add up to the month).
	figures := func(tx *store.Tx, rep bool) error {
		if _, err := tx.StatDaily(ctx, scope(store.StatAll, rep), store.StatSpan{From: dashLast, To: "2026-11-01"}); err != nil {
			return err
		}
		if _, err := tx.StatRows(ctx, scope(store.StatAll, rep), []store.StatSpan{month}, false); err != nil {
			return err
		}
		if _, err := tx.StatTop(ctx, scope(store.StatCustomer, rep), month, false, 5); err != nil {
			return err
		}
		_, err := tx.StatTop(ctx, scope(store.StatItem, rep), month, false, 5)
		return err
	}
	overdue := func(tx *store.Tx, rep bool) error {
		var id int64
		if rep {
			id = 1002
		}
		dues, err := tx.OverdueByDue(ctx, dashLast, dashLast, id)
		if err == nil && len(dues) == 0 {
			err = fmt.Errorf("nothing overdue")
		}
		return err
	}
	for _, who := range []struct {
		name string
		rep  bool
	}{{"office", false}, {"a rep", true}} {
		for _, c := range []struct {
			name string
			read func(tx *store.Tx) error
		}{
			{"month by day", func(tx *store.Tx) error {
				_, err := tx.StatDaily(ctx, scope(store.StatAll, who.rep), month)
				return err
			}},
			{"overdue by due day", func(tx *store.Tx) error { return overdue(tx, who.rep) }},
			{"after an order's change", func(tx *store.Tx) error { return figures(tx, who.rep) }},
			{"after an invoice's change", func(tx *store.Tx) error {
				if err := figures(tx, who.rep); err != nil {
					return err
				}
				return overdue(tx, who.rep)
			}},
		} {
			b.Run(who.name+" "+c.name, func(b *testing.B) { timedReads(b, st, c.read) })
		}
	}
}

// timedReads runs read in a read transaction for as long as b asks,
// reporting p50, p99 and the process's CPU time per read: the work
// itself, apart from waiting for a core on a shared machine.
func timedReads(b *testing.B, st *store.Store, read func(tx *store.Tx) error) {
	ctx := context.Background()
	var times []time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		t0 := time.Now()
		if err := st.Read(ctx, read); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(times)), "cpu-ms/op")
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
