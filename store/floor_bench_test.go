package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"orderdesk/store"
)

// bareCommit returns a one-row write transaction on a database of its
// own in dir, opened as the store opens its writer (WAL,
// synchronous=FULL): the floor the disk sets under every save.
func bareCommit(b *testing.B, dir string) func() error {
	b.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", store.WriterDSN(filepath.Join(dir, "floor.db")))
	if err != nil {
		b.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	b.Cleanup(func() { db.Close() })
	if _, err := db.ExecContext(ctx, `CREATE TABLE floor(id INTEGER PRIMARY KEY, v TEXT)`); err != nil {
		b.Fatal(err)
	}
	ins, err := db.PrepareContext(ctx, `INSERT INTO floor(v) VALUES (?)`)
	if err != nil {
		b.Fatal(err)
	}
	return func() error {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.StmtContext(ctx, ins).ExecContext(ctx, "沈阳钢铁有限公司"); err != nil {
			tx.Rollback()
			return err
		}
		return tx.Commit()
	}
}

// timedAgainst is timed with the floor run after every operation, on the
// same machine in the same moment: absolute times on a shared machine
// drift by a third within minutes, the difference of the two does not.
// Beside timed's figures it reports the floor's p50, the desk's own work
// (the operation's p50 less the floor's) and their ratio.
func timedAgainst(b *testing.B, floor func() error, next func(i int) func() error) {
	b.Helper()
	ops, floors := timedLoop(b, floor, next)
	opP50, floorP50 := p50(ops), p50(floors)
	reportLatency(b, ops)
	b.ReportMetric(floorP50, "floor-µs-p50")
	b.ReportMetric(opP50-floorP50, "own-µs-p50")
	if floorP50 > 0 {
		b.ReportMetric(opP50/floorP50, "x-floor")
	}
}

// timedLoop runs the benchmark's iterations: next(i)'s operation timed,
// then (if there is one) the floor, timed apart.
func timedLoop(b *testing.B, floor func() error, next func(i int) func() error) (ops, floors []time.Duration) {
	b.Helper()
	for i := 0; b.Loop(); i++ {
		op := next(i)
		start := time.Now()
		err := op()
		ops = append(ops, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if floor == nil {
			continue
		}
		start = time.Now()
		if err := floor(); err != nil {
			b.Fatal(err)
		}
		floors = append(floors, time.Since(start))
	}
	return ops, floors
}

// p50 is the median of d in microseconds; it sorts d.
func p50(d []time.Duration) float64 {
	if len(d) == 0 {
		return 0
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return float64(d[len(d)/2].Nanoseconds()) / 1e3
}
