package upgradetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestNewerDatabaseRefusedUntouched: a database full of documents that a
// newer orderdesk wrote is refused, and not a byte of it changes.
func TestNewerDatabaseRefusedUntouched(t *testing.T) {
	all := fixtures(t)
	path := all[len(all)-1].copyOut(t)
	db := storetest.Raw(t, path)
	if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, store.SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), path)
	if err == nil {
		st.Close()
	}
	if !errors.Is(err, store.ErrTooNew) {
		t.Fatalf("opening a newer database: %v, want %v", err, store.ErrTooNew)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("the refused database was changed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("the refused database was opened for writing (it has a write-ahead log)")
	}
}
