package workflow

import "orderdesk/store"

// SeesBackupAlerts reports whether u is told, on signing in, that the
// last scheduled backup failed: admins, who look after the installation.
func SeesBackupAlerts(u store.User) bool { return hasAnyRole(u, []Role{Admin}) }
