package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// RestoreInfo says what a restore did.
type RestoreInfo struct {
	Backup BackupInfo // the backup now in place
	// Aside is where the database that was replaced now lies ("" when
	// there was none); its WAL files, if any, moved with it.
	Aside string
}

// Restore puts the backup at backupPath in place of the database at
// dbPath. It refuses a file CheckBackup refuses (not orderdesk's,
// damaged, newer than this binary) and refuses while a server holds the
// database, or another process has it open (ErrInUse); it holds the
// server's lock while it works, so no server starts half way. It must
// not run in a process that has the database open itself. The current database is kept: renamed to
// NAME.before-restore-<time>, never deleted. The backup is copied with
// SQLite's backup API into a new file that takes the database's name
// only when whole. Where dbPath is a PostgreSQL URL, the backup is a
// pg_dump archive restored into that database, which must be empty
// (restorePostgres).
func Restore(ctx context.Context, backupPath, dbPath string, now time.Time, opts ...Option) (RestoreInfo, error) {
	if IsPostgresURL(dbPath) {
		return restorePostgres(ctx, backupPath, dbPath, opts...)
	}
	if isDump(backupPath) {
		return RestoreInfo{}, &BackupError{Path: backupPath, Problem: BackupOtherEngine, Detail: "a PostgreSQL database's backup (pg_dump): restore it into an empty PostgreSQL database (--db-url)"}
	}
	lock, err := LockServe(dbPath)
	if err != nil {
		return RestoreInfo{}, err
	}
	defer lock.Release()
	if openElsewhere(dbPath) {
		return RestoreInfo{}, &InUseError{Open: true}
	}
	if same(backupPath, dbPath) {
		return RestoreInfo{}, &BackupError{Path: backupPath, Problem: BackupOtherProgram, Detail: "it is the database itself"}
	}
	info, err := CheckBackup(ctx, backupPath, opts...)
	if err != nil {
		return RestoreInfo{}, err
	}
	incoming := dbPath + ".restoring"
	os.Remove(incoming)
	if err := copyFile(ctx, backupPath, incoming); err != nil {
		os.Remove(incoming)
		return RestoreInfo{}, err
	}
	aside, err := moveAside(dbPath, now)
	if err != nil {
		os.Remove(incoming)
		return RestoreInfo{}, err
	}
	if _, err := os.Stat(dbPath + "-wal"); err == nil {
		os.Remove(incoming)
		return RestoreInfo{Aside: aside}, fmt.Errorf("%s-wal is still there: %w", dbPath, ErrInUse)
	}
	if err := os.Rename(incoming, dbPath); err != nil {
		return RestoreInfo{Aside: aside}, err
	}
	syncDir(filepath.Dir(dbPath))
	info.Path = backupPath
	return RestoreInfo{Backup: info, Aside: aside}, nil
}

// copyFile copies the closed database at from to the new file to with
// the backup API, which reads what a WAL beside it holds too.
func copyFile(ctx context.Context, from, to string) error {
	write, read, err := roPools(from, false)
	if err != nil {
		return classify(err)
	}
	defer write.Close()
	defer read.Close()
	return onlineCopy(ctx, read, to)
}

// moveAside renames the database and its WAL files, if there, to
// NAME.before-restore-<UTC time>, and returns the new name. The three
// move together or not at all: a WAL left behind would be replayed into
// the restored file, and one moved without its database would lose the
// saves it holds.
func moveAside(dbPath string, now time.Time) (string, error) {
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	aside := fmt.Sprintf("%s.before-restore-%s", dbPath, now.UTC().Format("20060102T150405Z"))
	if _, err := os.Stat(aside); err == nil {
		return "", fmt.Errorf("%s: %w", aside, ErrDuplicate)
	}
	var moved []string
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(dbPath+suffix, aside+suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			for _, m := range moved {
				os.Rename(aside+m, dbPath+m)
			}
			return "", err
		}
		moved = append(moved, suffix)
	}
	return aside, nil
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}
