package workflow_test

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
)

// Whatever the span (a month, a quarter, a year, a range over a whole
// year with ragged ends, ranges of whole quarters between ragged months) and whatever the scope (every dimension, a
// product's customers, a customer's goods, a city's goods, a rep's
// goods), the figures read from the roll-ups are the days' figures added
// up one day at a time.
func TestStatisticsFromRollupsAreTheDays(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	first, last := "2024-12-15", "2026-02-10"
	spans := []store.StatSpan{{From: "2026-01-01", To: "2026-02-01"}, {From: "2025-07-01", To: "2025-10-01"},
		{From: "2025-01-01", To: "2026-01-01"}, {From: first, To: last}, {From: "2025-11-15", To: "2026-01-20"},
		{From: "2025-02-10", To: "2026-02-10"}, {From: "2025-01-20", To: "2025-12-05"}}
	var scopes []store.StatScope
	for _, dim := range store.StatDims {
		scopes = append(scopes, store.StatScope{Dim: dim})
	}
	// Keys to filter by, taken from the year's rows.
	key := func(dim store.StatDim) string {
		var rows []store.StatRow
		if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
			rows, err = tx.StatRows(ctx, store.StatScope{Dim: dim}, spans[2:3], false)
			return err
		}); err != nil || len(rows) == 0 {
			t.Fatalf("no %s in 2025: %v", dim, err)
		}
		return rows[len(rows)/2].Key
	}
	scopes = append(scopes,
		store.StatScope{Dim: store.StatCustomer, Filters: []store.StatFilter{{Dim: store.StatItem, Key: key(store.StatItem)}}},
		store.StatScope{Dim: store.StatGrade, Filters: []store.StatFilter{{Dim: store.StatCustomer, Key: key(store.StatCustomer)}}},
		store.StatScope{Dim: store.StatItem, Filters: []store.StatFilter{{Dim: store.StatCity, Key: key(store.StatCity)}}},
		store.StatScope{Dim: store.StatName, Filters: []store.StatFilter{{Dim: store.StatRep, Key: key(store.StatRep)}}})
	day0, _ := time.Parse(time.DateOnly, first)
	end, _ := time.Parse(time.DateOnly, last)
	for _, scope := range scopes {
		// Each key's figures day by day (a span of one day reads the days).
		byDay := map[string]map[string]store.StatFigures{}
		err := eng.Store().Read(ctx, func(tx *store.Tx) error {
			for d := day0; d.Before(end); d = d.AddDate(0, 0, 1) {
				span := store.StatSpan{From: d.Format(time.DateOnly), To: d.AddDate(0, 0, 1).Format(time.DateOnly)}
				rows, err := tx.StatRows(ctx, scope, []store.StatSpan{span}, false)
				if err != nil {
					return err
				}
				for _, r := range rows {
					if byDay[r.Key] == nil {
						byDay[r.Key] = map[string]store.StatFigures{}
					}
					byDay[r.Key][span.From] = r.Figures[0]
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var rows []store.StatRow
		if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { rows, err = tx.StatRows(ctx, scope, spans, false); return err }); err != nil {
			t.Fatal(err)
		}
		got := map[string]store.StatRow{}
		for _, r := range rows {
			got[r.Key] = r
		}
		seen := false
		for k, days := range byDay {
			for n, span := range spans {
				var want store.StatFigures
				for day, f := range days {
					if day >= span.From && day < span.To {
						want = want.Add(f)
					}
				}
				var have store.StatFigures
				if r, ok := got[k]; ok {
					have = r.Figures[n]
				}
				if have != want {
					t.Errorf("%s %v, key %s, %v: %+v, the days add up to %+v", scope.Dim, scope.Filters, k, span, have, want)
				}
				seen = seen || !want.Zero()
			}
		}
		for k, r := range got {
			if _, ok := byDay[k]; !ok {
				t.Errorf("%s %v, key %s: %+v on no day", scope.Dim, scope.Filters, k, r.Figures)
			}
		}
		if !seen {
			t.Errorf("%s %v: nothing in any span", scope.Dim, scope.Filters)
		}
	}
}
