//go:build unix

package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"orderdesk/store"
)

// TestFilesArePrivate: the database, its folder, the audit key and its
// checkpoints are made for the server's account alone, and a mode opened
// to others afterwards is reported.
func TestFilesArePrivate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	files := store.AuditKeyFiles{Key: filepath.Join(dir, "keys", "audit.key"), Checkpoints: filepath.Join(dir, "keys", "audit.checkpoints")}
	path := filepath.Join(dir, "data", "desk.db")
	st, err := store.Open(ctx, path, store.WithAuditKey(files))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for p, want := range map[string]os.FileMode{path: 0o600, filepath.Dir(path): 0o700, files.Key: 0o600,
		files.Checkpoints: 0o600, filepath.Dir(files.Key): 0o700} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s made %04o, want %04o", p, got, want)
		}
	}
	if loose := st.LoosePermissions(); len(loose) != 0 {
		t.Fatalf("fresh files reported loose: %+v", loose)
	}
	os.Chmod(path, 0o644)
	os.Chmod(files.Key, 0o640)
	loose := st.LoosePermissions()
	if len(loose) != 2 || loose[0].Path != path || loose[0].Mode != 0o644 || loose[1].Path != files.Key || loose[1].Want != 0o600 {
		t.Fatalf("%+v", loose)
	}
}
