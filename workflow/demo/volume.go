package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// volumeBatch is how many volume orders share one write transaction.
const volumeBatch = 2000

// volume writes n orders of five to fifteen lines over the last two
// years, oldest first, in large transactions, through the same store
// calls and engine checks as the desk: 5% drafts, 5% waiting for
// sign-off, the rest signed off (numbered) and most of those signed by
// the customer, fulfilled and closed. The customers are the demo's.
func (g *gen) volume(ctx context.Context, eng *workflow.Engine, t team, customers []int64, n int, sum *Summary) error {
	return g.spread(ctx, eng, customers, n, volumeBatch, func(tx *store.Tx, products []store.Product, _ int, start time.Time) error {
		return g.volumeOrder(ctx, eng, tx, t, customers, products, start, sum)
	})
}

func (g *gen) volumeOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, customers []int64, products []store.Product,
	start time.Time, sum *Summary) error {
	clerk, c, o, err := g.newOrder(ctx, tx, t, customers, start, 21)
	if err != nil {
		return err
	}
	for n := 5 + g.rng.IntN(11); n > 0; n-- {
		o.Lines = append(o.Lines, g.orderLine(g.ownProduct(products, c)))
	}
	id, _, err := tx.CreateOrder(ctx, clerk.ID, workflow.Order.Initial(), o)
	if err != nil {
		return err
	}
	sum.Orders++
	fate := g.rng.IntN(100)
	steps := []struct {
		who    store.User
		action string
		after  time.Duration
	}{
		{clerk, workflow.ActionSubmit, 30 * time.Minute}, {t.supervisor, workflow.ActionApprove, 2 * time.Hour},
		{clerk, workflow.ActionSignBack, 24 * time.Hour}, {clerk, workflow.ActionStartFulfilment, 24 * time.Hour},
		{clerk, workflow.ActionClose, 5 * 24 * time.Hour},
	}
	var upto int
	switch {
	case fate < 5:
		upto = 0
	case fate < 10:
		upto = 1
	case fate < 20:
		upto = 2
	case fate < 40:
		upto = 3
	case fate < 60:
		upto = 4
	default:
		upto = 5
	}
	for _, s := range steps[:upto] {
		tx.Now = tx.Now.Add(s.after)
		var err error
		if s.action == workflow.ActionSignBack {
			err = eng.SignBackIn(ctx, tx, s.who, id, tx.Now.Format("2006-01-02"))
		} else {
			err = eng.ApplyIn(ctx, tx, s.who, id, s.action, "")
		}
		if err != nil {
			return err
		}
		if s.action == workflow.ActionApprove {
			sum.OrdersNumbered++
		}
	}
	return nil
}
