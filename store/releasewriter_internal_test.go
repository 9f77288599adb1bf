package store

import (
	"context"
	"path/filepath"
	"testing"
)

// The writer's connection, opened at the start to make or check the
// file, is closed after it, whether the start made the schema or found
// it: a desk only read from never holds the parsed schema a third time.
// The first write opens it again, and it is kept.
func TestWriterReleasedAfterStart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	for _, start := range []string{"made", "found"} {
		st, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		st.preparing.Wait() // the release runs beside the first screen
		if n := st.write.Stats().OpenConnections; n != 0 {
			t.Errorf("schema %s: the writer holds %d connections after the start", start, n)
		}
		if err := st.Write(ctx, func(*Tx) error { return nil }); err != nil {
			t.Fatal(err)
		}
		if n := st.write.Stats().OpenConnections; n != 1 {
			t.Errorf("schema %s: the writer holds %d connections after a write, want 1", start, n)
		}
		st.Close()
	}
}

// A file found up to date, in a folder this process may write, is
// opened without the writer at all: opening one parses the whole schema,
// which cost a third of a cold start. A folder it may not write keeps
// the check at the start (the WAL's files could not be made at a save).
func TestUpToDateFileOpensWithoutTheWriter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "desk.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n := st.write.Stats().OpenConnections; n != 0 {
		t.Errorf("the writer was opened at the start: %d connections", n)
	}
	if st.write.Stats().WaitCount != 0 || st.write.Stats().MaxIdleClosed+st.write.Stats().MaxLifetimeClosed+st.write.Stats().MaxIdleTimeClosed != 0 {
		t.Errorf("the writer was touched at the start: %+v", st.write.Stats())
	}
}
