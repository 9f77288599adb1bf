package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// shipBatch is how many volume notes share one write transaction.
const shipBatch = 2000

// shipVolume writes n delivery notes over the last two years, oldest
// first, in large transactions, through the same engine steps as the
// desk: for every two notes an order of one to three lines, signed off
// and signed back, shipped in two parts. Notes older than three weeks
// are delivered (a monthly customer's paid when it arrives); newer ones
// are spread over every state of shipping.
func (g *gen) shipVolume(ctx context.Context, eng *workflow.Engine, t team, customers []int64, n int, sum *Summary) error {
	orders := (n + 1) / 2
	return g.spread(ctx, eng, customers, orders, shipBatch/2, func(tx *store.Tx, products []store.Product, k int, start time.Time) error {
		notes := 2
		if k == orders-1 && n%2 == 1 {
			notes = 1
		}
		return g.shippedOrder(ctx, eng, tx, t, customers, products, start, notes, sum)
	})
}

// shippedOrder writes one signed order and its notes.
func (g *gen) shippedOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, customers []int64, products []store.Product,
	start time.Time, notes int, sum *Summary) error {
	clerk, c, o, err := g.newOrder(ctx, tx, t, customers, start, 14)
	if err != nil {
		return err
	}
	for k := 1 + g.rng.IntN(3); k > 0; k-- {
		l := g.orderLine(g.ownProduct(products, c))
		if l.Qty < 2000 { // two parts of whole units
			l.Qty, l.Weight = l.Qty*2, l.Weight*2
			l.SetPrice(l.Price, l.Priced, l.Basis)
		}
		o.Lines = append(o.Lines, l)
	}
	id, err := g.signedOrder(ctx, eng, tx, t, clerk, o, sum)
	if err != nil {
		return err
	}
	when := tx.Now.Add(4 * time.Hour)
	for p := 0; p < notes; p++ {
		if when.After(g.today) {
			return nil
		}
		nid, fate, last, err := g.shipNote(ctx, eng, tx, t, clerk, id, when, p == 0 && notes == 2, 21*24*time.Hour, sum)
		if err != nil || nid == 0 {
			return err
		}
		if fate == nfDelivered && c.PaymentTerms == store.TermsMonthly {
			if n, err := tx.DeliveryHeader(ctx, nid); err != nil {
				return err
			} else if n.Status == "delivered" {
				sum.Payments++
				sum.Receipts++
				if err := eng.ConfirmPaymentIn(ctx, tx, t.finance, nid, n.Total, tx.Now.Format("2006-01-02")); err != nil {
					return err
				}
			}
		}
		when = last.Add(time.Duration(24+g.rng.IntN(72)) * time.Hour)
	}
	return nil
}
