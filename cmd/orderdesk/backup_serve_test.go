package main

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"orderdesk/internal/backups"
	"orderdesk/store"
	"orderdesk/store/storetest"
)

// TestServeTakesABackupOnItsOwn: a server started on a database that
// was never backed up takes one at once into the backups folder and
// records it; restore is refused while it serves, and goes ahead once
// it has stopped. On PostgreSQL the server given a backup.dir takes
// them (a pg_dump archive, recorded in that folder); restore never
// replaces the database it serves, and fills an empty one.
func TestServeTakesABackupOnItsOwn(t *testing.T) {
	onBothEngines(t, func(t *testing.T, c *cli) {
		pg := c.dbFlag == "--db-url"
		dataDir := os.Getenv("XDG_DATA_HOME")
		dir, statusOf := filepath.Join(filepath.Dir(c.db), "backups"), c.db
		if pg {
			dir = filepath.Join(dataDir, "office-backups")
			t.Setenv("ORDERDESK_BACKUP_DIR", dir)
			statusOf = filepath.Join(dir, store.PostgresDatabase(c.db))
		}
		c.steps([]step{{name: "a user", args: []string{"user", "add", "wangli", "--roles", "clerk"}}})
		// Where the commands before it kept theirs, so the server
		// finds the audit key beside it.
		t.Setenv("ORDERDESK_SSH_HOST_KEY", filepath.Join(dataDir, "orderdesk", "host_ed25519"))
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		served := make(chan error, 1)
		go func() {
			root := newRootCmd()
			root.SetOut(&bytes.Buffer{})
			root.SetErr(&bytes.Buffer{})
			root.SetArgs([]string{c.dbFlagOrFile(), c.db, "serve", "--listen", "127.0.0.1:0"})
			served <- root.ExecuteContext(ctx)
		}()
		st := waitForStatus(t, statusOf, served)
		if !st.OK || filepath.Dir(st.File) != dir || st.AuditID == 0 {
			t.Fatalf("the server's first backup: %+v", st)
		}
		refused := step{name: "restore under the server", args: []string{"restore", st.File}, wantErr: true, want: []string{"in use by a running orderdesk server", "(process "}}
		if pg {
			refused.args = append(refused.args, "--owner-url", c.owner)
			refused.want = []string{"is not empty"}
		}
		c.steps([]step{
			{name: "status", args: []string{"backup", "status"}, want: []string{"last backup succeeded at", st.File}},
			refused,
		})
		cancel()
		if err := <-served; err != nil {
			t.Fatalf("serve: %v", err)
		}
		after := step{name: "restore after it stopped", args: []string{"restore", st.File}, want: []string{"restored the backup"}}
		if pg {
			owner, desk := storetest.PostgresRoles(t)
			after.args = append(after.args, "--owner-url", owner)
			c = &cli{t: t, db: desk, dbFlag: "--db-url"}
		}
		c.steps([]step{after})
	})
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

// TestServeOnPostgreSQLBacksUpOnlyWithAFolder: several servers share
// one PostgreSQL database; only the one given backup.dir takes the
// scheduled backups, not each a copy of its own.
func TestServeOnPostgreSQLBacksUpOnlyWithAFolder(t *testing.T) {
	var logged bytes.Buffer
	e := &env{cfg: &Config{DB: DBConfig{URL: "postgres://desk@dbhost/orderdesk", Path: filepath.Join(t.TempDir(), "orderdesk.db")},
		Backup: BackupConfig{Every: "24h"}}}
	stop, err := startBackups(context.Background(), e, slog.New(slog.NewTextHandler(&logged, nil)))
	if err != nil {
		t.Fatal(err)
	}
	stop()
	if !strings.Contains(logged.String(), "taken by the server whose backup.dir is set") {
		t.Errorf("a server without backup.dir on PostgreSQL: %s", logged.String())
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(e.cfg.DB.Path), "backups")); !os.IsNotExist(err) {
		t.Errorf("it made a backup folder: %v", err)
	}
}
