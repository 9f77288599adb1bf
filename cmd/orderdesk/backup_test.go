package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"orderdesk/internal/backups"
	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// TestBackupAndRestoreCommands runs backup, restore and backup status on
// a real file: a backup is reported with its chain position, restored
// with the replaced database kept aside, and every refusal is in words.
func TestBackupAndRestoreCommands(t *testing.T) {
	c := newCLI(t)
	dir := filepath.Dir(c.db)
	copy := filepath.Join(dir, "copy.db")
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("客户名单\n"), 0o644)
	c.steps([]step{
		{name: "a user", args: []string{"user", "add", "wangli", "--name", "王丽", "--roles", "clerk"}, want: []string{"added user wangli"}},
		{name: "backup", args: []string{"backup", "--out", copy}, want: []string{"backup written: " + copy, "audit records, last #", "audit checkpoint #"}},
		{name: "not over a file", args: []string{"backup", "--out", copy}, wantErr: true, want: []string{copy + " already exists"}},
		{name: "a dated backup in the folder", args: []string{"backup"}, want: []string{"backup written: " + filepath.Join(dir, "backups", "desk-backup-")}},
		{name: "a user after the backup", args: []string{"user", "add", "li", "--roles", "clerk"}, want: []string{"added user li"}},
		{name: "not SQLite", args: []string{"restore", notes}, wantErr: true, want: []string{notes + " is neither an SQLite file nor a PostgreSQL dump"}},
		{name: "no such backup", args: []string{"restore", filepath.Join(dir, "gone.db")}, wantErr: true, want: []string{"does not exist"}},
		{name: "restore", args: []string{"restore", copy}, want: []string{"restored the backup " + copy + " into " + c.db, "the database it replaced is kept at " + c.db + ".before-restore-",
			"the restore is signed into the audit trail: audit checkpoint #"}},
		// The checkpoints beside the key vouch for records after the
		// backup; the signed restore lets them go without a cut tail.
		{name: "verify after restore", args: []string{"audit", "verify"}, want: []string{"audit trail intact", "restored from a backup"}},
		{name: "the backup's users", args: []string{"user", "list"}, want: []string{"wangli"}, notWant: []string{"\nli "}},
		{name: "no scheduled backup yet", args: []string{"backup", "status"}, want: []string{"no scheduled backup has run yet", "holds 1 backups"}},
	})

	// A server holds the database: restore waits for it to stop.
	lock, err := store.LockServe(c.db)
	if err != nil {
		t.Fatal(err)
	}
	c.steps([]step{
		{name: "restore under a server", args: []string{"restore", copy}, wantErr: true, want: []string{"in use by a running orderdesk server"}},
		{name: "a second server", args: []string{"serve", "--listen", "127.0.0.1:0"}, wantErr: true, want: []string{"already served by another orderdesk server"}},
	})
	lock.Release()

	at := time.Date(2026, 12, 6, 2, 0, 0, 0, time.Local)
	if err := backups.WriteStatus(c.db, backups.Status{At: at, Error: "no space left on device", LastOK: at.Add(-24 * time.Hour), LastOKFile: "desk-backup-20261205-020000.db"}); err != nil {
		t.Fatal(err)
	}
	c.steps([]step{
		{name: "a failed scheduled backup", args: []string{"backup", "status"}, wantErr: true,
			want: []string{"last backup failed at 2026-12-06 02:00:00: no space left on device", "last good backup: 2026-12-05 02:00:00, desk-backup-20261205-020000.db"}},
	})
	t.Setenv("ORDERDESK_BACKUP_EVERY", "daily")
	c.steps([]step{{name: "a bad interval", args: []string{"backup", "status"}, wantErr: true, want: []string{`backup.every "daily" is not valid`}}})

	// Written around orderdesk: the copy is kept, and the command fails.
	if _, err := storetest.Raw(t, c.db).Exec(`UPDATE users SET name = '王莉' WHERE login = 'wangli'`); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.db")
	c.steps([]step{{name: "a broken trail", args: []string{"backup", "--out", broken}, wantErr: true,
		want: []string{"backup written to " + broken + ", but the database's audit trail is broken at record #", "unsealed"}}})
	if _, err := os.Stat(broken); err != nil {
		t.Errorf("the copy of a broken trail was not kept: %v", err)
	}
}

// TestUpgradeSaysWhereTheCopyIs: opening a database from before the
// weighing migration backs it up first and says where.
func TestUpgradeSaysWhereTheCopyIs(t *testing.T) {
	c := newCLI(t)
	// A database of schema 8 was never sealed with a key: made here
	// without one, then taken back.
	st, err := store.Open(t.Context(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := workflow.New(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db := storetest.Raw(t, c.db)
	for _, s := range append(storetest.UndoToSchema8(t, db), `PRAGMA user_version = 8`) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	db.Close()
	bak := c.db + ".before-v" + itoa(store.SchemaVersion()) + ".bak"
	c.steps([]step{{name: "upgrade", args: []string{"audit", "verify"},
		want: []string{"the database schema was upgraded from version 8 to " + itoa(store.SchemaVersion()) + "; the database as it was is backed up at " + bak, "audit trail intact"}}})
	if _, err := store.CheckBackup(t.Context(), bak); err != nil {
		t.Errorf("the copy before the upgrade: %v", err)
	}
	out, errOut, _ := c.run("audit", "verify")
	if strings.Contains(out+errOut, "upgraded") {
		t.Errorf("a second open upgraded again:\n%s%s", out, errOut)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
