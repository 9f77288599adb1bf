package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// orderFate is how far a demo order got.
type orderFate int

const (
	ofDraft      orderFate = iota // being typed
	ofSubmitted                   // waiting for the contract's sign-off
	ofApproved                    // numbered, waiting for the customer's signed copy
	ofSigned                      // the signed copy came back
	ofFulfilment                  // being fulfilled
	ofClosed                      // done
	ofCancelled                   // cancelled through a signed-off request
	ofRevised                     // changed through a signed-off revision
)

// orderFateShares are the percentages of each fate, in order.
var orderFateShares = []int{12, 10, 14, 20, 22, 10, 6, 6}

func (g *gen) orderFate() orderFate {
	n := g.rng.IntN(100)
	for i, share := range orderFateShares {
		if n < share {
			return orderFate(i)
		}
		n -= share
	}
	return ofSigned
}

// signingPlace is where the desk signs its contracts.
const signingPlace = "沈阳"

var cancelReasons = []string{"客户项目取消", "客户改从本地经销商采购", "交期无法满足,双方协商取消", "客户资金未到位"}
var usages = []string{"每月约20吨,做传动轴", "每季度约50吨,用于钢结构", "每月约5吨,做法兰", "年用量约300吨"}

// orders writes the orders of the demo in one transaction: one from
// each won quote, and opts.Orders typed fresh over the last thirty days,
// each taken as far along its fate as the time since allows, through the
// engine's checks like the desk: contracts signed off (which draws their
// numbers), customers' signed copies, planning's stock answers,
// stock-up requests answered by purchasing, revisions and cancellations.
func (g *gen) orders(ctx context.Context, eng *workflow.Engine, t team, customers []int64, opts Options, sum *Summary) error {
	if len(customers) == 0 {
		return nil
	}
	return eng.Store().Write(ctx, func(tx *store.Tx) error {
		products, err := allProducts(ctx, tx)
		if err != nil || len(products) == 0 {
			return err
		}
		won, err := tx.Quotes(ctx, store.DocFilter{Statuses: []string{"won"}}, store.Page{Limit: 500})
		if err != nil {
			return err
		}
		for i, q := range won {
			if made, err := tx.OrdersOfQuote(ctx, q.ID); err != nil || len(made) > 0 {
				if err != nil {
					return err
				}
				continue // ordered by an earlier run
			}
			clerk := t.clerks[i%len(t.clerks)]
			start := q.StatusSince.Add(time.Duration(1+g.rng.IntN(20)) * time.Hour)
			if start.After(g.today) {
				start = g.today
			}
			tx.Now = start
			id, err := eng.OrderFromQuoteIn(ctx, tx, clerk, q.ID)
			if err != nil {
				return err
			}
			o, err := tx.Order(ctx, id)
			if err != nil {
				return err
			}
			o.SigningPlace = signingPlace
			for _, l := range o.Lines {
				if l.Weight == 0 { // pieces of a product with no unit weight: the clerk weighs them
					l.Weight = l.Qty / 100
					l.SetPrice(l.Price, l.Priced, l.Basis)
					l.Stock = nil
					if err := tx.UpdateOrderLine(ctx, clerk.ID, l); err != nil {
						return err
					}
				}
			}
			if o.DeliveryDate == "" {
				o.DeliveryDate = start.AddDate(0, 0, 10+g.rng.IntN(20)).Format("2006-01-02")
			}
			if err := tx.UpdateOrder(ctx, clerk.ID, o); err != nil {
				return err
			}
			sum.OrdersFromQuotes++
			if err := g.advanceOrder(ctx, eng, tx, t, clerk, id, start, g.orderFate(), sum); err != nil {
				return err
			}
		}
		for i := 0; i < opts.Orders; i++ {
			start := g.at(g.rng.IntN(30), 8+g.rng.Float64()*9)
			tx.Now = start
			clerk := t.clerks[i%len(t.clerks)]
			o, err := g.freshOrder(ctx, tx, pick(g, customers), products, start)
			if err != nil {
				return err
			}
			id, _, err := tx.CreateOrder(ctx, clerk.ID, workflow.Order.Initial(), o)
			if err != nil {
				return err
			}
			if err := g.advanceOrder(ctx, eng, tx, t, clerk, id, start, g.orderFate(), sum); err != nil {
				return err
			}
		}
		return nil
	})
}

// freshOrder is an order a customer phones in: one to five catalogue
// products, priced near the list, delivery in one to four weeks.
func (g *gen) freshOrder(ctx context.Context, tx *store.Tx, customer int64, products []store.Product, start time.Time) (store.Order, error) {
	c, err := tx.Customer(ctx, customer)
	if err != nil {
		return store.Order{}, err
	}
	o := store.Order{CustomerID: c.ID, OrderDate: start.Format("2006-01-02"), DeliveryDate: start.AddDate(0, 0, 7+g.rng.IntN(21)).Format("2006-01-02"),
		CustomerName: c.Name, Contact: c.Contact, Phone: c.Phone, ShipTo: c.Address, PaymentTerms: c.PaymentTerms, TermsDays: c.TermsDays,
		SigningPlace: signingPlace, Weighing: c.Weighing}
	if o.ShipTo == "" {
		o.ShipTo = c.City + "市"
	}
	for n := 1 + g.rng.IntN(5); n > 0; n-- {
		o.Lines = append(o.Lines, g.orderLine(pick(g, products)))
	}
	return o, nil
}

// ownProduct picks one of the dozen products a customer buys from.
func (g *gen) ownProduct(products []store.Product, c store.Customer) store.Product {
	return products[(int(c.ID)*37+g.rng.IntN(12)*101)%len(products)]
}

// orderLine is one line of a product: tonnes priced per tonne, kg and
// pieces per unit, each weighed.
func (g *gen) orderLine(p store.Product) store.OrderLine {
	l := store.OrderLine{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: p.Unit, ProductID: p.ID}
	basis := store.BasisQty
	switch p.Unit {
	case "kg":
		l.Qty = store.Milli((100 + g.rng.IntN(1900)) * 1000)
		l.Weight = l.Qty / 1000
	case "pcs":
		l.Qty = store.Milli((10 + g.rng.IntN(490)) * 1000)
		l.Weight = store.Milli((int64(l.Qty)*int64(max(p.UnitWeight, 1000)) + 500_000) / 1_000_000)
	default:
		l.Qty = store.Milli(1000 + g.rng.IntN(59000))
		l.Weight, basis = l.Qty, store.BasisWeight
	}
	l.SetPrice(g.jiggle(g.basePrice(p), 3, p.Unit), true, basis)
	return l
}

// advanceOrder takes an order along its fate, each step a few hours or
// days after the last, stopping at today.
func (g *gen) advanceOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, id int64, start time.Time,
	f orderFate, sum *Summary) error {
	sum.Orders++
	when := start
	next := func(hours float64) bool {
		when = when.Add(time.Duration(hours * float64(time.Hour)))
		if when.After(g.today) {
			return false
		}
		tx.Now = when
		return true
	}
	if f == ofDraft || !next(0.5+g.rng.Float64()) {
		return nil
	}
	if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionSubmit, ""); err != nil {
		return err
	}
	if f == ofSubmitted || !next(1+g.rng.Float64()*6) {
		return nil
	}
	if err := eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, ""); err != nil {
		return err
	}
	sum.OrdersNumbered++
	if f == ofApproved || !next(20+g.rng.Float64()*40) {
		return nil
	}
	if err := eng.SignBackIn(ctx, tx, clerk, id, when.Format("2006-01-02")); err != nil {
		return err
	}
	if err := g.stock(ctx, eng, tx, t, clerk, id, sum); err != nil {
		return err
	}
	switch f {
	case ofCancelled:
		if !next(24 + g.rng.Float64()*72) {
			return nil
		}
		c, err := eng.RequestCancelIn(ctx, tx, clerk, id, pick(g, cancelReasons))
		if err != nil || !next(2+g.rng.Float64()*6) {
			return err
		}
		sum.Cancelled++
		return eng.ApplyIn(ctx, tx, t.supervisor, c, workflow.ActionApprove, "")
	case ofRevised:
		if !next(24 + g.rng.Float64()*48) {
			return nil
		}
		return g.revise(ctx, eng, tx, t, clerk, id, next, sum)
	}
	if f == ofSigned || !next(24+g.rng.Float64()*48) {
		return nil
	}
	if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionStartFulfilment, ""); err != nil {
		return err
	}
	if f == ofFulfilment || !next(72+g.rng.Float64()*120) {
		return nil
	}
	return eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionClose, "")
}

// revise has the customer ask for more of the first line: a revision,
// submitted and signed off, which retires the version it revises.
func (g *gen) revise(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, id int64, next func(float64) bool, sum *Summary) error {
	rev, err := eng.ReviseOrderIn(ctx, tx, clerk, id)
	if err != nil {
		return err
	}
	o, err := tx.Order(ctx, rev)
	if err != nil {
		return err
	}
	l := o.Lines[0]
	l.Qty += l.Qty / 5 / 1000 * 1000
	l.Weight += l.Weight / 5 / 1000 * 1000
	l.SetPrice(l.Price, l.Priced, l.Basis)
	l.Stock = nil
	if err := tx.UpdateOrderLine(ctx, clerk.ID, l); err != nil {
		return err
	}
	o.Lines[0] = l
	o.Total = store.OrderTotal(o.Lines)
	if err := tx.UpdateOrder(ctx, clerk.ID, o); err != nil {
		return err
	}
	if err := eng.ApplyIn(ctx, tx, clerk, rev, workflow.ActionSubmit, ""); err != nil || !next(2+g.rng.Float64()*6) {
		return err
	}
	sum.Revised++
	return eng.ApplyIn(ctx, tx, t.supervisor, rev, workflow.ActionApprove, "")
}

// stock records planning's answer for each line of a signed order; a
// line that needs purchase gets a stock-up request, which purchasing
// answers most of the time.
func (g *gen) stock(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, clerk store.User, id int64, sum *Summary) error {
	o, err := tx.Order(ctx, id)
	if err != nil {
		return err
	}
	for _, l := range o.Lines {
		a := store.StockAnswer{LineID: l.ID, Answer: pick(g, store.StockAnswers)}
		if a.Answer != store.StockInStock {
			a.MeetOn = tx.Now.AddDate(0, 0, 3+g.rng.IntN(20)).Format("2006-01-02")
		}
		if a.Answer == store.StockPartial {
			a.Available = l.Qty / 2 / 1000 * 1000
		}
		if _, err := tx.AddStockAnswer(ctx, t.planning.ID, a); err != nil {
			return err
		}
		if a.Answer != store.StockPurchase || !g.chance(60) {
			continue
		}
		req, _, err := tx.CreateStockRequest(ctx, clerk.ID, workflow.StockRequest.Initial(), store.StockRequest{OrderID: id, OrderLineID: l.ID,
			CustomerID: o.CustomerID, Grade: l.Grade, Name: l.Name, Spec: l.Spec, Unit: l.Unit, Needed: l.Qty, NeededBy: o.DeliveryDate,
			Usage: pick(g, usages)})
		if err != nil {
			return err
		}
		sum.StockRequests++
		if !g.chance(60) {
			continue
		}
		if err := tx.ReplyStockRequest(ctx, t.purchasing.ID, req, store.ReplyWillBuy, l.Qty, a.MeetOn, "鞍钢现货"); err != nil {
			return err
		}
		if err := eng.ApplyIn(ctx, tx, t.purchasing, req, workflow.ActionReply, ""); err != nil {
			return err
		}
	}
	return nil
}
