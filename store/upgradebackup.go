package store

import (
	"context"
	"fmt"
	"os"
)

// UpgradeBackup is the backup Open wrote before it upgraded the schema:
// ok is false when the database needed no upgrade. AuditErr is set
// when the copy's audit chain did not verify (the copy was kept and the
// upgrade went on: the chain was broken before it).
func (s *Store) UpgradeBackup() (info BackupInfo, from int, auditErr error, ok bool) {
	if s.upgrade == nil {
		return BackupInfo{}, 0, nil, false
	}
	return s.upgrade.info, s.upgrade.from, s.upgrade.auditErr, true
}

// upgradeBackup is what backupBeforeUpgrade wrote.
type upgradeBackup struct {
	info     BackupInfo
	from     int
	auditErr error
}

// backupBeforeUpgrade copies a database about to be upgraded from
// schema have to want beside it (NAME.before-vWANT.bak), so an upgrade
// that goes wrong, or a binary rolled back, always has the file as it
// was. A copy that cannot be written and checked stops the upgrade.
func (s *Store) backupBeforeUpgrade(ctx context.Context, have, want int) error {
	if have == 0 || have >= want || s.readOnly {
		return nil // a new file, or nothing to do
	}
	path := fmt.Sprintf("%s.before-v%d.bak", s.path, want)
	if _, err := os.Lstat(path); err == nil {
		path = fmt.Sprintf("%s.before-v%d-%s.bak", s.path, want, s.Now().UTC().Format("20060102T150405Z"))
	}
	info, err := s.Backup(ctx, path)
	if err != nil && !auditBroken(err) {
		return fmt.Errorf("backup before upgrading the schema from %d to %d: %w", have, want, err)
	}
	s.upgrade = &upgradeBackup{info: info, from: have, auditErr: err}
	return nil
}
