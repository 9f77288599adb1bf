package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFull: a write that finds no room ("database or disk is full",
// SQLITE_FULL) is rolled back, reported as ErrDiskFull naming the
// database's folder and its volume, and the store writes again once
// there is room. The disk is "filled" by capping the file's pages on the
// writer's connection, which works for any user.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, filepath.Join(dir, "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	users := func() int {
		var n int
		if err := s.Read(ctx, func(tx *Tx) (err error) { n, err = tx.CountUsers(ctx); return err }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var pages int
	if err := s.write.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	addMany := func(tx *Tx) error {
		for i := range 200 {
			if _, err := tx.CreateUser(ctx, SystemUserID, User{Login: fmt.Sprintf("u%03d", i), Name: strings.Repeat("名", 90), Roles: []string{"clerk"}}); err != nil {
				return err
			}
		}
		return nil
	}
	err = s.Write(ctx, addMany)
	var full *DiskFullError
	if !errors.Is(err, ErrDiskFull) || !errors.As(err, &full) {
		t.Fatalf("want ErrDiskFull, got %v", err)
	}
	abs, _ := filepath.Abs(dir)
	if full.Folder != abs || full.Volume == "" || !strings.HasPrefix(abs, full.Volume) {
		t.Fatalf("folder %q volume %q, want %q on its volume", full.Folder, full.Volume, abs)
	}
	if n := users(); n != 0 {
		t.Fatalf("%d users saved by a write that failed", n)
	}
	if _, err := s.write.ExecContext(ctx, `PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, addMany); err != nil {
		t.Fatalf("with room again: %v", err)
	}
	if n := users(); n != 200 {
		t.Fatalf("%d users", n)
	}
}
