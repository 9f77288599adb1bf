package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"orderdesk/store/pgschema"
)

// IsPostgresURL says whether a database setting names a PostgreSQL
// server (postgres:// or postgresql://) rather than a SQLite file.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// OpenURL opens the database a setting names: a PostgreSQL server by its
// URL, otherwise the SQLite file at that path (Open).
func OpenURL(ctx context.Context, target string, opts ...Option) (*Store, error) {
	if !IsPostgresURL(target) {
		return Open(ctx, target, opts...)
	}
	write, err := sql.Open(pgschema.DriverName, pgschema.DSN(target))
	if err != nil {
		return nil, classify(err)
	}
	// One writer per process, as with the file; across processes the
	// writers take turns by an advisory lock (begin).
	write.SetMaxOpenConns(1)
	read, err := sql.Open(pgschema.DriverName, pgschema.DSN(target))
	if err != nil {
		write.Close()
		return nil, classify(err)
	}
	return start(ctx, target, write, read, false, true, opts)
}

// writerLock is the advisory lock every writer of a database holds for
// its transaction: the writers of several servers take turns, as the
// writers of one SQLite file do, so every rule a trigger checks against
// other rows (the payment gate, credit limits, gapless numbers, over-
// shipping) sees every earlier write.
const writerLock = pgschema.WriterLock

// beginPostgres waits up to busyTimeout for the other writers, as a
// SQLite writer does, and then fails with ErrBusy (lock_not_available).
func (s *Store) beginPostgres(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	// One text of three statements: a text without arguments goes by
	// the simple protocol, all three in one round trip.
	q := fmt.Sprintf(`SET LOCAL lock_timeout = %d; SELECT pg_advisory_xact_lock(%d); SET LOCAL lock_timeout = 0`,
		busyTimeout.Milliseconds(), writerLock)
	if _, err := tx.ExecContext(ctx, pgschema.Native(q)); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// migratePostgres makes the schema in a new database in one transaction:
// tables, the generated guards, the rules, the system user. A database
// made by a newer orderdesk is refused, and one made by an older one
// unless upgrade (the owner's setup: upgradePostgres).
func (s *Store) migratePostgres(ctx context.Context, upgrade bool) error {
	want := SchemaVersion()
	var made bool
	if err := s.read.QueryRowContext(ctx, `SELECT to_regclass('schema_version') IS NOT NULL`).Scan(&made); err != nil {
		return classify(err)
	}
	if made {
		var have int
		if err := s.read.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&have); err != nil {
			return classify(err)
		}
		switch {
		case have > want:
			return fmt.Errorf("%w (database schema %d, this program knows %d): upgrade orderdesk", ErrTooNew, have, want)
		case have < want && upgrade:
			return s.upgradePostgres(ctx, have, want)
		case have < want:
			return fmt.Errorf("%w (database schema %d, this program's %d)", ErrSchemaOld, have, want)
		}
		return nil
	}
	var tables int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&tables); err != nil {
		return classify(err)
	}
	if tables > 0 {
		return fmt.Errorf("%w (it holds another program's tables)", ErrNotDatabase)
	}
	if err := s.mayMakeSchema(ctx); err != nil {
		return err
	}
	s.created = true
	return s.explain(s.writeWith(ctx, false, func(tx *Tx) error {
		now := stamp(time.Now())
		first := []string{pgschema.Tables, pgschema.SearchTables,
			fmt.Sprintf(`INSERT INTO users(id, login, name, roles, active, created_at, updated_at, updated_by)
			 VALUES (1, 'system', 'system', ',', 0, '%s', '%s', 1);
			SELECT setval(pg_get_serial_sequence('users', 'id'), 1)`, now, now),
			pgschema.Functions(skippedList()), pgCompat}
		for _, step := range first {
			if err := tx.script(ctx, step); err != nil {
				return fmt.Errorf("PostgreSQL schema: %w", classify(err))
			}
		}
		guards, err := pgGuards(ctx, tx)
		if err != nil {
			return err
		}
		for _, step := range []string{guards, pgschema.RulesScript,
			fmt.Sprintf(`CREATE TABLE schema_version (version bigint NOT NULL); INSERT INTO schema_version VALUES (%d)`, want)} {
			if err := tx.script(ctx, step); err != nil {
				return fmt.Errorf("PostgreSQL schema: %w", classify(err))
			}
		}
		return nil
	}))
}

// skippedList is skippedColumns in order: the audit function's text is
// compared with the catalogue's (pgschemacheck.go), so it must be the
// same at every start.
func skippedList() []string {
	var out []string
	for c := range skippedColumns {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// pgGuards are the generated guards for the same tables, actors and
// lists as SQLite's (installTriggers).
func pgGuards(ctx context.Context, tx *Tx) (string, error) {
	tables, err := pgTables(ctx, tx)
	if err != nil {
		return "", err
	}
	keep := map[string]bool{}
	for _, t := range replaceGuarded {
		keep[t] = true
	}
	var b strings.Builder
	seen := map[string]bool{}
	add := func(table, actor string) error {
		tb := tables[table]
		if tb == nil {
			return fmt.Errorf("table %s does not exist", table)
		}
		var unique [][]string
		if keep[table] {
			unique = tb.unique
		}
		b.WriteString(pgschema.Triggers(pgschema.Guarded{Table: table, Actor: actor, Key: tb.key,
			DocContent: actor != "" && tb.columns["doc_id"] && table != "transitions", KeyFixed: keep[table], Unique: unique}))
		seen[table] = true
		return nil
	}
	for _, a := range auditedTables {
		if err := add(a.table, a.actor); err != nil {
			return "", err
		}
	}
	for _, t := range replaceGuarded {
		if !seen[t] {
			if err := add(t, ""); err != nil {
				return "", err
			}
		}
	}
	return b.String(), nil
}
