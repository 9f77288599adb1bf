package workflow

import (
	"context"

	"orderdesk/store"
)

// PriceContext is what the pricing screen shows beside a line: the list
// price valid today, the last prices quoted and sold to this customer for
// the same grade and spec, and the newest market price of each source
// with its day.
type PriceContext struct {
	store.PriceContext
	Day         string // the day the list price is valid on
	Grade, Spec string // as looked up (normalized)
	// CustomerHidden: the last quoted and sold prices are another sales
	// rep's customer's, and left out.
	CustomerHidden bool
}

// PriceContext gathers the price context of a grade and spec for a
// customer, in one read.
func (d *Desk) PriceContext(ctx context.Context, customerID int64, grade, name, spec string) (pc PriceContext, err error) {
	if err = permitScreen(d.User, ScreenPricing); err != nil {
		return
	}
	if err := d.seePrices(); err != nil {
		return pc, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		pc, err = d.priceContext(ctx, tx, customerID, NormalizeGrade(grade), CleanText(name, false), NormalizeSpec(spec))
		return err
	})
	return pc, err
}

// LinePriceContext gathers the price context of a quote line.
func (d *Desk) LinePriceContext(ctx context.Context, quoteLineID int64) (pc PriceContext, err error) {
	if err = permitScreen(d.User, ScreenPricing); err != nil {
		return
	}
	if err := d.seePrices(); err != nil {
		return pc, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		l, err := tx.QuoteLine(ctx, quoteLineID)
		if err != nil {
			return err
		}
		var customerID int64
		if err := tx.QuoteCustomer(ctx, l.DocID, &customerID); err != nil {
			return err
		}
		pc, err = d.priceContext(ctx, tx, customerID, l.Grade, l.Name, l.Spec)
		return err
	})
	return pc, err
}

func (d *Desk) priceContext(ctx context.Context, tx *store.Tx, customerID int64, grade, name, spec string) (PriceContext, error) {
	pc := PriceContext{Day: d.e.todayString(), Grade: grade, Spec: spec}
	c, err := tx.Customer(ctx, customerID)
	if err != nil {
		return pc, err
	}
	if pc.PriceContext, err = tx.PriceContext(ctx, customerID, grade, name, spec, pc.Day); err != nil {
		return pc, err
	}
	if !SeesMoneyOf(d.User, c.RepID) {
		pc.LastQuoted, pc.LastSold, pc.CustomerHidden = nil, nil, true
	}
	return pc, nil
}
