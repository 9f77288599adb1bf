package tui_test

import (
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/internal/backups"
	"orderdesk/store"
	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

// TestAdminSeesAFailedBackupOnSigningIn: the server's last backup
// failed; an admin signing in reads when and why on the status line, a
// clerk is not troubled with it, and nobody is once a backup succeeds.
func TestAdminSeesAFailedBackupOnSigningIn(t *testing.T) {
	d := screenrig.OpenDesk(t, nil)
	admin := d.AddUser("admin", "管理员", workflow.Admin)
	clerk := d.AddUser("wangli", "王丽", workflow.Clerk)
	at := time.Date(2026, 12, 6, 2, 0, 0, 0, time.Local)
	if err := backups.WriteStatus(d.Path, backups.Status{At: at, Error: "no space left on device"}); err != nil {
		t.Fatal(err)
	}
	open := func(u store.User) *tui.App {
		app := tui.New(tui.Options{Desk: d.Engine.Desk(u), Lang: "en", DBPath: d.Path, Theme: "dark", Now: screenrig.Fixed(tuitest.Clock)})
		t.Cleanup(app.Close)
		tuitest.Press(app, tea.WindowSizeMsg{Width: 120, Height: 40})
		return app
	}
	app := open(admin)
	tuitest.Answer(app, tui.BackupAlert(app))
	if want := "last backup failed at 2026-12-06 02:00:00: no space left on device"; !statusShows(app, want) {
		t.Errorf("the admin is not told %q:\n%s", want, screenText(app))
	}
	if tui.BackupAlert(open(clerk)) != nil {
		t.Error("a clerk is alerted to backups")
	}
	if err := backups.WriteStatus(d.Path, backups.Status{At: at.Add(time.Hour), OK: true, LastOK: at.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	app = open(admin)
	tuitest.Answer(app, tui.BackupAlert(app))
	if statusShows(app, "backup") {
		t.Errorf("a good backup is alerted:\n%s", screenText(app))
	}
}

// TestSignedInAdminHearsOfAFailedBackup: an admin already at the desk
// when the server's backup fails reads it at once, not at the next
// sign-in.
func TestSignedInAdminHearsOfAFailedBackup(t *testing.T) {
	d := screenrig.OpenDesk(t, nil)
	admin := d.AddUser("admin", "管理员", workflow.Admin)
	app := tui.New(tui.Options{Desk: d.Engine.Desk(admin), Lang: "en", DBPath: d.Path, Theme: "dark", Now: screenrig.Fixed(tuitest.Clock)})
	t.Cleanup(app.Close)
	tuitest.Press(app, tea.WindowSizeMsg{Width: 120, Height: 40})
	if statusShows(app, "backup") {
		t.Fatalf("an alert before any backup ran:\n%s", screenText(app))
	}
	at := time.Date(2026, 12, 6, 3, 0, 0, 0, time.Local)
	if err := backups.WriteStatus(d.Path, backups.Status{At: at, Error: "no space left on device"}); err != nil {
		t.Fatal(err)
	}
	tuitest.Press(app, common.ChangedMsg{Change: workflow.Change{Kind: workflow.BackupKind}})
	if want := "last backup failed at 2026-12-06 03:00:00: no space left on device"; !statusShows(app, want) {
		t.Errorf("the signed-in admin is not told %q:\n%s", want, screenText(app))
	}
}

// TestAdminSeesAFailedBackupOfAServer: on a PostgreSQL database the
// status file is kept in the backup folder, not beside a file: an admin
// signing in reads a failure from there.
func TestAdminSeesAFailedBackupOfAServer(t *testing.T) {
	d := screenrig.OpenDesk(t, nil)
	admin := d.AddUser("admin", "管理员", workflow.Admin)
	status := filepath.Join(t.TempDir(), "orderdesk")
	at := time.Date(2026, 12, 6, 2, 0, 0, 0, time.Local)
	if err := backups.WriteStatus(status, backups.Status{At: at, Error: "pg_dump: connection refused"}); err != nil {
		t.Fatal(err)
	}
	for _, backupStatus := range []string{"", status} {
		app := tui.New(tui.Options{Desk: d.Engine.Desk(admin), Lang: "en", DBPath: "postgres://desk@dbhost/orderdesk", BackupStatus: backupStatus,
			Theme: "dark", Now: screenrig.Fixed(tuitest.Clock)})
		t.Cleanup(app.Close)
		tuitest.Press(app, tea.WindowSizeMsg{Width: 120, Height: 40})
		alert := tui.BackupAlert(app)
		if backupStatus == "" {
			if alert != nil {
				t.Error("a server's database without a status file named is read for one")
			}
			continue
		}
		tuitest.Answer(app, alert)
		if want := "last backup failed at 2026-12-06 02:00:00: pg_dump: connection refused"; !statusShows(app, want) {
			t.Errorf("the admin is not told %q:\n%s", want, screenText(app))
		}
	}
}
