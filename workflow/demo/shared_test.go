package demo

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// Generating a desk takes seconds under the race detector. Tests that
// only read a desk of the same options share one: generated once per
// test binary into sharedDir, closed, and copied for each test.
var sharedDir string

func TestMain(m *testing.M) { storetest.MainWithFixtureDir(m, "demo-desks-", &sharedDir) }

// sharedDesk is a desk generated once with opts, in the desk's time
// zone as generated gives it.
type sharedDesk struct {
	name string
	opts Options
	storetest.Built[Summary]
}

// desk120 is the 120-customer desk of seed 1 that the counts and the
// pricing tests read.
var desk120 = &sharedDesk{name: "desk120", opts: options(120, 60, 1)}

// copyFor returns, for t, an engine on its own copy of the desk, the
// desk's summary and a read-only look at the copy.
func (d *sharedDesk) copyFor(t *testing.T) (*workflow.Engine, Summary, *sql.DB) {
	t.Helper()
	path := filepath.Join(sharedDir, d.name+".db")
	sum := d.Get(t, "the "+d.name+" desk", func() Summary {
		eng := openEngine(t, path)
		sum, err := Generate(context.Background(), eng, d.opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := eng.Store().Close(); err != nil {
			t.Fatal(err)
		}
		return sum
	})
	mine := filepath.Join(t.TempDir(), "demo.db")
	storetest.CopyFile(t, path, mine, 0o600)
	eng := openEngine(t, mine)
	t.Cleanup(func() { eng.Store().Close() })
	return eng, sum, rawDB(t, eng)
}

// openEngine opens the database at path with an engine in the desk's
// time zone; the caller closes its store.
func openEngine(t *testing.T, path string) *workflow.Engine {
	t.Helper()
	eng := workflowtest.Open(t, path)
	eng.SetLocation(today.Location())
	return eng
}
