package store_test

import (
	"context"
	"errors"
	"testing"

	"orderdesk/store"
)

// A database a benchmark generator marked is refused at the desk, and
// opens only for the tests that ask for it.
func TestOpenRefusesBenchDB(t *testing.T) {
	ctx := context.Background()
	path := newDB(t)
	db := raw(t, path)
	if err := store.MarkBench(ctx, db); err != nil {
		t.Fatal(err)
	}
	db.Close()

	st, err := store.Open(ctx, path)
	if !errors.Is(err, store.ErrBenchDB) {
		if st != nil {
			st.Close()
		}
		t.Fatalf("Open of a benchmark database: got %v, want ErrBenchDB", err)
	}
	st, err = store.Open(ctx, path, store.AllowBenchDB())
	if err != nil {
		t.Fatalf("Open with AllowBenchDB: %v", err)
	}
	st.Close()
	if _, err := store.Open(ctx, newDB(t)); err != nil {
		t.Fatalf("an ordinary database: %v", err)
	}
}
