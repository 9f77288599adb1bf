package storetest

import (
	"context"
	"fmt"
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

// Postgres returns the URL of a new, empty database on the test
// binary's private server.
func Postgres(tb testing.TB) string {
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
	url, err := pg.cluster.CreateDatabase(context.Background(), name[:min(len(name), 60)])
	if err != nil {
		tb.Fatal(err)
	}
	return url
}

// StopPostgres stops the server if a test started one.
func StopPostgres() {
	if pg.cluster != nil {
		pg.cluster.Stop()
	}
}
