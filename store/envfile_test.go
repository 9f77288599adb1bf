package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// Building the env runs every migration and a dozen writes through
// SQLite, which the race detector slows to seconds. It is built once per
// test binary into envDir, closed, and every test works on its own copy
// of the file: a copy costs a millisecond.
var envDir string

func TestMain(m *testing.M) { storetest.MainWithFixtureDir(m, "store-env-", &envDir) }

var builtEnv envTemplate

// envTemplate is the env built once; its store is closed and its users,
// ids and clock are what every copy starts from.
type envTemplate struct{ storetest.Built[*env] }

func (b *envTemplate) get(t *testing.T) *env {
	t.Helper()
	return b.Get(t, "the env", func() *env {
		v := buildEnv(t, filepath.Join(envDir, "desk.db"))
		if err := v.st.Close(); err != nil {
			t.Fatal(err)
		}
		return v
	})
}

// clone opens, for t, a copy of v's closed database with its own engine,
// the clock going on from where the build left it.
func (v *env) clone(t *testing.T) *env {
	t.Helper()
	c := *v
	c.t, c.path = t, filepath.Join(t.TempDir(), "desk.db")
	storetest.CopyFile(t, v.path, c.path, 0o600)
	st, err := store.Open(c.ctx, c.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c.st = st
	c.tick()
	if c.e, err = workflow.New(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return &c
}

// builtFile is a database built once per test binary into envDir by
// build, and closed: get returns its path, for each test to copy.
type builtFile struct {
	name  string
	build func(context.Context, *workflow.Engine) error
	storetest.Built[string]
}

func (b *builtFile) get(t testing.TB) string {
	t.Helper()
	return b.Get(t, b.name, func() string {
		path := filepath.Join(envDir, b.name)
		eng := workflowtest.Open(t, path)
		defer eng.Store().Close()
		if err := b.build(context.Background(), eng); err != nil {
			t.Fatal(err)
		}
		if err := eng.Store().Close(); err != nil {
			t.Fatal(err)
		}
		return path
	})
}
