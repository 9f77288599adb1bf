package store_test

import (
	"context"
	"fmt"
	"testing"

	"orderdesk/internal/benchgen/statvolume"
	"orderdesk/store"
)

// BenchmarkStatisticsQueries times the store's part of every statistics
// view on the two-year volume the dashboard's benchmark builds straight
// into the roll-ups (5,000 customers, 2.2 million day rows): a month, a
// quarter and a year by every dimension beside the period before and
// the same period last year, a year of a product's customers, and the
// 24-month trend of every customer.
// The desk adds labels and sorting to what these return.
//
//	go test -run '^$' -bench StatisticsQueries ./store
func BenchmarkStatisticsQueries(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, statvolume.DB(b), store.AllowBenchDB())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	periods := []struct {
		name  string
		spans []store.StatSpan // now, before, last year
	}{
		{"month", []store.StatSpan{{From: "2026-10-01", To: "2026-11-01"}, {From: "2026-09-01", To: "2026-10-01"}, {From: "2025-10-01", To: "2025-11-01"}}},
		{"quarter", []store.StatSpan{{From: "2026-07-01", To: "2026-10-01"}, {From: "2026-04-01", To: "2026-07-01"}, {From: "2025-07-01", To: "2025-10-01"}}},
		{"year", []store.StatSpan{{From: "2025-01-01", To: "2026-01-01"}, {From: "2024-01-01", To: "2025-01-01"}, {From: "2024-01-01", To: "2025-01-01"}}},
	}
	for _, p := range periods {
		for _, dim := range store.StatDims {
			b.Run(p.name+" by "+string(dim), func(b *testing.B) {
				timedReads(b, st, func(tx *store.Tx) error {
					_, err := tx.StatRows(ctx, store.StatScope{Dim: dim}, p.spans, false)
					return err
				})
			})
		}
	}
	// A drill-down that splits goods by customer: a product's customers.
	b.Run("year, a product's customers", func(b *testing.B) {
		timedReads(b, st, func(tx *store.Tx) error {
			_, err := tx.StatRows(ctx, store.StatScope{Dim: store.StatCustomer, Filters: []store.StatFilter{{Dim: store.StatItem, Key: "7"}}},
				periods[2].spans, false)
			return err
		})
	})
	// A month's figures and what each owes at its three ends: every
	// customer, and one rep's (a drill from the reps).
	for _, scope := range []store.StatScope{{Dim: store.StatCustomer},
		{Dim: store.StatCustomer, Filters: []store.StatFilter{{Dim: store.StatRep, Key: "1003"}}}} {
		b.Run(fmt.Sprintf("month, each customer's figures, %d filters", len(scope.Filters)), func(b *testing.B) {
			timedReads(b, st, func(tx *store.Tx) error {
				_, err := tx.StatRows(ctx, scope, periods[0].spans, false)
				return err
			})
		})
		b.Run(fmt.Sprintf("month, what each customer owes, %d filters", len(scope.Filters)), func(b *testing.B) {
			timedReads(b, st, func(tx *store.Tx) error {
				_, err := tx.StatOwed(ctx, scope, periods[0].spans)
				return err
			})
		})
		// As the desk reads it: its two halves side by side.
		b.Run(fmt.Sprintf("month, what each customer owes, halves side by side, %d filters", len(scope.Filters)), func(b *testing.B) {
			half := func(n int) func(tx *store.Tx) error {
				return func(tx *store.Tx) error {
					_, err := tx.StatOwedHalf(ctx, scope, periods[0].spans, n)
					return err
				}
			}
			timedRuns(b, func() error { return st.ReadSideBySide(ctx, half(0), half(1)) })
		})
	}
	b.Run("24-month trend of every customer", func(b *testing.B) {
		timedReads(b, st, func(tx *store.Tx) error {
			_, err := tx.StatSeries(ctx, store.StatScope{Dim: store.StatCustomer}, "2024-11", "2026-11")
			return err
		})
	})
	// As the desk reads it (workflow.Desk.Statistics): each year of the
	// 24 months in a snapshot of its own, side by side.
	b.Run("24-month trend of every customer, halves side by side", func(b *testing.B) {
		half := func(from, to string) func(tx *store.Tx) error {
			return func(tx *store.Tx) error {
				_, err := tx.StatSeries(ctx, store.StatScope{Dim: store.StatCustomer}, from, to)
				return err
			}
		}
		timedRuns(b, func() error { return st.ReadSideBySide(ctx, half("2024-11", "2025-11"), half("2025-11", "2026-11")) })
	})
}
