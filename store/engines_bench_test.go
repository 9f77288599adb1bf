package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"orderdesk/internal/pgcluster"
	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// BenchmarkEngines does the same desk work on a SQLite file and on a
// PostgreSQL database holding the same demo data (the file moved there
// by orderdesk migrate, ids and all): a customer filter
// keystroke, a list page, an order's audit records, a 20-line order
// save and a sign-off. The two
// take turns in one loop, so drift on a shared machine falls on both
// alike; pg-x-sqlite is the ratio of their medians (the goal:
// within 2×). PostgreSQL runs on a private cluster with fsync on, the
// file with synchronous=FULL, both on the same disk.
// ORDERDESK_BENCH_SMALL=1 uses 500 customers instead of 5,000.
func BenchmarkEngines(b *testing.B) {
	engines := engineBenchDesks(b)
	queries := []string{"钢", "重工", "syhd", "8866", "沈阳 钢铁", "无此客户"}
	b.Run("customer-filter", func(b *testing.B) {
		compareEngines(b, engines, func(d engineDesk, i int) func() error {
			p := store.Page{Query: queries[i%len(queries)], Limit: 50}
			return func() error { _, err := d.clerk.Customers(d.ctx, p); return err }
		})
	})
	b.Run("customer-page", func(b *testing.B) {
		compareEngines(b, engines, func(d engineDesk, i int) func() error {
			return func() error { return nextPage(d, i) }
		})
	})
	b.Run("orders-page", func(b *testing.B) {
		compareEngines(b, engines, func(d engineDesk, i int) func() error {
			return func() error {
				_, err := d.clerk.Orders(d.ctx, store.OrderFilter{}, store.Page{Limit: 50})
				return err
			}
		})
	})
	// An order of the first month opened: its audit records among every
	// record written since.
	b.Run("order-audit", func(b *testing.B) {
		compareEngines(b, engines, func(d engineDesk, i int) func() error {
			first, err := d.clerk.Orders(d.ctx, store.OrderFilter{}, store.Page{Limit: 1})
			if err != nil || len(first) == 0 {
				b.Fatal("no order to open:", err)
			}
			return func() error { _, err := d.clerk.OrderAudit(d.ctx, first[0].ID, 50); return err }
		})
	})
	b.Run("order-save", func(b *testing.B) {
		compareEngines(b, engines, func(d engineDesk, i int) func() error {
			in := benchOrderInput(d.ctx, b, d.clerk, d.cust, 20, d.rng)
			return func() error { _, _, err := d.clerk.CreateOrder(d.ctx, in); return err }
		})
	})
	b.Run("sign-off", func(b *testing.B) {
		compareEngines(b, engines, func(d engineDesk, i int) func() error {
			id, _, err := d.clerk.CreateOrder(d.ctx, benchOrderInput(d.ctx, b, d.clerk, d.cust, 5, d.rng))
			if err == nil {
				err = d.clerk.SubmitOrder(d.ctx, id, 0)
			}
			if err != nil {
				b.Fatal(err)
			}
			return func() error { return d.boss.Act(d.ctx, id, workflow.ActionApprove, "") }
		})
	})
}

// engineDesk is one engine's desk for BenchmarkEngines.
type engineDesk struct {
	ctx         context.Context
	clerk, boss *workflow.Desk
	cust        int64
	rng         *rand.Rand
	cursor      *int64 // where customer-page's next page starts
}

// nextPage reads the customer list page after the last one read, from
// the top again after the end (every tenth from the top, as a list is
// opened afresh).
func nextPage(d engineDesk, i int) error {
	if i%10 == 0 {
		*d.cursor = 0
	}
	rows, err := d.clerk.Customers(d.ctx, store.Page{Cursor: *d.cursor, Limit: 50})
	if len(rows) < 50 {
		*d.cursor = 0
	} else {
		*d.cursor = rows[len(rows)-1].ID
	}
	return err
}

// compareEngines times next's operation on each engine in turn, each
// iteration, and reports their medians and 99th percentiles and the
// ratio of PostgreSQL's to SQLite's.
func compareEngines(b *testing.B, engines [2]engineDesk, next func(d engineDesk, i int) func() error) {
	b.Helper()
	var lat [2][]time.Duration
	for i := 0; b.Loop(); i++ {
		for e, d := range engines {
			op := next(d, i)
			start := time.Now()
			if err := op(); err != nil {
				b.Fatal(err)
			}
			lat[e] = append(lat[e], time.Since(start))
		}
	}
	sq, pg := p50(lat[0]), p50(lat[1])
	b.ReportMetric(sq, "sqlite-µs-p50")
	b.ReportMetric(pg, "pg-µs-p50")
	b.ReportMetric(percentile(lat[0], 0.99), "sqlite-µs-p99")
	b.ReportMetric(percentile(lat[1], 0.99), "pg-µs-p99")
	if sq > 0 {
		b.ReportMetric(pg/sq, "pg-x-sqlite")
	}
}

// percentile is the p-th fraction of d in microseconds, d sorted.
func percentile(d []time.Duration, p float64) float64 {
	if len(d) == 0 {
		return 0
	}
	return float64(d[int(p*float64(len(d)-1))].Nanoseconds()) / 1e3
}

// engineBenchDesks opens the same demo data on both engines: the file
// cached under the temporary folder, and its copy moved into a database
// on a cluster of its own (orderdesk migrate; a cluster lives only as
// long as the benchmark).
func engineBenchDesks(b *testing.B) [2]engineDesk {
	b.Helper()
	opts := engineBenchData()
	file := filepath.Join(b.TempDir(), "engines.db")
	storetest.CopyFile(b, storetest.CodeCachedDB(b, fmt.Sprintf("engines-%d.db", opts.Customers), func(path string) {
		generateOn(b, path, opts)
	}), file, 0o600)

	ctx := context.Background()
	cluster, err := pgcluster.Start(ctx, pgcluster.Durable())
	if err != nil {
		b.Skip("no PostgreSQL server to compare with:", err)
	}
	b.Cleanup(func() { cluster.Stop() })
	url, err := cluster.CreateDatabase(ctx, "engines")
	if err != nil {
		b.Fatal(err)
	}
	src, err := store.Open(ctx, file)
	if err != nil {
		b.Fatal(err)
	}
	res, err := store.MigrateToPostgres(ctx, src, url, "")
	src.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("PostgreSQL: the file's %d rows moved in %v", res.Rows, res.Took.Round(time.Millisecond))
	vacuum(b, url)

	var desks [2]engineDesk
	for i, at := range []string{file, url} {
		eng := workflowtest.Open(b, at)
		b.Cleanup(func() { eng.Store().Close() })
		desks[i] = engineDeskOn(b, eng)
	}
	return desks
}

// engineBenchData is what both engines hold: customers with their
// catalogue and two years of orders, deterministic by seed and day.
func engineBenchData() demo.Options {
	opts := demo.Options{Customers: 5000, Products: 200, Seed: 1, MonthlyPercent: 15, OrderVolume: 5000, Today: benchToday, DeskLogin: "zhao"}
	if os.Getenv("ORDERDESK_BENCH_SMALL") != "" {
		opts.Customers, opts.OrderVolume = 500, 500
	}
	return opts
}

// vacuum does at once what an office server's autovacuum does within
// minutes of a bulk load: the visibility map that lets an index answer
// a read alone, without the table's pages.
func vacuum(b *testing.B, url string) {
	b.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		b.Fatal(err)
	}
}

func generateOn(b *testing.B, at string, opts demo.Options) {
	b.Helper()
	eng := workflowtest.Open(b, at)
	defer eng.Store().Close()
	if _, err := demo.Generate(context.Background(), eng, opts); err != nil {
		b.Fatal(err)
	}
}

// engineDeskOn finds the demo's clerk, supervisor and first customer.
func engineDeskOn(b *testing.B, eng *workflow.Engine) engineDesk {
	b.Helper()
	return engineDesk{ctx: context.Background(), clerk: eng.Desk(workflowtest.User(b, eng, "wangli")),
		boss: eng.Desk(workflowtest.User(b, eng, "zhao")), cust: workflowtest.FirstCustomer(b, eng),
		rng: rand.New(rand.NewPCG(1, 2)), cursor: new(int64)}
}
