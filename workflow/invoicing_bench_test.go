package workflow_test

import (
	"context"
	"flag"
	"sort"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// The invoicing benchmarks' database: issue 7 asks for 5,000 customers
// and about a million invoice lines over two years (150,000 orders);
// smaller for a quick look.
var (
	benchInvCustomers = flag.Int("invoicing.customers", 5000, "customers in the invoicing benchmarks' database")
	benchInvOrders    = flag.Int("invoicing.orders", 150000, "orders shipped, invoiced and paid in the invoicing benchmarks' database")
)

func invoicingBenchDesk(b *testing.B) (*workflow.Desk, context.Context) {
	b.Helper()
	return invoicingBenchDeskOf(b, "chen")
}

// invoicingBenchDeskOf is the desk of the demo user login on the
// invoicing benchmarks' database.
func invoicingBenchDeskOf(b *testing.B, login string) (*workflow.Desk, context.Context) {
	b.Helper()
	ctx := context.Background()
	start := time.Now()
	path, sum, built, err := demo.InvoicingBenchDB(ctx, *benchInvCustomers, *benchInvOrders)
	if err != nil {
		b.Fatal(err)
	}
	if built {
		b.Logf("built %d invoice lines on %d invoices, %d receipts in %v: %s", sum.InvoiceLines, sum.Invoices, sum.Receipts,
			time.Since(start).Round(time.Second), path)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return demo.InvoicingBenchToday }
	eng, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	eng.SetLocation(time.UTC)
	var u store.User
	if err := st.Read(ctx, func(tx *store.Tx) (err error) { u, err = tx.UserByLogin(ctx, login); return err }); err != nil {
		b.Fatal(err)
	}
	return eng.Desk(u), ctx
}

// BenchmarkInvoicingBalances reads every customer's balance as of a
// month end (the reconciliation's opening and closing figures), one
// customer's open invoices and balance (the allocation form), one
// customer's exposure as the payment gate reads it, and every overdue
// invoice; p50 and p99 are reported.
func BenchmarkInvoicingBalances(b *testing.B) {
	d, ctx := invoicingBenchDesk(b)
	var custs []int64
	bs, err := d.Balances(ctx, "2026-10-31")
	if err != nil || len(bs) == 0 {
		b.Fatalf("%d balances: %v", len(bs), err)
	}
	for _, x := range bs {
		custs = append(custs, x.CustomerID)
	}
	b.Run("all customers as of a day", func(b *testing.B) {
		var times []time.Duration
		for i := 0; b.Loop(); i++ {
			t0 := time.Now()
			if _, err := d.Balances(ctx, "2026-10-31"); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
		report(b, times)
	})
	b.Run("one customer's open invoices and balance", func(b *testing.B) {
		var times []time.Duration
		for i := 0; b.Loop(); i++ {
			c := custs[i*7919%len(custs)]
			t0 := time.Now()
			if _, err := d.OpenInvoices(ctx, c, ""); err != nil {
				b.Fatal(err)
			}
			if _, err := d.CustomerBalance(ctx, c, ""); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
		report(b, times)
	})
	b.Run("the gate's exposure of one customer", func(b *testing.B) {
		var times []time.Duration
		for i := 0; b.Loop(); i++ {
			c := custs[i*7919%len(custs)]
			t0 := time.Now()
			if _, err := d.Receivable(ctx, c); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
		report(b, times)
	})
	b.Run("overdue invoices of every customer", func(b *testing.B) {
		var times []time.Duration
		for i := 0; b.Loop(); i++ {
			t0 := time.Now()
			if _, err := d.OpenInvoices(ctx, 0, "2026-10-02"); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
		report(b, times)
	})
}

// timed runs read in b's loop, timing each call, and reports p50 and
// p99.
func timed(b *testing.B, read func() error) {
	var times []time.Duration
	for b.Loop() {
		t0 := time.Now()
		if err := read(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	report(b, times)
}

func report(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}
