package workflow_test

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// BenchmarkDashboard reads the manager's dashboard whole, and again
// after a change of each kind elsewhere (the parts that change touches,
// as the screen does), for a supervisor and for a rep. The day is the
// last of the month before the database's today, so the month read is
// a whole month of the volume. The database is the invoicing
// benchmarks' (-invoicing.customers, -invoicing.orders: 5,000 and
// 150,000 by default, the two-year volume of about 1.2 million invoice
// lines; built once and cached); p50 and p99 are reported.
//
//	go test -run '^$' -bench Dashboard -timeout 240m ./workflow
//	go test -run '^$' -bench Dashboard ./workflow -invoicing.customers 300 -invoicing.orders 3000   # a quick look
func BenchmarkDashboard(b *testing.B) {
	boss, ctx := invoicingBenchDesk(b)
	rep, _ := invoicingBenchDeskOf(b, "liu")
	first := demo.InvoicingBenchToday
	day := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
	for _, d := range []*workflow.Desk{boss, rep} {
		who := d.User.Login
		was, err := d.Dashboard(ctx, day)
		if err != nil {
			b.Fatal(err)
		}
		if who == boss.User.Login && (was.MonthFigures.Ordered.Amount == 0 || len(was.TopCustomers) == 0) {
			b.Fatalf("the month %s holds nothing: %+v", was.Month.Label(), was.MonthFigures)
		}
		b.Run(who+" whole", func(b *testing.B) {
			timed(b, func() error { _, err := d.Dashboard(ctx, day); return err })
		})
		for _, kind := range []string{store.OrderKind, store.InvoiceKind, store.InquiryKind, store.PlanKind} {
			parts := workflow.DashPartsOf(kind)
			b.Run(who+" after a change of "+kind, func(b *testing.B) {
				timed(b, func() error { _, err := d.RefreshDashboard(ctx, was, day, parts); return err })
			})
		}
	}
}
