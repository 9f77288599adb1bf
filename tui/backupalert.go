package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/internal/backups"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// backupAlert tells an admin signing in that the server's last
// scheduled backup failed, and why: a failure is never left to the log
// alone. The status file (beside the database file, or named by
// BackupStatus) is read in the command, never in View.
func (a *App) backupAlert() tea.Cmd {
	path, cat := a.c.BackupStatus, a.c.Cat
	if path == "" && !common.OnServer(a.c.DBPath) {
		path = a.c.DBPath
	}
	if !workflow.SeesBackupAlerts(a.c.Desk.User) || path == "" {
		return nil
	}
	return func() tea.Msg {
		st, ok, err := backups.ReadStatus(path)
		if err != nil || !ok || !st.Failed() {
			return nil
		}
		return common.StatusMsg{Text: cat.T("backup.alert", st.At.Local().Format(time.DateTime), st.Error), Error: true}
	}
}
