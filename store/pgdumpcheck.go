package store

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
)

// dumpMagic opens every file pg_dump writes in its custom format.
const dumpMagic = "PGDMP"

// isDump says whether the file at path is a pg_dump archive.
func isDump(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(dumpMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && string(head) == dumpMagic
}

// checkDump is CheckBackup for a backup of a PostgreSQL database, a
// pg_dump archive, checked with pg_restore: its table of contents reads
// (else damaged) and names orderdesk's tables (else another program's);
// its schema version is no newer than this binary's; every data block
// reads to the end (damaged); and the audit chain it holds verifies, as
// VerifyAudit walks it, from the records pg_restore reads out of it.
func checkDump(ctx context.Context, path string, size int64, files *AuditKeyFiles) (BackupInfo, error) {
	refuse := func(p BackupProblem, detail string) (BackupInfo, error) {
		return BackupInfo{}, &BackupError{Path: path, Problem: p, Detail: detail}
	}
	tool, err := pgTool("pg_restore", 0)
	if err != nil {
		return BackupInfo{}, err
	}
	list, err := runPGTool(ctx, nil, tool, "--list", path)
	if err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	if !dumpHasTables(string(list), "users", "customers", "audit_log", "schema_version") {
		return refuse(BackupOtherProgram, "")
	}
	scratch, version, err := dumpAudit(ctx, tool, path)
	if err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	s := &Store{path: path, write: scratch, read: scratch, readOnly: true, Now: func() time.Time { return time.Now().UTC() }}
	defer s.Close()
	info := BackupInfo{Path: path, Size: size, SchemaVersion: version}
	if version > SchemaVersion() {
		return BackupInfo{}, &BackupError{Path: path, Problem: BackupTooNew, Version: version}
	}
	if version == 0 {
		return refuse(BackupOtherProgram, "")
	}
	if err := s.setupSeal(ctx, files); err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	res, err := s.walkChain(ctx, VerifyResult{Key: s.seal.state, KeyWhy: s.seal.why})
	if err != nil {
		return refuse(BackupDamaged, err.Error())
	}
	return auditFacts(ctx, scratch, info, res)
}

// auditFacts fills info with where the backup's chain ends and whether
// it verified (res), as both engines' checks report it.
func auditFacts(ctx context.Context, db *sql.DB, info BackupInfo, res VerifyResult) (BackupInfo, error) {
	info.AuditRecords = res.Checked
	err := db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0), coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') FROM audit_log`).
		Scan(&info.AuditID, &info.AuditHash)
	if err != nil {
		return BackupInfo{}, &BackupError{Path: info.Path, Problem: BackupDamaged, Detail: err.Error()}
	}
	if res.BrokenAt != 0 {
		// The copy is faithful, and says so with the rest of its facts:
		// Backup keeps it, Restore refuses it.
		info.AuditBrokenAt, info.AuditProblem = res.BrokenAt, res.Problem
		return info, &BackupError{Path: info.Path, Problem: BackupAuditBroken, Detail: fmt.Sprintf("record #%d %s", res.BrokenAt, res.Problem)}
	}
	return info, nil
}

// dumpHasTables says whether pg_restore's list of an archive holds the
// tables named.
func dumpHasTables(list string, names ...string) bool {
	for _, n := range names {
		if !regexp.MustCompile(`(?m) TABLE \S+ ` + regexp.QuoteMeta(n) + ` `).MatchString(list) {
			return false
		}
	}
	return true
}

// dumpAudit reads the whole archive with pg_restore, every block read
// and uncompressed (a damaged one fails it), and keeps of the script it
// writes the schema version and the audit log with its checkpoints
// (their rows as COPY text), in a database of their own in memory, for
// the chain's walk.
func dumpAudit(ctx context.Context, tool, path string) (*sql.DB, int, error) {
	db, err := sql.Open("sqlite", "file:dumpaudit?mode=memory")
	if err != nil {
		return nil, 0, err
	}
	db.SetMaxOpenConns(1) // one connection, one memory database
	db.SetConnMaxLifetime(0)
	version, err := loadDumpAudit(ctx, db, tool, path)
	if err != nil {
		db.Close()
		return nil, 0, err
	}
	return db, version, nil
}

func loadDumpAudit(ctx context.Context, db *sql.DB, tool, path string) (int, error) {
	// Typed keys, so the walk's order by id is by number; the other
	// columns keep COPY's text as it was sealed.
	if _, err := db.ExecContext(ctx, `CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at, actor_id, tbl, row_id, op, before, after, prev_hash, hash);
		CREATE TABLE audit_checkpoints (id INTEGER PRIMARY KEY, kind, db_id, audit_id INTEGER, hash, at, mac)`); err != nil {
		return 0, err
	}
	cmd := exec.CommandContext(ctx, tool, "--file=-", path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	version, readErr := readCopyData(ctx, db, bufio.NewReaderSize(out, 1<<16))
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return 0, fmt.Errorf("pg_restore: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return version, readErr
}
