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
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		rows, err = tx.LatestMarketList(ctx, p)
		return err
	})
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
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		docs, err = tx.DocumentsOfKind(ctx, store.PriceChangeKind, open, 200)
		return err
	})
	return docs, err
}
