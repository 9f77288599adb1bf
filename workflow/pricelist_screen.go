package workflow

import (
	"context"

	"orderdesk/store"
)

// MarketPrices lists the newest price of each source, grade and spec,
// newest entry first, a page at a time (see store.LatestMarketList for
// the page's cursor).
func (d *Desk) MarketPrices(ctx context.Context, p store.Page) (rows []store.MarketPrice, err error) {
	if err := d.seePrices(); err != nil {
		return nil, err
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.MarketPrice, error) { return tx.LatestMarketList(ctx, p) })
	return rows, err
}

// OpenPriceChanges lists the price-list changes not yet decided (waiting
// for review or sent back), newest first.
func (d *Desk) OpenPriceChanges(ctx context.Context) (docs []store.Document, err error) {
	if err := d.seePrices(); err != nil {
		return nil, err
	}
	var open []string
	for _, s := range PriceChange.States {
		if !s.Final {
			open = append(open, s.Name)
		}
	}
	docs, err = read(ctx, d.e, func(tx *store.Tx) ([]store.Document, error) {
		return tx.DocumentsOfKind(ctx, store.PriceChangeKind, open, 200)
	})
	return docs, err
}
