package tui

import tea "charm.land/bubbletea/v2"

// BackupAlert is the command that tells an admin signing in that the
// last backup failed (nil for everyone else).
func BackupAlert(a *App) tea.Cmd { return a.backupAlert() }
