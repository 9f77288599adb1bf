package workflow

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// Building a fixture runs every migration and a few dozen writes through
// SQLite, which the race detector slows to seconds. Each fixture is built
// once per test binary into fixtureDir, closed, and every test works on
// its own copy of that file: a copy costs a millisecond. With
// ORDERDESK_TEST_POSTGRES=1 each fixture is a database on the binary's
// private PostgreSQL server, and each test's copy a database made from
// it by PostgreSQL's own copy (storetest.CopyDB).
var fixtureDir string

func TestMain(m *testing.M) { storetest.MainWithFixtureDir(m, "workflow-fixtures-", &fixtureDir) }

// built is a fixture built once: it keeps the users and ids every copy
// shares, its store closed.
type built[F interface{ base() *fixture }] struct {
	name  string
	build func(t *testing.T, path string) F
	storetest.Built[F]
}

// get builds the fixture on first use (under the first test that asks).
func (b *built[F]) get(t *testing.T) F {
	t.Helper()
	return b.Get(t, "the "+b.name+" fixture", func() F {
		f := b.build(t, storetest.NewDB(t, fixtureDir, b.name+".db"))
		if err := f.base().st.Close(); err != nil {
			t.Fatal(err)
		}
		return f
	})
}

func (f *fixture) base() *fixture { return f }

// openDB opens for t the database at path, a file or a PostgreSQL
// database's URL, closed when t ends: every test that opens a database
// by its path does it here, so that it runs on either engine.
func openDB(t testing.TB, path string, opts ...store.Option) *store.Store {
	t.Helper()
	st, err := store.OpenURL(context.Background(), path, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// clone opens, for t, a copy of the closed database of f with an engine
// set up as f's.
func (f *fixture) clone(t *testing.T) *fixture {
	t.Helper()
	st := openDB(t, storetest.CopyDB(t, f.st.Path()))
	e, err := New(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	e.loc, e.series = f.e.loc, f.e.series
	c := *f
	c.st, c.e = st, e
	return &c
}

// clone copies p for t, its clock going on from where the build left it.
func (p *pfix) clone(t *testing.T) *pfix {
	t.Helper()
	c := *p
	c.fixture, c.t = p.fixture.clone(t), t
	c.st.Now = func() time.Time { c.now = c.now.Add(time.Second); return c.now }
	return &c
}

// The fixtures built on pfix copy it and keep their own ids.
func (o *ofix) clone(t *testing.T) *ofix { c := *o; c.pfix = o.pfix.clone(t); return &c }

func (s *sfix) clone(t *testing.T) *sfix { c := *s; c.ofix = s.ofix.clone(t); return &c }

func (r *rfix) clone(t *testing.T) *rfix { c := *r; c.sfix = r.sfix.clone(t); return &c }
