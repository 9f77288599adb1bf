package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWriteStatementsKept: a save's statements are kept for the saves
// after it once a second save has needed them, and a kept statement
// still does all a fresh one would: its audit record is written, a
// trigger added since it was kept fires, and a save that panics frees
// the writer for the next.
func TestWriteStatementsKept(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "kept.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	save := func(v string) error {
		return st.Write(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, SystemUserID, "test.kept", v) })
	}
	audits := func() (n int) {
		if err := st.Read(ctx, func(tx *Tx) error { return tx.row(ctx, `SELECT count(*) FROM audit_log`).Scan(&n) }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	keptText := func() string {
		st.preparing.Wait()
		st.writes.mu.Lock()
		defer st.writes.mu.Unlock()
		for q := range st.writes.kept {
			if strings.Contains(q, "INSERT INTO settings") {
				return q
			}
		}
		return ""
	}

	if err := save("1"); err != nil {
		t.Fatal(err)
	}
	if q := keptText(); q != "" {
		t.Fatalf("the settings statement was kept after one save: %s", q)
	}
	if err := save("1b"); err != nil {
		t.Fatal(err)
	}
	if keptText() == "" {
		t.Fatal("the settings statement was not kept after its second save")
	}
	before := audits()
	if err := save("2"); err != nil {
		t.Fatal(err)
	}
	if got := audits(); got != before+1 {
		t.Fatalf("a save through the kept statement wrote %d audit records, want 1", got-before)
	}

	func() {
		defer func() { recover() }()
		st.Write(ctx, func(tx *Tx) error {
			if err := tx.SetSetting(ctx, SystemUserID, "test.kept", "lost"); err != nil {
				return err
			}
			panic("a save that panics")
		})
	}()
	done := make(chan error, 1)
	go func() { done <- save("3") }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the save after a panic: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the save after a panic waits for the writer it left behind")
	}
	var v string
	if err := st.Read(ctx, func(tx *Tx) error { return tx.row(ctx, `SELECT value FROM settings WHERE key = 'test.kept'`).Scan(&v) }); err != nil || v != "3" {
		t.Fatalf("after the panic the setting is %q (%v), want 3: the panicking save was not rolled back", v, err)
	}

	if err := st.writeWith(ctx, false, func(tx *Tx) error {
		return tx.script(ctx, `CREATE TRIGGER test_refuse BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'refused by the new trigger'); END`)
	}); err != nil {
		t.Fatal(err)
	}
	if err := save("4"); err == nil || !strings.Contains(err.Error(), "refused by the new trigger") {
		t.Fatalf("a kept statement ran without the trigger added after it was kept: %v", err)
	}
}
