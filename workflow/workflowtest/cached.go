package workflowtest

import (
	"sync"
	"testing"
	"time"

	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// Cached opens, for tb, its own copy of a database that build fills
// once and the temporary folder keeps under name (put the schema
// version and a generation in it), dated today: the store's clock stops
// there and the engine works in UTC. With the tests on PostgreSQL
// (storetest.OnPostgres) it is built once per test binary on the
// binary's private server, and each copy is PostgreSQL's own.
func Cached(tb testing.TB, name string, today time.Time, build func(*workflow.Engine)) *workflow.Engine {
	tb.Helper()
	fill := func(path string) {
		eng := Open(tb, path)
		eng.SetLocation(time.UTC)
		build(eng)
		if err := eng.Store().Close(); err != nil {
			tb.Fatal(err)
		}
	}
	var path string
	if storetest.OnPostgres() {
		b, _ := onPostgres.LoadOrStore(name, &storetest.Built[string]{})
		path = b.(*storetest.Built[string]).Get(tb, name, func() string {
			url := storetest.PostgresKept(tb)
			fill(url)
			return url
		})
	} else {
		path = storetest.CodeCachedDB(tb, name, fill)
	}
	eng := Open(tb, storetest.CopyDB(tb, path))
	tb.Cleanup(func() { eng.Store().Close() })
	eng.Store().Now = func() time.Time { return today }
	eng.SetLocation(time.UTC)
	return eng
}

// onPostgres holds the databases Cached built on PostgreSQL, by name.
var onPostgres sync.Map // name → *storetest.Built[string]
