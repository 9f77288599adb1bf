package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// BenchApplicationID marks a database built for measuring (SQLite's
// PRAGMA application_id, "odBN"): its generator wrote rows around the
// guard triggers, so the workflow's rules never held in it and the desk
// must not open it.
const BenchApplicationID int32 = 0x6F64424E

// ErrBenchDB refuses a database built for benchmarks at the desk.
var ErrBenchDB = errors.New("the database was generated for benchmarks, around the workflow's rules: it cannot be used at the desk")

// Option changes how Open treats a file.
type Option func(*openOptions)

type openOptions struct {
	allowBench bool
	auditKey   *AuditKeyFiles
	upgrade    bool // PostgreSQL: bring an older schema up to date (the owner's setup)
}

// AllowBenchDB lets Open accept a database built for benchmarks: for the
// tests and benchmarks that built it, never for the desk.
func AllowBenchDB() Option { return func(o *openOptions) { o.allowBench = true } }

// MarkBench marks db, a benchmark generator's connection to a new file,
// as built for measuring, before it writes around the rules.
func MarkBench(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", BenchApplicationID))
	return err
}

// refuseBench refuses a database marked by MarkBench unless allowed, and
// reports whether it is one.
func refuseBench(ctx context.Context, db *sql.DB, o openOptions) (bool, error) {
	var id int32
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return false, classify(err)
	}
	if id == BenchApplicationID && !o.allowBench {
		return true, ErrBenchDB
	}
	return id == BenchApplicationID, nil
}

// options gathers what opts set.
func options(opts []Option) openOptions {
	var o openOptions
	for _, opt := range opts {
		opt(&o)
	}
	return o
}
