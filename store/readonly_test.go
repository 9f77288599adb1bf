package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// checkReadOnly: a store opened read-only reads, says it is read-only,
// and refuses a write with ErrReadOnly.
func checkReadOnly(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if !st.ReadOnly() {
		t.Error("the store does not say it is read-only")
	}
	var sys store.User
	if err := st.Read(ctx, func(tx *store.Tx) (err error) { sys, err = tx.UserByID(ctx, store.SystemUserID); return err }); err != nil {
		t.Fatalf("a read on a read-only file: %v", err)
	}
	if sys.ID != store.SystemUserID {
		t.Fatalf("read %+v", sys)
	}
	if _, err := st.VerifyAudit(ctx); err != nil {
		t.Fatalf("verifying the audit trail of a read-only file: %v", err)
	}
	err := st.Write(ctx, func(tx *store.Tx) error {
		_, err := tx.CreateUser(ctx, store.SystemUserID, store.User{Login: "nobody2", Name: "x", Roles: []string{"clerk"}})
		return err
	})
	if !errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("a write on a read-only file: want ErrReadOnly, got %v", err)
	}
	// A transaction that only reads goes through (the workflow checks its
	// rules this way at start-up).
	if err := st.Write(ctx, func(tx *store.Tx) error { _, err := tx.CountUsers(ctx); return err }); err != nil {
		t.Fatalf("a read-only transaction through Write: %v", err)
	}
}

// TestOpenReadOnlyAsAnyone: OpenReadOnly works whoever runs it (root
// ignores file modes): the database and its folder stay as they were.
func TestOpenReadOnlyAsAnyone(t *testing.T) {
	path := newDB(t)
	before := readFile(t, path)
	st, err := store.OpenReadOnly(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	checkReadOnly(t, st)
	st.Close()
	if !bytes.Equal(before, readFile(t, path)) {
		t.Fatal("the read-only file was changed")
	}
	if _, err := store.OpenReadOnly(context.Background(), filepath.Join(t.TempDir(), "missing.db")); !errors.Is(err, store.ErrCannotOpen) {
		t.Fatalf("a missing file: %v", err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		if b, _ := os.ReadFile(path + "-wal"); len(b) > 0 {
			t.Fatal("reading wrote to the write-ahead log")
		}
	}
}

// TestOpenReadOnlyRefusesAnOlderFile: a file an older orderdesk wrote is
// refused read-only as one that needs upgrading (ErrNeedsUpgrade), not
// as a file that cannot be written, and is left as it was.
func TestOpenReadOnlyRefusesAnOlderFile(t *testing.T) {
	path := newDB(t)
	db := raw(t, path)
	storetest.RollBackTo(t, db, store.SchemaVersion()-1)
	db.Close()
	before := readFile(t, path)
	st, err := store.OpenReadOnly(context.Background(), path)
	if err == nil {
		st.Close()
	}
	if !errors.Is(err, store.ErrNeedsUpgrade) || errors.Is(err, store.ErrReadOnly) {
		t.Fatalf("an older file opened read-only: %v", err)
	}
	if !bytes.Equal(before, readFile(t, path)) {
		t.Fatal("the older file was changed")
	}
}
