package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// What the volume generators (volume.go, shipvolume.go, invoices.go)
// share: orders spread over two years, each drafted and signed as at
// the desk.

// spread writes n items spread evenly over the last two years, oldest
// first, batch of them to a write transaction, each by one (k counts
// from 0); nothing without customers or products.
func (g *gen) spread(ctx context.Context, eng *workflow.Engine, customers []int64, n, batch int,
	one func(tx *store.Tx, products []store.Product, k int, start time.Time) error) error {
	if n == 0 || len(customers) == 0 {
		return nil
	}
	var products []store.Product
	err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
		products, err = allProducts(ctx, tx)
		return err
	})
	if err != nil || len(products) == 0 {
		return err
	}
	span := 730 * 24 * time.Hour
	first := g.today.Add(-span)
	for done := 0; done < n; {
		size := min(batch, n-done)
		err := eng.Store().Write(ctx, func(tx *store.Tx) error {
			for k := done; k < done+size; k++ {
				if err := one(tx, products, k, first.Add(span/time.Duration(n)*time.Duration(k))); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done += size
	}
	return nil
}

// newOrder starts an order on start, as a random clerk, for a random
// customer with its file's terms and address, wanted seven days to
// seven plus within days later; the caller adds its lines.
func (g *gen) newOrder(ctx context.Context, tx *store.Tx, t team, customers []int64, start time.Time, within int) (store.User, store.Customer, store.Order, error) {
	tx.Now = start
	clerk := t.clerks[g.rng.IntN(len(t.clerks))]
	c, err := tx.Customer(ctx, pick(g, customers))
	if err != nil {
		return clerk, c, store.Order{}, err
	}
	o := store.Order{CustomerID: c.ID, OrderDate: start.Format("2006-01-02"), DeliveryDate: start.AddDate(0, 0, 7+g.rng.IntN(within)).Format("2006-01-02"),
		CustomerName: c.Name, Contact: c.Contact, Phone: c.Phone, ShipTo: c.Address, PaymentTerms: c.PaymentTerms, TermsDays: c.TermsDays,
		SigningPlace: signingPlace, Weighing: c.Weighing}
	if o.ShipTo == "" {
		o.ShipTo = c.City + "市"
	}
	return clerk, c, o, nil
}

// signedOrder saves o as clerk and takes it through the supervisor's
// sign-off and the customer's signed copy, as the desk would.
func (g *gen) signedOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, o store.Order, sum *Summary) (int64, error) {
	id, _, err := tx.CreateOrder(ctx, clerk.ID, workflow.Order.Initial(), o)
	if err != nil {
		return 0, err
	}
	sum.Orders++
	tx.Now = tx.Now.Add(30 * time.Minute)
	if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionSubmit, ""); err != nil {
		return 0, err
	}
	tx.Now = tx.Now.Add(2 * time.Hour)
	if err := eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, ""); err != nil {
		return 0, err
	}
	sum.OrdersNumbered++
	tx.Now = tx.Now.Add(20 * time.Hour)
	if err := eng.SignBackIn(ctx, tx, clerk, id, tx.Now.Format("2006-01-02")); err != nil {
		return 0, err
	}
	return id, nil
}
