package storetest

import (
	"database/sql"
	"strings"
	"testing"

	_ "modernc.org/sqlite" // the driver orderdesk's own files are written with

	"orderdesk/store"
	"orderdesk/store/pgschema"
)

// Raw opens the database file at path as a script or the sqlite3 shell
// would: no orderdesk code, no pragmas (so no foreign keys either), one
// connection, closed when tb ends.
// A PostgreSQL URL is opened the same way (rawPostgres).
func Raw(tb testing.TB, path string) *sql.DB {
	if store.IsPostgresURL(path) {
		tb.Helper()
		// The attacks are written in SQLite's dialect; the store's driver
		// carries them over as a script's would be.
		db, err := sql.Open(pgschema.DriverName, pgschema.DSN(path))
		if err != nil {
			tb.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		tb.Cleanup(func() { db.Close() })
		return db
	}
	return open(tb, "file:"+path)
}

// ReadOnly is Raw, opened read-only (on PostgreSQL, every transaction
// read-only).
func ReadOnly(tb testing.TB, path string) *sql.DB {
	if store.IsPostgresURL(path) {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		return Raw(tb, path+sep+"default_transaction_read_only=on")
	}
	return open(tb, "file:"+path+"?mode=ro")
}

func open(tb testing.TB, dsn string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	return db
}

// IsPostgres says whether db was opened by Raw on a PostgreSQL database.
func IsPostgres(db *sql.DB) bool {
	_, ok := db.Driver().(pgschema.Driver)
	return ok
}
