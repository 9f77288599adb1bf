package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// The price list and market prices of the demo. Records are dated at
// their simulated moment by setting the transaction's clock, so the
// history, the inquiries' ages and the follow-up list look lived in.

// basePrice is a product's list price in fen per unit, by unit and a
// per-product variation.
func (g *gen) basePrice(p store.Product) store.Money {
	switch p.Unit {
	case "kg":
		return store.Money(1500 + g.rng.IntN(1500)) // ¥15–30 per kg (stainless)
	case "pcs":
		return store.Money(8000 + g.rng.IntN(12000)) // ¥80–200 a pipe
	}
	return store.Money((3800 + g.rng.IntN(1700)) / 10 * 1000) // ¥3,800–5,500 per tonne, in tens of yuan
}

// jiggle moves a price by up to ±percent, to the unit's step.
func (g *gen) jiggle(p store.Money, percent int, unit string) store.Money {
	delta := int64(p) * int64(g.rng.IntN(2*percent+1)-percent) / 100
	step := int64(1000) // ten yuan for tonnes
	if unit != "t" {
		step = 10
	}
	return store.Money((int64(p) + delta) / step * step)
}

// at is the demo's clock for a record: day days before today at hour
// (local time of whoever runs the demo), but never later than now: a
// demo run at 10:00 wrote today's 16:00 orders in the future, and the
// desk showed their age as "-5m".
func (g *gen) at(days int, hour float64) time.Time {
	d := g.today.AddDate(0, 0, -days)
	base := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, g.today.Location())
	t := base.Add(time.Duration(hour * float64(time.Hour)))
	if t.After(g.today) {
		return g.today
	}
	return t
}

// priceList writes the list: every product priced when the history
// starts, a third re-priced twenty days ago, both approved by the
// supervisor; and one change of a few prices from next week left waiting
// for review. It returns the prices in force today by product id.
func (g *gen) priceList(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, products []store.Product, days int, sum *Summary) (map[int64]store.Money, error) {
	prices := map[int64]store.Money{}
	change := func(when time.Time, from string, lines []store.PriceChangeLine, reason string, approve bool) error {
		tx.Now = when
		id, _, err := tx.CreatePriceChange(ctx, t.clerks[0].ID, workflow.PriceChange.Initial(), reason, lines)
		if err != nil || !approve {
			return err
		}
		tx.Now = when.Add(2 * time.Hour)
		sum.ListPrices += len(lines)
		return eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, "")
	}
	line := func(p store.Product, price store.Money, from string) store.PriceChangeLine {
		old, had := prices[p.ID]
		return store.PriceChangeLine{Grade: p.Grade, Name: p.Name, Spec: p.Spec, Unit: p.Unit, Price: price, OldPrice: old, HadOld: had, ValidFrom: from}
	}
	start := g.at(days, 0).Format("2006-01-02")
	var first []store.PriceChangeLine
	for _, p := range products {
		price := g.basePrice(p)
		first = append(first, line(p, price, start))
		prices[p.ID] = price
	}
	if err := change(g.at(days+1, 15), start, first, "年度价格表", true); err != nil {
		return nil, err
	}
	if days > 20 {
		from := g.at(19, 0).Format("2006-01-02")
		var second []store.PriceChangeLine
		for _, p := range products {
			if g.chance(33) {
				l := line(p, g.jiggle(prices[p.ID], 4, p.Unit), from)
				second = append(second, l)
				prices[p.ID] = l.Price
			}
		}
		if len(second) > 0 {
			if err := change(g.at(20, 16), from, second, "跟随鞍钢出厂价调整", true); err != nil {
				return nil, err
			}
		}
	}
	next := g.today.AddDate(0, 0, 7).Format("2006-01-02")
	var pending []store.PriceChangeLine
	for i, p := range products {
		if i%40 == 7 {
			pending = append(pending, line(p, g.jiggle(prices[p.ID], 3, p.Unit), next))
		}
	}
	if len(pending) > 0 {
		if err := change(g.today.Add(-time.Hour), next, pending, "下周起执行新价", false); err != nil {
			return nil, err
		}
		sum.PendingPrices = 1
	}
	return prices, nil
}

// marketPrices records, for up to forty products sold by the tonne, the
// three markets' prices on about two days in five over the history.
func (g *gen) marketPrices(ctx context.Context, tx *store.Tx, t team, products []store.Product, list map[int64]store.Money, days int, sum *Summary) error {
	var sample []store.Product
	for _, p := range products {
		if p.Unit == "t" && len(sample) < 40 {
			sample = append(sample, p)
		}
	}
	for day := days; day >= 0; day-- {
		for _, p := range sample {
			for si, src := range store.MarketSources {
				if !g.chance(40) {
					continue
				}
				tx.Now = g.at(day, 9+float64(si))
				price := g.jiggle(list[p.ID], 5, p.Unit)
				if _, err := tx.AddMarketPrice(ctx, t.purchasing.ID, store.MarketPrice{Source: src, Grade: p.Grade, Name: p.Name,
					Spec: p.Spec, Unit: p.Unit, Price: price, On: tx.Now.Format("2006-01-02")}); err != nil {
					return err
				}
				sum.MarketPrices++
			}
		}
	}
	return nil
}

// readProducts reads the whole catalogue in a read transaction of its own.
func readProducts(ctx context.Context, st *store.Store) (products []store.Product, err error) {
	err = st.Read(ctx, func(tx *store.Tx) error {
		products, err = allProducts(ctx, tx)
		return err
	})
	return products, err
}

// allProducts reads the catalogue written earlier.
func allProducts(ctx context.Context, tx *store.Tx) ([]store.Product, error) {
	var out []store.Product
	p := store.Page{Limit: 500}
	for {
		page, err := tx.Products(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < p.Limit {
			return out, nil
		}
		p.Cursor = page[len(page)-1].ID
	}
}
