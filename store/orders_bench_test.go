package store_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// writersFor is how long BenchmarkOrderWriters keeps its eight writers
// going (the issue asks for 10 s); TestOrderWriters runs them briefly.
var writersFor = flag.Duration("writers.for", 10*time.Second, "how long BenchmarkOrderWriters runs its writers")

// ordersGenVersion changes whenever the volume generator writes
// something different, so a cached database is rebuilt.
const ordersGenVersion = 3

// benchToday is the day the order benchmarks' databases are dated to.
var benchToday = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// ordersBenchDB returns a database with `orders` orders of about ten
// lines each over two years (100,000 give a million lines) for 2,000
// customers, built with the demo's volume generator through the desk's
// rules. It is built once and kept under the temp folder keyed by size,
// schema and generator version.
func ordersBenchDB(b *testing.B, orders int) string {
	b.Helper()
	name := fmt.Sprintf("orderdesk-orders-bench-%d-v%d-g%d.db", orders, store.SchemaVersion(), ordersGenVersion)
	return storetest.CachedDB(b, name, func(path string) {
		ctx := context.Background()
		eng := workflowtest.Open(b, path)
		defer eng.Store().Close()
		opts := demo.DefaultOptions()
		opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.OrderVolume, opts.Today = 2000, 200, 0, 0, orders, benchToday
		opts.Pending, opts.SentBack = 0, 0
		sum, err := demo.Generate(ctx, eng, opts)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d orders (%d numbered)", sum.Orders, sum.OrdersNumbered)
	})
}

// orderBenchEnv is a fresh database on disk with the demo's desk and
// catalogue, for the save and open benchmarks.
func orderBenchEnv(b testing.TB) (context.Context, *workflow.Engine, demoUsers, int64) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "orders.db")
	storetest.CopyFile(b, builtOrderDesk.get(b), path, 0o600)
	eng := workflowtest.Open(b, path)
	st := eng.Store()
	b.Cleanup(func() { st.Close() })
	u := demoUsers{clerk: workflowtest.User(b, eng, "wangli"), clerk2: workflowtest.User(b, eng, "liqiang"), boss: workflowtest.User(b, eng, "zhao")}
	return ctx, eng, u, workflowtest.FirstCustomer(b, eng)
}

type demoUsers struct{ clerk, clerk2, boss store.User }

// builtOrderDesk is the demo desk and catalogue orderBenchEnv copies,
// generated once per test binary.
var builtOrderDesk = builtFile{name: "orders.db", build: func(ctx context.Context, eng *workflow.Engine) error {
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.Today = 50, 100, 0, 0, time.Now()
	_, err := demo.Generate(ctx, eng, opts)
	return err
}}

// benchOrderInput is an order of n lines in tonnes, priced per tonne.
func benchOrderInput(ctx context.Context, b testing.TB, d *workflow.Desk, cust int64, n int, rng *rand.Rand) workflow.OrderInput {
	in, err := d.NewOrderInput(ctx, cust)
	if err != nil {
		b.Fatal(err)
	}
	in.DeliveryDate, in.SigningPlace = time.Now().AddDate(0, 0, 14).Format("2006-01-02"), "沈阳"
	if in.ShipTo == "" {
		in.ShipTo = "沈阳市铁西区北二路18号"
	}
	for i := 0; i < n; i++ {
		in.Lines = append(in.Lines, workflow.OrderLineInput{Grade: benchGrades[i%len(benchGrades)], Name: "热轧钢板", Spec: benchSpec(i),
			Quantity: fmt.Sprintf("%d.%03d", 1+rng.IntN(40), rng.IntN(1000)), Unit: "t", Price: fmt.Sprintf("%d", 3800+rng.IntN(1700))})
	}
	return in
}

// BenchmarkOrderSave saves a new 20-line order through the desk as the
// order form does: validation, catalogue matching, the order and its
// lines with their audit records, the filter's index, sealed and
// committed with synchronous=FULL on a file on disk, each followed by
// the bare commit, the floor. Target: the desk's own work (own-µs-p50)
// ≤ 1 ms.
func BenchmarkOrderSave(b *testing.B) {
	ctx, eng, u, cust := orderBenchEnv(b)
	d := eng.Desk(u.clerk)
	floor := bareCommit(b, b.TempDir())
	rng := rand.New(rand.NewPCG(1, 2))
	timedAgainst(b, floor, func(int) func() error {
		in := benchOrderInput(ctx, b, d, cust, 20, rng)
		return func() error { _, _, err := d.CreateOrder(ctx, in); return err }
	})
}

// BenchmarkOrderOpen opens a signed-off order of 200 lines as the order
// screen does (lines with their stock answers, history, versions,
// sign-back, cancellations, stock-up requests, the contract check).
// Target: < 20 ms.
func BenchmarkOrderOpen(b *testing.B) {
	ctx, eng, u, cust := orderBenchEnv(b)
	d := eng.Desk(u.clerk)
	id, _, err := d.CreateOrder(ctx, benchOrderInput(ctx, b, d, cust, 200, rand.New(rand.NewPCG(3, 4))))
	if err != nil {
		b.Fatal(err)
	}
	if err := d.SubmitOrder(ctx, id, 0); err != nil {
		b.Fatal(err)
	}
	if err := eng.Desk(u.boss).Act(ctx, id, workflow.ActionApprove, ""); err != nil {
		b.Fatal(err)
	}
	timed(b, func(int) func() error {
		return func() error {
			od, err := d.Order(ctx, id)
			if err == nil && (len(od.Order.Lines) != 200 || od.Number == "") {
				err = fmt.Errorf("%d lines, number %q", len(od.Order.Lines), od.Number)
			}
			return err
		}
	})
}

// BenchmarkOrdersFilter runs the orders list's queries over 100,000
// orders and a million lines: free text across number, customer, grade
// and spec (common and rare words, words matching nothing), with and
// without status, customer, rep and date filters, one page of 50 each.
// Target: p99 < 10 ms. The first run builds the database (minutes: run
// with -timeout 60m); ORDERDESK_BENCH_SMALL=1 uses 10,000 orders.
func BenchmarkOrdersFilter(b *testing.B) {
	n := 100_000
	if os.Getenv("ORDERDESK_BENCH_SMALL") != "" {
		n = 10_000
	}
	path := ordersBenchDB(b, n)
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var custs []int64
	var reps []int64
	err = st.Read(ctx, func(tx *store.Tx) error {
		rows, err := tx.Orders(ctx, store.OrderFilter{}, store.Page{Limit: 500, Backward: true})
		for _, r := range rows {
			custs = append(custs, r.CustomerID)
			if r.RepID != 0 {
				reps = append(reps, r.RepID)
			}
		}
		return err
	})
	if err != nil || len(custs) == 0 {
		b.Fatal(err)
	}
	if len(reps) == 0 {
		reps = []int64{0}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	words := []string{"q235b", "q345b 1500", "Φ50", "鞍山", "恒达", "lnsyno.01", "lndlno.0099", "不存在的词", "45#", "304", "沈阳 q235b",
		"dd2026", "热轧", "20×1500", "sy", "lnasno.0", "钢管 48"}
	type query struct {
		name string
		f    func() (store.OrderFilter, store.Page)
	}
	month := func() (string, string) {
		d := benchToday.AddDate(0, 0, -rng.IntN(700))
		return d.Format("2006-01-02"), d.AddDate(0, 1, 0).Format("2006-01-02")
	}
	queries := []query{
		{"text", func() (store.OrderFilter, store.Page) {
			return store.OrderFilter{}, store.Page{Query: words[rng.IntN(len(words))], Limit: 50}
		}},
		{"text-newest", func() (store.OrderFilter, store.Page) {
			return store.OrderFilter{}, store.Page{Query: words[rng.IntN(len(words))], Limit: 50, Backward: true}
		}},
		{"status", func() (store.OrderFilter, store.Page) {
			st := []string{"draft", "submitted", "approved", "signed", "in_fulfilment"}[rng.IntN(5)]
			return store.OrderFilter{Statuses: []string{st}}, store.Page{Limit: 50, Backward: rng.IntN(2) == 0}
		}},
		{"customer", func() (store.OrderFilter, store.Page) {
			q := ""
			if rng.IntN(2) == 0 {
				q = words[rng.IntN(len(words))]
			}
			return store.OrderFilter{CustomerID: custs[rng.IntN(len(custs))]}, store.Page{Query: q, Limit: 50}
		}},
		{"rep", func() (store.OrderFilter, store.Page) {
			return store.OrderFilter{RepID: reps[rng.IntN(len(reps))], Statuses: []string{"signed"}}, store.Page{Limit: 50}
		}},
		{"dates", func() (store.OrderFilter, store.Page) {
			from, to := month()
			q := ""
			if rng.IntN(2) == 0 {
				q = words[rng.IntN(len(words))]
			}
			return store.OrderFilter{From: from, To: to}, store.Page{Query: q, Limit: 50}
		}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			rows := 0
			n := timed(b, func(int) func() error {
				f, p := q.f()
				return func() error {
					return st.Read(ctx, func(tx *store.Tx) error {
						out, err := tx.Orders(ctx, f, p)
						rows += len(out)
						return err
					})
				}
			})
			b.ReportMetric(float64(rows)/float64(n), "rows/op")
		})
	}
}

// runOrderWriters has eight desks save, submit and sign off orders
// against one database for d, and fails if a save reports the database
// busy or a number series has a gap or a repeat. With ownStores each
// desk opens the file itself, as eight processes would (SQLite's lock
// and busy timeout decide, not the store's single writer connection).
// It returns the orders signed off.
func runOrderWriters(tb testing.TB, d time.Duration, ownStores bool) int64 {
	ctx, eng, _, cust := orderBenchEnv(tb)
	sys, _ := eng.SystemUser(ctx)
	const writers = 8
	var done atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	start := make(chan struct{})
	var deadline time.Time
	for w := 0; w < writers; w++ {
		clerk, err := eng.AddUser(ctx, sys, fmt.Sprintf("w%d", w), "clerk", "", []workflow.Role{workflow.Clerk})
		if err != nil {
			tb.Fatal(err)
		}
		boss, err := eng.AddUser(ctx, sys, fmt.Sprintf("s%d", w), "boss", "", []workflow.Role{workflow.Supervisor})
		if err != nil {
			tb.Fatal(err)
		}
		weng := eng
		if ownStores {
			st, err := store.Open(ctx, eng.Store().Path())
			if err != nil {
				tb.Fatal(err)
			}
			tb.Cleanup(func() { st.Close() })
			if weng, err = workflow.New(ctx, st); err != nil {
				tb.Fatal(err)
			}
		}
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			<-start
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			desk, sign := weng.Desk(clerk), weng.Desk(boss)
			for time.Now().Before(deadline) {
				in := benchOrderInput(ctx, tb, desk, cust, 1+rng.IntN(10), rng)
				id, _, err := desk.CreateOrder(ctx, in)
				if err == nil {
					err = desk.SubmitOrder(ctx, id, 0)
				}
				if err == nil {
					err = sign.Act(ctx, id, workflow.ActionApprove, "")
				}
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				done.Add(1)
			}
		}(w)
	}
	// The clock starts once every desk is open: d times the writers, not
	// their setup (eight stores opened under -race on a busy machine took
	// longer than the one second CI gives them).
	deadline = time.Now().Add(d)
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if errors.Is(err, store.ErrBusy) {
			tb.Fatalf("SQLITE_BUSY reached a writer: %v", err)
		}
		tb.Fatal(err)
	}
	err := eng.Store().Read(ctx, func(tx *store.Tx) error {
		o, err := tx.Customer(ctx, cust)
		if err != nil {
			return err
		}
		series := workflow.DefaultOrderSeries().SeriesFor(o, "")
		seqs, err := tx.SeriesNumbers(ctx, series)
		if err != nil {
			return err
		}
		if int64(len(seqs)) < done.Load() {
			return fmt.Errorf("%d numbers for %d orders signed off", len(seqs), done.Load())
		}
		for i, s := range seqs {
			if s != int64(i+1) {
				return fmt.Errorf("series %s: gap or repeat at %d", series, i+1)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return done.Load()
}

// TestOrderWriters is the eight-writer run, briefly, for CI.
func TestOrderWriters(t *testing.T) {
	for _, own := range []bool{false, true} {
		if n := runOrderWriters(t, time.Second, own); n == 0 {
			t.Fatal("no order was signed off")
		}
	}
}

// BenchmarkOrderWriters runs eight writers for -writers.for (10 s by
// default): run it with -benchtime 1x. It reports orders signed off per
// second (each a save, a submission and a sign-off drawing a number).
func BenchmarkOrderWriters(b *testing.B) {
	for _, c := range []struct {
		name string
		own  bool
	}{{"one-store", false}, {"eight-stores", true}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				n := runOrderWriters(b, *writersFor, c.own)
				b.ReportMetric(float64(n)/writersFor.Seconds(), "orders/s")
			}
		})
	}
}
