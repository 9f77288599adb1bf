package store

import (
	"context"
	"database/sql"
	"strings"

	"orderdesk/store/pgschema"
)

// pgTable is what the generated guards need to know of a table in the
// catalogue: its columns, the column the audit log names its rows by
// (rowKey), and its unique keys other than its primary key, as
// uniqueKeys gives SQLite's (whole, on columns): the duplicate guard
// refuses a row colliding on any of them before the other rules speak,
// as SQLite's does.
type pgTable struct {
	columns map[string]bool
	key     string
	unique  [][]string
}

// pgTables reads every table of the schema in three queries: the guards
// are generated at each check of the catalogue (pgschemacheck.go), where
// a few queries per table cost seconds.
func pgTables(ctx context.Context, tx *Tx) (map[string]*pgTable, error) {
	const here = `c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`
	out := map[string]*pgTable{}
	rows, err := tx.tx.QueryContext(ctx, pgschema.Native(`SELECT c.relname::text, a.attname::text FROM pg_class c
	  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	 WHERE c.relkind IN ('r', 'p') AND `+here))
	if err != nil {
		return nil, err
	}
	err = eachRow(rows, func(s scanner) error {
		var table, col string
		if err := s.Scan(&table, &col); err != nil {
			return err
		}
		if out[table] == nil {
			out[table] = &pgTable{columns: map[string]bool{}, key: "rowid"}
		}
		out[table].columns[col] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The primary key names the rows where it is one identity column;
	// otherwise the table keeps a rowid column of its own.
	rows, err = tx.tx.QueryContext(ctx, pgschema.Native(`SELECT c.relname::text, min(a.attname::text)
	  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
	  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
	 WHERE i.indisprimary AND `+here+`
	 GROUP BY c.relname HAVING count(*) = 1 AND bool_and(a.attidentity <> '')`))
	if err != nil {
		return nil, err
	}
	err = eachRow(rows, func(s scanner) error {
		var table, key string
		if err := s.Scan(&table, &key); err == nil && out[table] != nil {
			out[table].key = key
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	rows, err = tx.tx.QueryContext(ctx, pgschema.Native(`SELECT c.relname::text, string_agg(a.attname::text, ',' ORDER BY k.n)
	  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
	  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
	  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
	 WHERE i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL AND `+here+`
	 GROUP BY c.relname, i.indexrelid ORDER BY c.relname, i.indexrelid::regclass::text`))
	if err != nil {
		return nil, err
	}
	err = eachRow(rows, func(s scanner) error {
		var table, cols string
		if err := s.Scan(&table, &cols); err == nil && out[table] != nil {
			out[table].unique = append(out[table].unique, strings.Split(cols, ","))
		}
		return err
	})
	return out, err
}

// eachRow calls fn on each of rows, then closes them.
func eachRow(rows *sql.Rows, fn func(scanner) error) error {
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
