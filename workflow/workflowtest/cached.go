package workflowtest

import (
	"path/filepath"
	"testing"
	"time"

	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// Cached opens, for tb, its own copy of a database that build fills
// once and the temporary folder keeps under name (put the schema
// version and a generation in it), dated today: the store's clock stops
// there and the engine works in UTC.
func Cached(tb testing.TB, name string, today time.Time, build func(*workflow.Engine)) *workflow.Engine {
	tb.Helper()
	path := storetest.CodeCachedDB(tb, name, func(path string) {
		eng := Open(tb, path)
		eng.SetLocation(time.UTC)
		build(eng)
		if err := eng.Store().Close(); err != nil {
			tb.Fatal(err)
		}
	})
	mine := filepath.Join(tb.TempDir(), filepath.Base(name))
	storetest.CopyFile(tb, path, mine, 0o600)
	eng := Open(tb, mine)
	tb.Cleanup(func() { eng.Store().Close() })
	eng.Store().Now = func() time.Time { return today }
	eng.SetLocation(time.UTC)
	return eng
}
