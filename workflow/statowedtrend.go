package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// owedFill puts into a view's trend (by key; nil while the rows come
// first) what each key owed at each month's end, given the view's rows
// by the trend's keys.
type owedFill func(trend map[string][]store.StatFigures, rows []store.StatRow)

// owedMonths gives a view's months what each key owed at each month's
// end, as a period's Open reads it, when the view reads what each owes,
// may show money, splits no goods and reads the months Open needs.
// When the period ends where the trend's last month does (a month, a
// quarter, a year), what each key owed then is the view's own figure,
// and the months before are worked back from it by each month's shipped
// less received: nothing more is read. Otherwise (a day, a week, a
// range) part reads what each owed when the months start (one look-up
// a customer, migration 0032) and they are worked forward. A key that
// owed and moved nothing in the months gets months of its own, so the
// total's months hold it too.
func owedMonths(ctx context.Context, q StatQuery, scope store.StatScope, money bool, from string,
	endsWithMonths bool) (part func(*store.Tx) error, fill owedFill) {
	if q.Months <= 0 || !q.Open || !money || scope.Goods() || !trendReads(q.TrendOf, store.StatOpen) {
		return nil, func(map[string][]store.StatFigures, []store.StatRow) {}
	}
	if endsWithMonths {
		return nil, func(trend map[string][]store.StatFigures, rows []store.StatRow) {
			if trend == nil {
				return
			}
			owed := owedOf(trend, rows, StatNow, q.Months)
			for key, series := range trend {
				run := owed[key]
				for i := len(series) - 1; i >= 0; i-- {
					series[i].Open.Amount = run
					run -= series[i].Shipped.Amount - series[i].Received.Amount
				}
			}
		}
	}
	var start []store.StatRow
	part = func(tx *store.Tx) (err error) {
		start, err = tx.StatOwed(ctx, scope, []store.StatSpan{{To: from + "-01"}})
		return err
	}
	return part, func(trend map[string][]store.StatFigures, _ []store.StatRow) {
		if trend == nil {
			return
		}
		owed := owedOf(trend, start, 0, q.Months)
		for key, series := range trend {
			run := owed[key]
			for i := range series {
				run += series[i].Shipped.Amount - series[i].Received.Amount
				series[i].Open.Amount = run
			}
		}
	}
}

// owedOf is what each of rows owed in its figures of span n, by key,
// each key that owed given months in trend if it had none.
func owedOf(trend map[string][]store.StatFigures, rows []store.StatRow, n, months int) map[string]store.Money {
	owed := make(map[string]store.Money, len(rows))
	for _, r := range rows {
		if m := r.Figures[n].Open.Amount; m != 0 {
			owed[r.Key] = m
			if trend[r.Key] == nil {
				trend[r.Key] = make([]store.StatFigures, months)
			}
		}
	}
	return owed
}

// trendReads says whether a trend of measures (none: every one) holds m.
func trendReads(measures []store.StatMeasure, m store.StatMeasure) bool {
	return len(measures) == 0 || slices.Contains(measures, m)
}

// trendMeasures are the measures a trend reads for those asked: Open is
// a balance worked out from shipped and received, so those come too.
func trendMeasures(asked []store.StatMeasure) []store.StatMeasure {
	if len(asked) == 0 || !slices.Contains(asked, store.StatOpen) {
		return asked
	}
	return append(slices.Clone(asked), store.StatShipped, store.StatReceived)
}
