package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestOpenFolderDenied: a database under a folder this account may not
// enter is reported as that folder not being enterable, naming it, never
// as a folder that cannot be created; nothing is created. root enters
// every folder, so as root the check runs in a child process as nobody.
func TestOpenFolderDenied(t *testing.T) {
	if locked := os.Getenv("ORDERDESK_LOCKED_DIR"); locked != "" {
		openUnderLocked(t, locked)
		return
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o700); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(locked, 0o700)
		openUnderLocked(t, locked)
		return
	}
	storetest.AsNobody(t, dir, "TestOpenFolderDenied", "ORDERDESK_LOCKED_DIR="+locked)
	if entries, _ := os.ReadDir(locked); len(entries) != 0 {
		t.Fatalf("something was created in the locked folder: %v", entries)
	}
}

func openUnderLocked(t *testing.T, locked string) {
	for _, path := range []string{
		filepath.Join(locked, "desk.db"),                   // the database's own folder
		filepath.Join(locked, "orderdesk", "desk.db"),      // a folder to create under it
		filepath.Join(locked, "a", "orderdesk", "desk.db"), // deeper
	} {
		st, err := store.Open(context.Background(), path)
		if err == nil {
			st.Close()
			t.Fatalf("%s opened", path)
		}
		var fe *store.FolderError
		if !errors.Is(err, store.ErrFolderDenied) || !errors.As(err, &fe) || fe.Folder != locked {
			t.Errorf("%s: want the folder %s denied, got %v", path, locked, err)
		}
		if errors.Is(err, store.ErrCannotCreate) {
			t.Errorf("%s: reported as a folder that cannot be created", path)
		}
	}
}

// TestOpenFolderNotCreated: a folder that cannot be made (a file stands
// where it would go) is reported as such, naming it.
func TestOpenFolderNotCreated(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "data"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(context.Background(), filepath.Join(dir, "data", "orderdesk", "desk.db"))
	var fe *store.FolderError
	if !errors.As(err, &fe) || (!errors.Is(err, store.ErrCannotCreate) && !errors.Is(err, store.ErrCannotOpen)) {
		t.Fatalf("got %v", err)
	}
}
