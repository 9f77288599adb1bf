package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"orderdesk/internal/backups"
)

// TestServeTakesABackupOnItsOwn: a server started on a database that
// was never backed up takes one at once into the backups folder and
// records it; restore is refused while it serves, and goes ahead once
// it has stopped.
func TestServeTakesABackupOnItsOwn(t *testing.T) {
	c := newCLI(t)
	c.steps([]step{{name: "a user", args: []string{"user", "add", "wangli", "--roles", "clerk"}}})
	t.Setenv("ORDERDESK_SSH_HOST_KEY", filepath.Join(filepath.Dir(c.db), "host_ed25519"))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() {
		root := newRootCmd()
		root.SetOut(&bytes.Buffer{})
		root.SetErr(&bytes.Buffer{})
		root.SetArgs([]string{"--db", c.db, "serve", "--listen", "127.0.0.1:0"})
		served <- root.ExecuteContext(ctx)
	}()
	st := waitForStatus(t, c.db, served)
	if !st.OK || filepath.Dir(st.File) != filepath.Join(filepath.Dir(c.db), "backups") || st.AuditID == 0 {
		t.Fatalf("the server's first backup: %+v", st)
	}
	c.steps([]step{
		{name: "status", args: []string{"backup", "status"}, want: []string{"last backup succeeded at", st.File}},
		{name: "restore under the server", args: []string{"restore", st.File}, wantErr: true, want: []string{"in use by a running orderdesk server", "(process "}},
	})
	cancel()
	if err := <-served; err != nil {
		t.Fatalf("serve: %v", err)
	}
	c.steps([]step{{name: "restore after it stopped", args: []string{"restore", st.File}, want: []string{"restored the backup"}}})
}

// waitForStatus waits until the server has recorded its first backup.
func waitForStatus(t *testing.T, db string, served <-chan error) backups.Status {
	t.Helper()
	deadline := time.After(30 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if st, ok, err := backups.ReadStatus(db); err == nil && ok {
			return st
		} else if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		select {
		case err := <-served:
			t.Fatalf("serve ended before its first backup: %v", err)
		case <-deadline:
			t.Fatal("no backup recorded after 30 s")
		case <-tick.C:
		}
	}
}
