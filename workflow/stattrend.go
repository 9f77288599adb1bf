package workflow

import (
	"context"
	"time"

	"orderdesk/store"
)

// statTrendParts are the reads of the months' series from the month
// from (YYYY-MM) on, split into two spans of months that can be read
// side by side (store.ReadSideBySide); join puts the halves together as
// one series a key, the keys with nothing in one half given zeros there.
// No months, no reads.
func statTrendParts(ctx context.Context, scope store.StatScope, from string, months int,
	measures []store.StatMeasure) (parts []func(*store.Tx) error, join func() map[string][]store.StatFigures) {
	if months <= 0 {
		return nil, func() map[string][]store.StatFigures { return nil }
	}
	first, err := time.Parse("2006-01", from)
	if err != nil {
		first = time.Time{} // StatSeries answers a bad month with no series
	}
	month := func(n int) string { return first.AddDate(0, n, 0).Format("2006-01") }
	halves := []int{0, months / 2, months}
	if months < 2 {
		halves = []int{0, months}
	}
	got := make([]map[string][]store.StatFigures, len(halves)-1)
	for i := range got {
		parts = append(parts, func(tx *store.Tx) (err error) {
			got[i], err = tx.StatSeries(ctx, scope, month(halves[i]), month(halves[i+1]), measures...)
			return err
		})
	}
	join = func() map[string][]store.StatFigures {
		out := map[string][]store.StatFigures{}
		for i, half := range got {
			for key, series := range half {
				whole := out[key]
				if whole == nil {
					whole = make([]store.StatFigures, months)
					out[key] = whole
				}
				copy(whole[halves[i]:], series)
			}
		}
		return out
	}
	return parts, join
}
