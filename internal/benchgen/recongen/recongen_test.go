package recongen_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"orderdesk/internal/benchgen/recongen"
	"orderdesk/store"
)

// What the generator builds around the guard triggers never reaches a
// desk: store.Open refuses it unless a test asks for it.
func TestBuiltDatabaseRefusedAtTheDesk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := recongen.Build(ctx, path, recongen.Options{Customers: 3, Reps: 1, Months: 2, Last: "2026-10",
		InvoicesPerCM: 1, LinesPerInv: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if st, err := store.Open(ctx, path); !errors.Is(err, store.ErrBenchDB) {
		if st != nil {
			st.Close()
		}
		t.Fatalf("Open: got %v, want ErrBenchDB", err)
	}
	st, err := store.Open(ctx, path, store.AllowBenchDB())
	if err != nil {
		t.Fatalf("Open with AllowBenchDB: %v", err)
	}
	st.Close()
}
