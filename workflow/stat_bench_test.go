package workflow_test

import (
	"fmt"
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// BenchmarkStatistics reads the statistics views issue 15 times: a
// month, a quarter and a year by every dimension (beside the period
// before and the same period last year, with what is owed at each end),
// a rep's own year by goods, the 24-month trend of every customer (every
// measure, and shipped alone as a sparkline shows it), and
// one customer's documents of a year. The database is the invoicing
// benchmarks' (-invoicing.customers, -invoicing.orders: 5,000 and
// 150,000 by default, the two-year volume; built once and cached); p50
// and p99 are reported.
//
//	go test -run '^$' -bench Statistics -timeout 240m ./workflow
//	go test -run '^$' -bench Statistics ./workflow -invoicing.customers 300 -invoicing.orders 3000   # a quick look
func BenchmarkStatistics(b *testing.B) {
	d, ctx := invoicingBenchDesk(b)
	rep, _ := invoicingBenchDeskOf(b, "liu")
	today := demo.InvoicingBenchToday
	for _, kind := range []workflow.PeriodKind{workflow.PeriodMonth, workflow.PeriodQuarter, workflow.PeriodYear} {
		p := workflow.PeriodOf(kind, today).Previous()
		for _, dim := range store.StatDims {
			b.Run(string(kind)+" by "+string(dim), func(b *testing.B) {
				var rows int
				timed(b, func() error {
					v, err := d.Statistics(ctx, workflow.StatQuery{Dim: dim, Period: p, Open: true})
					rows = len(v.Rows)
					return err
				})
				b.ReportMetric(float64(rows), "rows")
			})
		}
	}
	b.Run("a rep's year by item", func(b *testing.B) {
		timed(b, func() error {
			_, err := rep.Statistics(ctx, workflow.StatQuery{Dim: store.StatItem, Period: workflow.PeriodOf(workflow.PeriodYear, today).Previous()})
			return err
		})
	})
	for _, of := range [][]store.StatMeasure{nil, {store.StatShipped}} {
		b.Run(fmt.Sprintf("24-month trend of every customer of %v", of), func(b *testing.B) {
			timed(b, func() error {
				_, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: workflow.PeriodOf(workflow.PeriodMonth, today).Previous(),
					Open: true, Months: 24, TrendOf: of})
				return err
			})
		})
	}
	v, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: workflow.PeriodOf(workflow.PeriodYear, today).Previous()})
	if err != nil || len(v.Rows) == 0 {
		b.Fatalf("%d customers: %v", len(v.Rows), err)
	}
	b.Run("one customer's invoices of a year", func(b *testing.B) {
		i := 0
		timed(b, func() error {
			i++
			_, err := d.StatisticsTrace(ctx, v.Query, v.Rows[i*7919%len(v.Rows)].Key, store.StatInvoiced, workflow.StatNow)
			return err
		})
	})
}
