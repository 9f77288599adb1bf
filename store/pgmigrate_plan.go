package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// copyTable is one table a migration copies: its columns as PostgreSQL
// has them (a table without an INTEGER PRIMARY KEY has SQLite's rowid
// as a column there) and their types.
type copyTable struct {
	name    string
	columns []string
	types   []string // "bigint", "text", …
	refs    []string // the tables its foreign keys name, itself left out
}

// searchSources are the search indexes, which a migration builds anew
// rather than copies (SQLite's FTS5 tables keep no text to copy): each
// from the text its rows were made of, as the store writes them
// (indexCustomer, writeOrderIndex, IndexDelivery).
var searchSources = []struct{ table, rows string }{
	{"customer_fts", `SELECT f.rowid, c.search FROM customer_fts f JOIN customers c ON c.id = f.rowid`},
	{"order_fts", `SELECT f.rowid, s.text FROM order_fts f JOIN order_search s ON s.doc_id = f.rowid`},
	{"delivery_fts", `SELECT f.rowid, s.text FROM delivery_fts f JOIN delivery_search s ON s.doc_id = f.rowid`},
}

// isSearchTable says whether a table is a search index, or (in SQLite)
// one of the tables an FTS5 index keeps itself in.
func isSearchTable(name string) bool {
	for _, s := range searchSources {
		if name == s.table || strings.HasPrefix(name, s.table+"_") {
			return true
		}
	}
	return false
}

// copyPlan lists the tables to copy in an order their foreign keys
// accept (a table after every table it names), read from PostgreSQL's
// catalogue, and refuses a SQLite database whose tables are not the
// same ones.
func copyPlan(ctx context.Context, pg pgx.Tx, src *Tx) ([]copyTable, error) {
	rows, err := pg.Query(ctx, `SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
	  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> 'schema_version'
	 ORDER BY c.relname, a.attnum`)
	if err != nil {
		return nil, err
	}
	byName := map[string]*copyTable{}
	var names []string
	for rows.Next() {
		var table, column, typ string
		if err := rows.Scan(&table, &column, &typ); err != nil {
			rows.Close()
			return nil, err
		}
		if isSearchTable(table) {
			continue
		}
		t := byName[table]
		if t == nil {
			t = &copyTable{name: table}
			byName[table] = t
			names = append(names, table)
		}
		t.columns = append(t.columns, column)
		t.types = append(t.types, typ)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := sameTables(ctx, src, names); err != nil {
		return nil, err
	}
	refs, err := pg.Query(ctx, `SELECT DISTINCT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint
	 WHERE contype = 'f' AND conrelid <> confrelid AND connamespace = current_schema()::regnamespace`)
	if err != nil {
		return nil, err
	}
	for refs.Next() {
		var from, to string
		if err := refs.Scan(&from, &to); err != nil {
			refs.Close()
			return nil, err
		}
		if t := byName[from]; t != nil {
			t.refs = append(t.refs, to)
		}
	}
	if err := refs.Err(); err != nil {
		return nil, err
	}
	return referencedFirst(names, byName)
}

// sameTables refuses a SQLite database whose tables are not the ones
// PostgreSQL's schema has (the search indexes aside).
func sameTables(ctx context.Context, src *Tx, pgNames []string) error {
	have, err := queryAll(ctx, src, scanString, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return err
	}
	have = slices.DeleteFunc(have, isSearchTable)
	var missing, extra []string
	for _, n := range pgNames {
		if !slices.Contains(have, n) {
			missing = append(missing, n)
		}
	}
	for _, n := range have {
		if !slices.Contains(pgNames, n) {
			extra = append(extra, n)
		}
	}
	if len(missing)+len(extra) > 0 {
		return fmt.Errorf("%w: the SQLite database's tables are not PostgreSQL's (only in PostgreSQL: %s; only in SQLite: %s)",
			ErrMigrateCheck, strings.Join(missing, ", "), strings.Join(extra, ", "))
	}
	return nil
}

// referencedFirst orders the tables so that each comes after those its
// foreign keys name; a cycle among them is refused by name (the schema
// has none: a row could not be written first).
func referencedFirst(names []string, byName map[string]*copyTable) ([]copyTable, error) {
	var out []copyTable
	state := map[string]int{} // 1 visiting, 2 placed
	var visit func(string, []string) error
	visit = func(n string, path []string) error {
		switch state[n] {
		case 2:
			return nil
		case 1:
			return fmt.Errorf("%w: the foreign keys of %s go round", ErrMigrateCheck, strings.Join(append(path, n), " → "))
		}
		state[n] = 1
		t := byName[n]
		for _, r := range t.refs {
			if byName[r] != nil {
				if err := visit(r, append(path, n)); err != nil {
					return err
				}
			}
		}
		state[n] = 2
		out = append(out, *t)
		return nil
	}
	for _, n := range names {
		if err := visit(n, nil); err != nil {
			return nil, err
		}
	}
	return out, nil
}
