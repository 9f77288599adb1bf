package store_test

import (
	"context"
	"fmt"
	"sort"
	"syscall"
	"testing"
	"time"

	"orderdesk/internal/benchgen/statvolume"
	"orderdesk/store"
)

// BenchmarkDashboardQueries times the store's part of the dashboard on
// that volume, for the whole office and for one rep: the month's days
// (read whole when the screen opens), what is overdue by due day, and
// the two refreshes a change elsewhere makes (after an order's change
// today's days, the month's total and its five leading customers and
// goods; after an invoice's,
// those and the overdue money). p50 and p99 are reported.
//
//	go test -run '^$' -bench DashboardQueries ./store
func BenchmarkDashboardQueries(b *testing.B) {
	ctx := context.Background()
	st, err := store.Open(ctx, statvolume.DB(b), store.AllowBenchDB())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	month := store.StatSpan{From: "2026-10-01", To: "2026-11-01"}
	scope := func(dim store.StatDim, rep bool) store.StatScope {
		s := store.StatScope{Dim: dim}
		if rep {
			s.Filters = []store.StatFilter{{Dim: store.StatRep, Key: "1002"}}
		}
		return s
	}
	// A refresh reads today's days and the month roll-ups (the days
	// before today are kept while they add up to the month).
	figures := func(tx *store.Tx, rep bool) error {
		if _, err := tx.StatDaily(ctx, scope(store.StatAll, rep), store.StatSpan{From: statvolume.Last, To: "2026-11-01"}); err != nil {
			return err
		}
		if _, err := tx.StatRows(ctx, scope(store.StatAll, rep), []store.StatSpan{month}, false); err != nil {
			return err
		}
		if _, err := tx.StatTop(ctx, scope(store.StatCustomer, rep), month, false, 5); err != nil {
			return err
		}
		_, err := tx.StatTop(ctx, scope(store.StatItem, rep), month, false, 5)
		return err
	}
	overdue := func(tx *store.Tx, rep bool) error {
		var id int64
		if rep {
			id = 1002
		}
		dues, err := tx.OverdueByDue(ctx, statvolume.Last, statvolume.Last, id)
		if err == nil && len(dues) == 0 {
			err = fmt.Errorf("nothing overdue")
		}
		return err
	}
	for _, who := range []struct {
		name string
		rep  bool
	}{{"office", false}, {"a rep", true}} {
		for _, c := range []struct {
			name string
			read func(tx *store.Tx) error
		}{
			{"month by day", func(tx *store.Tx) error {
				_, err := tx.StatDaily(ctx, scope(store.StatAll, who.rep), month)
				return err
			}},
			{"overdue by due day", func(tx *store.Tx) error { return overdue(tx, who.rep) }},
			{"after an order's change", func(tx *store.Tx) error { return figures(tx, who.rep) }},
			{"after an invoice's change", func(tx *store.Tx) error {
				if err := figures(tx, who.rep); err != nil {
					return err
				}
				return overdue(tx, who.rep)
			}},
		} {
			b.Run(who.name+" "+c.name, func(b *testing.B) { timedReads(b, st, c.read) })
		}
	}
}

// timedReads runs read in a read transaction for as long as b asks,
// reporting p50, p99 and the process's CPU time per read: the work
// itself, apart from waiting for a core on a shared machine.
func timedReads(b *testing.B, st *store.Store, read func(tx *store.Tx) error) {
	timedRuns(b, func() error { return st.Read(context.Background(), read) })
}

// timedRuns runs read as the benchmark's loop and reports its CPU per run
// and its p50 and p99 wall time.
func timedRuns(b *testing.B, read func() error) {
	var times []time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		t0 := time.Now()
		if err := read(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(times)), "cpu-ms/op")
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
