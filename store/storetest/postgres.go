package storetest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"orderdesk/internal/pgcluster"
)

// One PostgreSQL server per test binary, started by the first test that
// asks for a database and stopped by StopPostgres (from TestMain) or,
// failing that, with the process.
var pg struct {
	once    sync.Once
	cluster *pgcluster.Cluster
	err     error
	made    atomic.Int64
}

// OnPostgres says whether the tests were asked to put their databases
// on PostgreSQL (ORDERDESK_TEST_POSTGRES=1) rather than in SQLite files.
func OnPostgres() bool { return os.Getenv("ORDERDESK_TEST_POSTGRES") == "1" }

// Postgres returns the URL of a new, empty database on the test
// binary's private server; it is dropped when tb ends.
func Postgres(tb testing.TB) string {
	tb.Helper()
	return dropAtEnd(tb, PostgresKept(tb))
}

// PostgresKept is Postgres for a database that outlives tb: one built
// once per test binary that later tests copy (PostgresCopy). It goes
// with the server.
func PostgresKept(tb testing.TB) string {
	tb.Helper()
	return newDatabase(tb, func(name string) (string, error) {
		return pg.cluster.CreateDatabase(context.Background(), name)
	})
}

// PostgresCopy returns the URL of a new database on the test binary's
// server made from the database at from by PostgreSQL's own copy
// (CREATE DATABASE … TEMPLATE: its files, nothing replayed), as a
// closed SQLite file is copied. Every connection to from must be closed.
func PostgresCopy(tb testing.TB, from string) string {
	tb.Helper()
	u, err := url.Parse(from)
	if err != nil {
		tb.Fatal(err)
	}
	return dropAtEnd(tb, newDatabase(tb, func(name string) (string, error) {
		return pg.cluster.CopyDatabase(context.Background(), name, strings.TrimPrefix(u.Path, "/"))
	}))
}

// dropAtEnd drops the database at dbURL when tb ends, after tb's own
// cleanups (registered later, run first) have closed their stores.
// Hundreds of tests each leave a database of several megabytes; kept,
// they filled a CI machine's disk before the suite ended.
func dropAtEnd(tb testing.TB, dbURL string) string {
	tb.Helper()
	u, err := url.Parse(dbURL)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := pg.cluster.DropDatabase(context.Background(), strings.TrimPrefix(u.Path, "/")); err != nil {
			tb.Errorf("dropping the test's database: %v", err)
		}
	})
	return dbURL
}

// newDatabase makes a database named for tb on the server, which it
// starts on first use, by create.
func newDatabase(tb testing.TB, create func(name string) (string, error)) string {
	tb.Helper()
	pg.once.Do(func() { pg.cluster, pg.err = pgcluster.Start(context.Background()) })
	if pg.err != nil {
		tb.Fatal(pg.err)
	}
	name := fmt.Sprintf("t%d_%s", pg.made.Add(1), strings.ToLower(strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, tb.Name())))
	dbURL, err := create(name[:min(len(name), 60)])
	if err != nil {
		tb.Fatal(err)
	}
	return dbURL
}

// StopPostgres stops the server if a test started one.
func StopPostgres() {
	if pg.cluster != nil {
		pg.cluster.Stop()
	}
}
