package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// owedTrendPart reads what each key of scope owed at the start of the
// trend's first month (from, YYYY-MM); fill then gives every month of
// the trend what the key owed at its end, as a period's Open reads it:
// that start plus each month's shipped less received up to it. So the
// months show a balance for Open as they show a flow for the rest, for
// the price of one look-up a customer (migration 0032) beside the
// months' read. A key that owed at the start and moved nothing since
// gets months of its own, so the total's months hold it too.
func owedTrendPart(ctx context.Context, scope store.StatScope, from string, months int) (part func(*store.Tx) error,
	fill func(trend map[string][]store.StatFigures)) {
	var start []store.StatRow
	part = func(tx *store.Tx) (err error) {
		start, err = tx.StatOwed(ctx, scope, []store.StatSpan{{To: from + "-01"}})
		return err
	}
	fill = func(trend map[string][]store.StatFigures) {
		owed := make(map[string]store.Money, len(start))
		for _, r := range start {
			owed[r.Key] = r.Figures[0].Open.Amount
			if trend[r.Key] == nil {
				trend[r.Key] = make([]store.StatFigures, months)
			}
		}
		for key, series := range trend {
			run := owed[key]
			for i := range series {
				run += series[i].Shipped.Amount - series[i].Received.Amount
				series[i].Open.Amount = run
			}
		}
	}
	return part, fill
}

// withOwedTrend adds to a view's trend parts (statTrendParts') what each
// key owed month by month, when the view reads what each owes, may show
// money, splits no goods and reads the months Open needs.
func withOwedTrend(ctx context.Context, q StatQuery, scope store.StatScope, money bool, from string,
	parts []func(*store.Tx) error, join func() map[string][]store.StatFigures) ([]func(*store.Tx) error, func() map[string][]store.StatFigures) {
	if len(parts) == 0 || !q.Open || !money || scope.Goods() || !trendReads(q.TrendOf, store.StatOpen) {
		return parts, join
	}
	part, fill := owedTrendPart(ctx, scope, from, q.Months)
	return append(parts, part), func() map[string][]store.StatFigures {
		trend := join()
		fill(trend)
		return trend
	}
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
