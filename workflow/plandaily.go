package workflow

import (
	"context"
	"strconv"
	"time"

	"orderdesk/store"
)

// dailyOrdered reads, from the statistics aggregates (stat_days), the
// tonnes rep's customers ordered on each day of span up to today (the
// whole month once it is over; none for a month still to come), as the
// Statistics screen counts them: on the day the contract came back
// signed.
func (e *Engine) dailyOrdered(ctx context.Context, tx *store.Tx, repID int64, span monthSpan) ([]store.Milli, error) {
	today := e.Now().Format(time.DateOnly)
	days := 0
	for d := span.from; d.Before(span.to) && d.Format(time.DateOnly) <= today; d = d.AddDate(0, 0, 1) {
		days++
	}
	if days == 0 {
		return nil, nil
	}
	spans := make([]store.StatSpan, days)
	for i := range spans {
		d := span.from.AddDate(0, 0, i)
		spans[i] = store.StatSpan{From: d.Format(time.DateOnly), To: d.AddDate(0, 0, 1).Format(time.DateOnly)}
	}
	scope := store.StatScope{Dim: store.StatAll, Filters: []store.StatFilter{{Dim: store.StatRep, Key: strconv.FormatInt(repID, 10)}}}
	rows, err := tx.StatRows(ctx, scope, spans, false)
	if err != nil {
		return nil, err
	}
	out := make([]store.Milli, days)
	for _, r := range rows {
		for i, f := range r.Figures {
			out[i] += f.Ordered.Tonnes
		}
	}
	return out, nil
}
