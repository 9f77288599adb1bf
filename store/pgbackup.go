package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5"

	"orderdesk/store/pgschema"
)

// ErrNotEmpty: a PostgreSQL database to restore into already holds
// tables. A restore never replaces a database: it fills an empty one.
var ErrNotEmpty = errors.New("the database to restore into is not empty")

// dumpTo writes the PostgreSQL database to the new file dst with
// pg_dump's custom format: one snapshot of the whole database (pg_dump
// reads every table in one repeatable-read transaction, beside the
// writers), compressed, read back by pg_restore.
func (s *Store) dumpTo(ctx context.Context, dst string) error {
	major, err := serverMajor(ctx, s.read)
	if err != nil {
		return err
	}
	tool, err := pgTool("pg_dump", major)
	if err != nil {
		return err
	}
	target, env, err := libpqTarget(s.path)
	if err != nil {
		return err
	}
	if _, err := runPGTool(ctx, env, tool, "--format=custom", "--no-password", "--file="+dst, "--dbname="+target); err != nil {
		return err
	}
	// A backup holds everyone's accounts: the owner's alone, as the
	// SQLite copy's folder is.
	if err := os.Chmod(dst, 0o600); err != nil {
		return err
	}
	return syncFile(dst)
}

// serverMajor is the PostgreSQL server's major version (15 for 15.4).
func serverMajor(ctx context.Context, db *sql.DB) (int, error) {
	var n int
	err := db.QueryRowContext(ctx, pgschema.Native(`SELECT current_setting('server_version_num')::int / 10000`)).Scan(&n)
	return n, classify(err)
}

// restorePostgres fills the empty PostgreSQL database at targetURL,
// connecting as the role that is to own the schema (the owner, as `db
// setup` connects), from the pg_dump archive at backupPath: checked
// first as CheckBackup checks it, then restored by pg_restore in one
// transaction (all of it or nothing), owned by the role restoring and
// without the archive's grants, which name another server's roles: the
// desk's role is granted its rows again as `db setup` grants them
// (SetupPostgres). A database holding any table is refused
// (ErrNotEmpty), and so is a backup of a SQLite file.
func restorePostgres(ctx context.Context, backupPath, targetURL string, opts ...Option) (RestoreInfo, error) {
	if st, err := os.Stat(backupPath); err == nil && st.Mode().IsRegular() && st.Size() > 0 && !isDump(backupPath) && checkHeader(backupPath) == nil {
		return RestoreInfo{}, &BackupError{Path: backupPath, Problem: BackupOtherEngine, Detail: "an SQLite file: restore it into a database file (--db)"}
	}
	conn, err := pgx.Connect(ctx, targetURL)
	if err != nil {
		return RestoreInfo{}, classify(err)
	}
	defer conn.Close(ctx)
	var tables, major int
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()),
		current_setting('server_version_num')::int / 10000`).Scan(&tables, &major); err != nil {
		return RestoreInfo{}, classify(err)
	}
	if tables > 0 {
		return RestoreInfo{}, fmt.Errorf("%w (it holds %d tables): restore into a new, empty database", ErrNotEmpty, tables)
	}
	info, err := CheckBackup(ctx, backupPath, opts...)
	if err != nil {
		return RestoreInfo{}, err
	}
	tool, err := pgTool("pg_restore", major)
	if err != nil {
		return RestoreInfo{}, err
	}
	target, env, err := libpqTarget(targetURL)
	if err != nil {
		return RestoreInfo{}, err
	}
	if _, err := runPGTool(ctx, env, tool, "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges",
		"--no-password", "--dbname="+target, backupPath); err != nil {
		return RestoreInfo{}, err
	}
	return RestoreInfo{Backup: info}, nil
}
