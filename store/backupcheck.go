package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// BackupProblem names why a file is not a usable backup.
type BackupProblem string

// The problems CheckBackup reports.
const (
	BackupMissing      BackupProblem = "missing"       // no such file
	BackupNotSQLite    BackupProblem = "not_sqlite"    // not an SQLite file at all
	BackupOtherProgram BackupProblem = "other_program" // SQLite, but not orderdesk's
	BackupDamaged      BackupProblem = "damaged"       // the integrity check fails
	BackupAuditBroken  BackupProblem = "audit_broken"  // the audit chain does not verify
	BackupTooNew       BackupProblem = "too_new"       // written by a newer orderdesk
	BackupOtherEngine  BackupProblem = "other_engine"  // the other engine's backup (a pg_dump archive for a file, or a file for PostgreSQL)
)

// BackupError says why a file was refused as a backup. Detail is
// SQLite's or the audit check's own words, for the log.
type BackupError struct {
	Path    string
	Problem BackupProblem
	Detail  string
	// Version is the file's schema version (BackupTooNew).
	Version int
}

func (e *BackupError) Error() string {
	msg := fmt.Sprintf("%s is not a usable orderdesk backup: %s", e.Path, e.Problem)
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

// Is lets errors.Is(err, ErrTooNew) hold for a backup from a newer
// orderdesk.
func (e *BackupError) Is(target error) bool { return e.Problem == BackupTooNew && target == ErrTooNew }

// CheckBackup opens the file at path read-only and says whether it is a
// whole orderdesk backup this binary can restore: a PostgreSQL
// database's pg_dump archive (checkDump), or an SQLite file holding
// orderdesk's schema at a version no newer than SchemaVersion, passing
// PRAGMA integrity_check, whose audit chain verifies from the first
// record to the last. The file is never changed. When only the audit
// chain fails, the info is filled all the same (with where it breaks)
// beside the BackupAuditBroken error.
func CheckBackup(ctx context.Context, path string, opts ...Option) (BackupInfo, error) {
	var o openOptions
	for _, opt := range opts {
		opt(&o)
	}
	refuse := func(p BackupProblem, detail string) (BackupInfo, error) {
		return BackupInfo{}, &BackupError{Path: path, Problem: p, Detail: detail}
	}
	st, err := os.Stat(path)
	if err != nil {
		return refuse(BackupMissing, err.Error())
	}
	// The checkpoints kept beside the key are left out: a backup is
	// behind them by nature, and a restore is marked against them
	// (MarkRestored). With the key the copy's seals and its own
	// checkpoints are checked; without it, its plain chain.
	files := o.auditKey
	if files != nil {
		own := *files
		own.Checkpoints = ""
		files = &own
	}
	if st.Size() > 0 && isDump(path) {
		return checkDump(ctx, path, st.Size(), files)
	}
	if st.Size() == 0 || checkHeader(path) != nil {
		return refuse(BackupNotSQLite, "")
	}
	write, read, err := roPools(path, false)
	if err != nil {
		return refuse(BackupNotSQLite, err.Error())
	}
	s := &Store{path: path, write: write, read: read, readOnly: true, Now: func() time.Time { return time.Now().UTC() }}
	defer s.Close()
	info := BackupInfo{Path: path, Size: st.Size()}
	if err := read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	if info.SchemaVersion > SchemaVersion() {
		return BackupInfo{}, &BackupError{Path: path, Problem: BackupTooNew, Version: info.SchemaVersion}
	}
	if ok, err := hasOrderdeskTables(ctx, read); err != nil {
		return refuse(BackupDamaged, err.Error())
	} else if info.SchemaVersion == 0 || !ok {
		return refuse(BackupOtherProgram, "")
	}
	if detail, err := integrityProblem(ctx, read); err != nil {
		return refuse(BackupDamaged, err.Error())
	} else if detail != "" {
		return refuse(BackupDamaged, detail)
	}
	if err := s.setupSeal(ctx, files); err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	res, err := s.VerifyAudit(ctx)
	if err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	return auditFacts(ctx, read, info, res)
}

// hasOrderdeskTables reports whether the tables every orderdesk schema
// has since the first migration are there.
func hasOrderdeskTables(ctx context.Context, db *sql.DB) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('users', 'customers', 'audit_log')`).Scan(&n)
	return n == 3, err
}

// integrityProblem runs PRAGMA integrity_check and returns what it found
// wrong, "" when the file is whole.
func integrityProblem(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		if line != "ok" {
			found = append(found, line)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(found) > 3 {
		found = append(found[:3], "…")
	}
	return strings.Join(found, "; "), nil
}

// auditBroken reports whether err is only CheckBackup's word that the
// audit chain does not verify.
func auditBroken(err error) bool {
	p, ok := IsBackupProblem(err)
	return ok && p == BackupAuditBroken
}

// IsBackupProblem reports whether err is CheckBackup's refusal, and which.
func IsBackupProblem(err error) (BackupProblem, bool) {
	var be *BackupError
	if errors.As(err, &be) {
		return be.Problem, true
	}
	return "", false
}
