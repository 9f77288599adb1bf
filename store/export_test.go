package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"orderdesk/store/pgschema"
)

// SetBusyTimeout shortens the lock wait for a test and returns the undo.
func SetBusyTimeout(d time.Duration) func() {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}

// WriterDSN is the data source the store's writer opens path with, for
// the benchmarks' bare commit on the same settings.
func WriterDSN(path string) string { return dsn(path, true) }

// OrderSearchTexts returns an order version's entry in the filter's
// index as written, and as worked out again from what the order stores.
func (t *Tx) OrderSearchTexts(ctx context.Context, docID int64) (stored, read string, err error) {
	if err := t.row(ctx, `SELECT text FROM order_search WHERE doc_id = ?`, docID).Scan(&stored); err != nil {
		return "", "", err
	}
	read, err = t.readOrderSearchText(ctx, docID)
	return stored, read, err
}

// VisitLogToMoveQuery is the search VisitLogToMove runs, for its plan.
func VisitLogToMoveQuery(roles []string) string { return visitLogToMoveQuery(roles) }

// MigrationVersion is the version of the migration whose file is named
// NNNN_name.sql, 0 when there is none: a test rolling a file back to
// before one names it, so that migrations added after it (and their
// renumbering) leave the test as it is.
func MigrationVersion(name string) int {
	ms, _ := loadMigrations()
	for _, m := range ms {
		if strings.HasSuffix(m.name, "_"+name+".sql") {
			return m.version
		}
	}
	return 0
}

// DumpPostgres writes the PostgreSQL database at dbURL to path with
// pg_dump as Backup does, unchecked: for a test's archive that Backup
// would refuse to keep (another program's, or too new).
func DumpPostgres(ctx context.Context, dbURL, path string) error {
	db, err := sql.Open(pgschema.DriverName, pgschema.DSN(dbURL))
	if err != nil {
		return err
	}
	defer db.Close()
	s := &Store{path: dbURL, read: db, pg: true}
	return s.dumpTo(ctx, path)
}
