package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// DashboardMonthOrders are the orders of this month the demo command
// signs back for the dashboard.
const DashboardMonthOrders = 40

// monthOrders gives the dashboard's month something to show on day
// one: n orders the customers signed back on this month's days so far,
// spread over them, the last today; each typed, submitted and approved
// the day before its signed copy came back.
func (g *gen) monthOrders(ctx context.Context, eng *workflow.Engine, t team, customers []int64, n int, sum *Summary) error {
	if n <= 0 || len(customers) == 0 || len(t.clerks) == 0 {
		return nil
	}
	first := time.Date(g.today.Year(), g.today.Month(), 1, 0, 0, 0, 0, g.today.Location())
	days := g.today.Day()
	return eng.Store().Write(ctx, func(tx *store.Tx) error {
		products, err := allProducts(ctx, tx)
		if err != nil || len(products) == 0 {
			return err
		}
		for i := 0; i < n; i++ {
			signed := first.AddDate(0, 0, max((i+1)*days/n-1, 0)).Add(time.Duration((9 + g.rng.Float64()*8) * float64(time.Hour)))
			if signed.After(g.today) {
				signed = g.today
			}
			start, clerk := signed.Add(-26*time.Hour), t.clerks[i%len(t.clerks)]
			tx.Now = start
			o, err := g.freshOrder(ctx, tx, pick(g, customers), products, start)
			if err != nil {
				return err
			}
			id, _, err := tx.CreateOrder(ctx, clerk.ID, workflow.Order.Initial(), o)
			if err != nil {
				return err
			}
			tx.Now = start.Add(time.Hour)
			if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionSubmit, ""); err != nil {
				return err
			}
			tx.Now = start.Add(2 * time.Hour)
			if err := eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, ""); err != nil {
				return err
			}
			tx.Now = signed
			if err := eng.SignBackIn(ctx, tx, clerk, id, signed.Format(time.DateOnly)); err != nil {
				return err
			}
			sum.Orders++
			sum.OrdersNumbered++
		}
		return nil
	})
}
