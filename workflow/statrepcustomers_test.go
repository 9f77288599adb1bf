package workflow_test

import (
	"context"
	"reflect"
	"testing"

	"orderdesk/store"
)

// A rep's customers, read through the customers by rep (migration
// 0031), are the rows of every customer whose rep they are: the figures
// of each span, what each owes at its end and the months of the trend,
// for every rep and for the customers of none (rep 0).
func TestStatisticsOfARepAreTheirCustomersRows(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	spans := []store.StatSpan{{From: "2026-01-01", To: "2026-02-01"}, {From: "2025-07-01", To: "2025-10-01"},
		{From: "2025-01-01", To: "2026-01-01"}, {From: "2025-11-15", To: "2026-01-20"}}
	repOf := map[string]string{}
	var all []store.StatRow
	var allTrend map[string][]store.StatFigures
	err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
		// Each customer's rep, read by the customer (the rep joined, not
		// picked): the customers of no rep have none.
		for _, c := range mustRows(t, tx, store.StatScope{Dim: store.StatCustomer}) {
			for _, r := range mustRows(t, tx, store.StatScope{Dim: store.StatRep, Filters: []store.StatFilter{{Dim: store.StatCustomer, Key: c.Key}}}) {
				repOf[c.Key] = r.Key
			}
		}
		if all, err = tx.StatRows(ctx, store.StatScope{Dim: store.StatCustomer}, spans, true); err != nil {
			return err
		}
		allTrend, err = tx.StatSeries(ctx, store.StatScope{Dim: store.StatCustomer}, "2024-12", "2026-02")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	reps := map[string]bool{"0": true}
	for _, rep := range repOf {
		reps[rep] = true
	}
	if len(reps) < 3 {
		t.Fatalf("reps %v: too few to compare", reps)
	}
	for rep := range reps {
		scope := store.StatScope{Dim: store.StatCustomer, Filters: []store.StatFilter{{Dim: store.StatRep, Key: rep}}}
		var rows []store.StatRow
		var trend map[string][]store.StatFigures
		err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
			if rows, err = tx.StatRows(ctx, scope, spans, true); err != nil {
				return err
			}
			trend, err = tx.StatSeries(ctx, scope, "2024-12", "2026-02")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		var want []store.StatRow
		wantTrend := map[string][]store.StatFigures{}
		for _, r := range all {
			if repOf[r.Key] == rep || false {
				want = append(want, r)
			}
		}
		for k, s := range allTrend {
			if repOf[k] == rep || false {
				wantTrend[k] = s
			}
		}
		if rep != "0" && len(want) == 0 {
			t.Errorf("rep %s: no customer to compare", rep)
		}
		if !reflect.DeepEqual(rows, want) && !(len(rows) == 0 && len(want) == 0) {
			t.Errorf("rep %s: %d rows, their customers' are %d:\n%+v\n%+v", rep, len(rows), len(want), rows, want)
		}
		if !reflect.DeepEqual(trend, wantTrend) {
			t.Errorf("rep %s: trend of %d customers, their customers' %d", rep, len(trend), len(wantTrend))
		}
	}
}

// mustRows is the rows of scope with anything in three years.
func mustRows(t *testing.T, tx *store.Tx, scope store.StatScope) []store.StatRow {
	t.Helper()
	rows, err := tx.StatRows(context.Background(), scope, []store.StatSpan{{From: "2024-01-01", To: "2027-01-01"}}, true)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
