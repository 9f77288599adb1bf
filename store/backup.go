package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
)

// BackupInfo describes a backup file that was written and checked: its
// size, the schema it holds and how far its audit chain reaches (the
// last record and its hash), so a copy can be matched against the live
// trail.
type BackupInfo struct {
	Path          string
	Size          int64
	SchemaVersion int
	AuditRecords  int64  // records in the chain, all verified
	AuditID       int64  // the last audit record the copy holds
	AuditHash     string // and its hash
	// AuditBrokenAt is the first audit record that does not verify (0
	// when the chain is whole), AuditProblem how it fails.
	AuditBrokenAt int64
	AuditProblem  string
	// Checkpoint is the signed checkpoint of the chain's head the copy
	// holds, as a printable line ("" where the database is not keyed).
	Checkpoint string
	Took       time.Duration
}

// Backup writes a consistent copy of the open database to path with
// SQLite's online backup, through a connection of the read pool: it
// reads one snapshot while clerks keep saving (WAL lets the writer go
// on beside it). A PostgreSQL database is copied by pg_dump (dumpTo). The copy is written beside path first, checked with
// CheckBackup and only then given its name, so a file at path is always
// a whole, checked copy. An existing path is never overwritten. A copy
// whose audit chain does not verify is kept (it is faithful: the
// database's own chain is broken) and returned with its info beside the
// BackupAuditBroken error, for the caller to report.
func (s *Store) Backup(ctx context.Context, path string) (BackupInfo, error) {
	start := time.Now()
	if _, err := os.Lstat(path); err == nil {
		return BackupInfo{}, fmt.Errorf("%s: %w", path, ErrDuplicate)
	}
	// A checkpoint signed now goes into the copy, so the copy can prove
	// what the chain was wherever it is kept.
	var checkpoint string
	if s.seal.keyed() && !s.readOnly {
		c, err := s.Checkpoint(ctx)
		if err != nil {
			return BackupInfo{}, err
		}
		checkpoint = c.String()
	}
	partial := path + ".partial"
	os.Remove(partial) // a crashed earlier attempt's
	if err := s.copyTo(ctx, partial); err != nil {
		os.Remove(partial)
		return BackupInfo{}, err
	}
	info, checkErr := CheckBackup(ctx, partial, s.keyOption()...)
	info.Checkpoint = checkpoint
	if checkErr != nil && !auditBroken(checkErr) {
		os.Remove(partial)
		return BackupInfo{}, checkErr
	}
	if err := os.Rename(partial, path); err != nil {
		os.Remove(partial)
		return BackupInfo{}, err
	}
	syncDir(filepath.Dir(path))
	info.Path, info.Took = path, time.Since(start)
	var be *BackupError
	if errors.As(checkErr, &be) {
		be.Path = path
	}
	return info, checkErr
}

// copyTo copies the database to the new file dst in one step, which
// holds one read snapshot from the first page to the last (or, on
// PostgreSQL, from the first table to the last).
func (s *Store) copyTo(ctx context.Context, dst string) error {
	if s.pg {
		return s.dumpTo(ctx, dst)
	}
	return onlineCopy(ctx, s.read, dst)
}

// backuper is what modernc.org/sqlite's connection offers for the
// online backup API.
type backuper interface {
	NewBackup(dstURI string) (*sqlite.Backup, error)
}

// onlineCopy copies the database behind db to the new file dst with
// SQLite's backup API, leaves the copy in rollback-journal mode (a
// single self-contained file) and syncs it to disk.
func onlineCopy(ctx context.Context, db *sql.DB, dst string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return classify(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		b, ok := dc.(backuper)
		if !ok {
			return errors.New("the SQLite driver offers no online backup")
		}
		bk, err := b.NewBackup("file:" + dst)
		if err != nil {
			return err
		}
		if _, err := bk.Step(-1); err != nil {
			bk.Finish()
			return err
		}
		out, err := bk.Commit()
		if err != nil {
			return err
		}
		defer out.Close()
		// The pages carry the source's WAL flag; a backup is one file.
		ex, ok := out.(driver.ExecerContext)
		if !ok {
			return errors.New("the SQLite driver cannot run statements on the copy")
		}
		_, err = ex.ExecContext(ctx, "PRAGMA journal_mode=DELETE", nil)
		return err
	})
	if err != nil {
		return classify(err)
	}
	return syncFile(dst)
}

// syncFile makes sure a file written through SQLite is on disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// syncDir makes a rename in dir durable; where a folder cannot be synced
// the rename still stands.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// keyOption is the audit key this store was opened with, for checking a
// copy of it.
func (s *Store) keyOption() []Option {
	if s.seal == nil || s.seal.files == nil {
		return nil
	}
	return []Option{WithAuditKey(*s.seal.files)}
}
