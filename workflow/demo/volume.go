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
	if n == 0 || len(customers) == 0 {
		return nil
	}
	products, err := readProducts(ctx, eng.Store())
	if err != nil || len(products) == 0 {
		return err
	}
	span := 730 * 24 * time.Hour
	first := g.today.Add(-span)
	for done := 0; done < n; {
		batch := min(volumeBatch, n-done)
		err := eng.Store().Write(ctx, func(tx *store.Tx) error {
			for k := done; k < done+batch; k++ {
				start := first.Add(span / time.Duration(n) * time.Duration(k)) // spread evenly, oldest first
				if err := g.volumeOrder(ctx, eng, tx, t, customers, products, start, sum); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		done += batch
	}
	return nil
}

func (g *gen) volumeOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, customers []int64, products []store.Product,
	start time.Time, sum *Summary) error {
	tx.Now = start
	clerk := t.clerks[g.rng.IntN(len(t.clerks))]
	c, err := tx.Customer(ctx, pick(g, customers))
	if err != nil {
		return err
	}
	o := store.Order{CustomerID: c.ID, OrderDate: start.Format("2006-01-02"), DeliveryDate: start.AddDate(0, 0, 7+g.rng.IntN(21)).Format("2006-01-02"),
		CustomerName: c.Name, Contact: c.Contact, Phone: c.Phone, ShipTo: c.Address, PaymentTerms: c.PaymentTerms, TermsDays: c.TermsDays,
		SigningPlace: signingPlace}
	if o.ShipTo == "" {
		o.ShipTo = c.City + "市"
	}
	// A customer buys from a dozen products of its own.
	for n := 5 + g.rng.IntN(11); n > 0; n-- {
		o.Lines = append(o.Lines, g.orderLine(products[(int(c.ID)*37+g.rng.IntN(12)*101)%len(products)]))
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
