package store

import (
	"context"
	"time"
)

// CustomerPrice is a price quoted or sold to a customer.
type CustomerPrice struct {
	Price      Money
	Name       string
	Unit       string
	QuoteDocID int64
	Ref        string
	At         time.Time // when the quote was sent (quoted) or won (sold)
}

// PriceContext is what the pricing screen shows beside a line: the list
// price valid on the day, the last prices quoted and sold to the
// customer for the same grade and spec, and the newest market price of
// each source.
type PriceContext struct {
	List       *ListPrice
	LastQuoted *CustomerPrice
	LastSold   *CustomerPrice
	Market     []MarketPrice
}

// PriceContext gathers a line's price context: each part is one index
// seek (see 0003_pricing.sql), so it stays fast however long the
// history grows.
func (t *Tx) PriceContext(ctx context.Context, customerID int64, grade, name, spec, day string) (PriceContext, error) {
	var pc PriceContext
	lp, found, err := t.ListPriceOn(ctx, grade, name, spec, day)
	if err != nil {
		return pc, err
	}
	if found {
		pc.List = &lp
	}
	if pc.LastQuoted, err = t.lastCustomerPrice(ctx, customerID, grade, spec, "quoted"); err != nil {
		return pc, err
	}
	if pc.LastSold, err = t.lastCustomerPrice(ctx, customerID, grade, spec, "sold"); err != nil {
		return pc, err
	}
	pc.Market, err = t.LatestMarketPrices(ctx, grade, name, spec)
	return pc, err
}

func (t *Tx) lastCustomerPrice(ctx context.Context, customerID int64, grade, spec, kind string) (*CustomerPrice, error) {
	var p CustomerPrice
	var at string
	err := t.row(ctx, `SELECT cp.price, cp.name, cp.unit, cp.quote_doc_id, d.ref, cp.at
	  FROM customer_prices cp INDEXED BY customer_prices_lookup JOIN documents d ON d.id = cp.quote_doc_id
	 WHERE cp.customer_id = ? AND cp.grade = ? AND cp.spec = ? AND cp.kind = ? ORDER BY cp.id DESC LIMIT 1`,
		customerID, grade, spec, kind).Scan(&p.Price, &p.Name, &p.Unit, &p.QuoteDocID, &p.Ref, &at)
	if noRow(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p.At = parseStamp(at)
	return &p, nil
}
