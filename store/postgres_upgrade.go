package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"orderdesk/store/pgschema"
)

// ErrSchemaOld: a PostgreSQL database made by an older orderdesk. The
// desk does not run on it; its owner brings it up to date with
// `orderdesk db setup` (SetupPostgres), as the schema's changes need
// the owner's rights.
var ErrSchemaOld = errors.New("the PostgreSQL database's schema is older than this program's: its owner brings it up to date with `orderdesk db setup`")

// upgradeSchema lets migratePostgres bring an older schema up to date
// (SetupPostgres, as the owner).
func upgradeSchema() Option { return func(o *openOptions) { o.upgrade = true } }

// upgradePostgres brings a database from schema have to want in one
// transaction. PostgreSQL's schema is generated from the final SQLite
// schema, not migration by migration, so an upgrade is the difference
// from it, then the migrations' own data: the views and triggers go;
// the tables, columns and indexes tables.sql has and the database lacks
// are made; the functions, triggers and views are made from this
// program's scripts (as SQLite makes its generated triggers again after
// migrating); then each newer migration's INSERT, UPDATE and DELETE run,
// carried over as the store's statements are, with the guards in place.
// What a difference cannot make (a column dropped or changed) a
// migration must say in its own PostgreSQL text; none has yet.
func (s *Store) upgradePostgres(ctx context.Context, have, want int) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	return s.explain(s.writeWith(ctx, false, func(tx *Tx) error {
		views, err := queryAll(ctx, tx, scanString, pgschema.Native(`SELECT quote_ident(relname::text) FROM pg_class
		  WHERE relkind = 'v' AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`))
		if err != nil {
			return err
		}
		steps := []string{}
		if len(views) > 0 {
			steps = append(steps, `DROP VIEW `+strings.Join(views, ", "))
		}
		missing, err := pgMissingTables(ctx, tx)
		if err != nil {
			return err
		}
		for _, st := range append(steps, missing...) {
			if err := tx.script(ctx, st); err != nil {
				return fmt.Errorf("upgrade: %s: %w", strings.SplitN(st, "\n", 2)[0], classify(err))
			}
		}
		if err := pgRecreate(ctx, tx); err != nil {
			return err
		}
		for _, m := range ms[have:want] {
			for _, st := range dataStatements(m.sql) {
				if _, err := tx.exec(ctx, st); err != nil {
					return fmt.Errorf("migration %s: %w", m.name, classify(err))
				}
			}
		}
		return tx.script(ctx, fmt.Sprintf(`UPDATE schema_version SET version = %d`, want))
	}))
}

var (
	createTable = regexp.MustCompile(`(?is)^CREATE\s+TABLE\s+(\w+)\s*\((.*)\)\s*$`)
	createIndex = regexp.MustCompile(`(?is)^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)\s`)
	// tableConstraint opens an item of a table's list that is no column.
	tableConstraint = regexp.MustCompile(`(?i)^(PRIMARY|UNIQUE|FOREIGN|CHECK|CONSTRAINT|EXCLUDE)\b`)
)

// pgMissingTables is the statements that make what tables.sql has and
// the database lacks: whole tables, columns, indexes.
func pgMissingTables(ctx context.Context, tx *Tx) ([]string, error) {
	tables, err := pgTables(ctx, tx)
	if err != nil {
		return nil, err
	}
	indexes, err := queryAll(ctx, tx, scanString, pgschema.Native(`SELECT relname::text FROM pg_class
	  WHERE relkind = 'i' AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`))
	if err != nil {
		return nil, err
	}
	haveIndex := map[string]bool{}
	for _, n := range indexes {
		haveIndex[n] = true
	}
	var out []string
	for _, st := range pgschema.Statements(pgschema.Tables + ";\n" + pgschema.SearchTables) {
		if m := createTable.FindStringSubmatch(st); m != nil {
			t := tables[m[1]]
			if t == nil {
				out = append(out, st)
				continue
			}
			for _, item := range tableItems(m[2]) {
				if col := strings.Fields(item)[0]; !tableConstraint.MatchString(item) && !t.columns[strings.Trim(col, `"`)] {
					out = append(out, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s", m[1], item))
				}
			}
		} else if m := createIndex.FindStringSubmatch(st); m != nil && !haveIndex[m[1]] {
			out = append(out, st)
		}
	}
	return out, nil
}

// tableItems splits a CREATE TABLE's list at its top-level commas, with
// comments left out.
func tableItems(list string) []string {
	var lines []string
	for _, l := range strings.Split(list, "\n") {
		if i := strings.Index(l, "--"); i >= 0 && strings.Count(l[:i], "'")%2 == 0 {
			l = l[:i]
		}
		lines = append(lines, l)
	}
	list = strings.Join(lines, "\n")
	var out []string
	depth, start, quoted := 0, 0, false
	for i, c := range list {
		switch {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(list[start:i]))
			start = i + 1
		}
	}
	if last := strings.TrimSpace(list[start:]); last != "" {
		out = append(out, last)
	}
	return out
}

// dataStatements are a SQLite migration's INSERT, UPDATE and DELETE
// statements, in order; a trigger's body is part of its CREATE TRIGGER.
func dataStatements(migration string) []string {
	var out []string
	var trigger []string
	for _, st := range pgschema.Statements(migration) {
		if len(trigger) > 0 || createTriggerSQLite.MatchString(st) {
			if trigger = append(trigger, st); endsTrigger.MatchString(st) {
				trigger = nil
			}
			continue
		}
		if dataStatement.MatchString(st) {
			out = append(out, st)
		}
	}
	return out
}

var (
	createTriggerSQLite = regexp.MustCompile(`(?i)^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b`)
	endsTrigger         = regexp.MustCompile(`(?i)^END$`) // SQLite ends each statement of a body with ;
	dataStatement       = regexp.MustCompile(`(?i)^(INSERT|UPDATE|DELETE|REPLACE|WITH)\b`)
)
