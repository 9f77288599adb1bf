package demo

import (
	"context"
	"testing"
)

// BenchmarkGenerate20k times a 20,000-customer database from scratch, the
// scale screen and store benchmarks start from, and checks the result is
// whole: every customer written, monthly terms all signed off, the audit
// chain intact. It is a benchmark, not a test, because it takes tens of
// seconds (minutes under the race detector); make bench runs it.
func BenchmarkGenerate20k(b *testing.B) {
	const customers = 20000
	runs := 0
	for b.Loop() {
		runs++
		b.StopTimer()
		eng := newEngine(b)
		b.StartTimer()
		sum, err := Generate(context.Background(), eng, options(customers, 200, 1))
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db := rawDB(b, eng)
		if got := count(b, db, `SELECT count(*) FROM customers`); got != customers || sum.Customers != customers {
			b.Errorf("customers %d (summary %d), want %d", got, sum.Customers, customers)
		}
		if got := count(b, db, `SELECT count(*) FROM customers WHERE payment_terms = 'monthly'`); got < sum.Monthly || sum.Monthly < customers/10 {
			b.Errorf("monthly customers %d, summary %d", got, sum.Monthly)
		}
		if res, err := eng.Store().VerifyAudit(context.Background()); err != nil || res.BrokenAt != 0 {
			b.Errorf("audit: %+v %v", res, err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(customers*runs)/b.Elapsed().Seconds(), "customers/s")
}
