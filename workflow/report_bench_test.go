package workflow_test

import (
	"testing"
	"time"

	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// BenchmarkReport builds the month's, a week's and a day's report (every
// section: the statistics by rep, customer and product name, the trend,
// the reviews and the ladder) on the invoicing benchmarks' database,
// reporting p50 and p99.
//
//	go test -run '^$' -bench Report ./workflow -invoicing.customers 300 -invoicing.orders 3000   # a quick look
func BenchmarkReport(b *testing.B) {
	d, ctx := invoicingBenchDesk(b)
	month := workflow.PeriodOf(workflow.PeriodMonth, demo.InvoicingBenchToday).Previous()
	for _, p := range []workflow.Period{month, workflow.PeriodOf(workflow.PeriodWeek, month.From.AddDate(0, 0, 14)),
		workflow.PeriodOf(workflow.PeriodDay, month.From.AddDate(0, 0, 14))} {
		b.Run(string(p.Kind), func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := d.Report(ctx, workflow.ReportQuery{Period: p}); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			report(b, times)
		})
	}
}
