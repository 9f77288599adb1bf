package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// copyRows streams one SQLite query's rows into a PostgreSQL table with
// COPY: rows go over as they are read, never all held at once, and the
// server takes them in batches of its own.
func copyRows(ctx context.Context, pg pgx.Tx, src *Tx, t copyTable) (int64, error) {
	rows, err := src.tx.QueryContext(ctx, selectColumns(t))
	if err != nil {
		return 0, fmt.Errorf("reading %s: %w", t.name, err)
	}
	defer rows.Close()
	values := make([]any, len(t.columns))
	ptrs := make([]any, len(values))
	for i := range values {
		ptrs[i] = &values[i]
	}
	n, err := pg.CopyFrom(ctx, pgx.Identifier{t.name}, t.columns, pgx.CopyFromFunc(func() ([]any, error) {
		if !rows.Next() {
			return nil, rows.Err()
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out := make([]any, len(values))
		for i, v := range values {
			c, err := pgValue(v, t.types[i])
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", t.name, t.columns[i], err)
			}
			out[i] = c
		}
		return out, nil
	}))
	if err != nil {
		return n, fmt.Errorf("copying %s: %w", t.name, err)
	}
	return n, nil
}

// pgValue is a SQLite value as a column of PostgreSQL's type takes it:
// the schema keeps SQLite's types (64-bit integers and text), so only
// what SQLite's loose typing may have stored otherwise needs a word.
func pgValue(v any, typ string) (any, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []byte:
		v = string(x)
	}
	switch typ {
	case "bigint":
		if s, ok := v.(string); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not an integer", s)
			}
			return n, nil
		}
	case "text":
		if n, ok := v.(int64); ok {
			return strconv.FormatInt(n, 10), nil
		}
	}
	return v, nil
}

// selectColumns is the SQLite query reading a table's columns as
// PostgreSQL has them: rowid, where PostgreSQL keeps it as a column, is
// SQLite's own.
func selectColumns(t copyTable) string {
	quoted := make([]string, len(t.columns))
	for i, c := range t.columns {
		quoted[i] = `"` + c + `"`
		if c == "rowid" {
			quoted[i] = "rowid"
		}
	}
	return `SELECT ` + strings.Join(quoted, ", ") + ` FROM "` + t.name + `"`
}

// buildSearch writes the search indexes anew from the text their rows
// were made of: SQLite's FTS5 tables hold no text to copy.
func buildSearch(ctx context.Context, pg pgx.Tx, src *Tx) (int64, error) {
	var total int64
	for _, s := range searchSources {
		rows, err := src.tx.QueryContext(ctx, s.rows)
		if err != nil {
			return total, fmt.Errorf("reading %s: %w", s.table, err)
		}
		n, err := pg.CopyFrom(ctx, pgx.Identifier{s.table}, []string{"rowid", "grams"}, pgx.CopyFromFunc(func() ([]any, error) {
			if !rows.Next() {
				return nil, rows.Err()
			}
			var id int64
			var text string
			err := rows.Scan(&id, &text)
			return []any{id, strings.Fields(searchGrams(text))}, err
		}))
		rows.Close()
		if err != nil {
			return total, fmt.Errorf("building %s: %w", s.table, err)
		}
		total += n
	}
	return total, nil
}

// setSequences puts every identity column's next value past the copied
// ids, and past any SQLite's AUTOINCREMENT had handed out, so that the
// next document, audit record or line takes the id after the last.
func setSequences(ctx context.Context, pg pgx.Tx, src *Tx) error {
	used := map[string]int64{}
	var hasSeq bool
	if err := src.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence')`).Scan(&hasSeq); err != nil {
		return err
	}
	if hasSeq {
		rows, err := src.tx.QueryContext(ctx, `SELECT name, seq FROM sqlite_sequence`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var name string
			var seq int64
			if err := rows.Scan(&name, &seq); err != nil {
				rows.Close()
				return err
			}
			used[name] = seq
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	rows, err := pg.Query(ctx, `SELECT table_name::text, column_name::text FROM information_schema.columns
	 WHERE table_schema = current_schema() AND is_identity = 'YES'`)
	if err != nil {
		return err
	}
	type identity struct{ table, column string }
	var ids []identity
	for rows.Next() {
		var i identity
		if err := rows.Scan(&i.table, &i.column); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, i)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, i := range ids {
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence($1, $2), greatest(max(%s), $3), true) FROM %s HAVING greatest(max(%[1]s), $3) > 0`,
			pgx.Identifier{i.column}.Sanitize(), pgx.Identifier{i.table}.Sanitize())
		if _, err := pg.Exec(ctx, q, i.table, i.column, used[i.table]); err != nil {
			return fmt.Errorf("the sequence of %s.%s: %w", i.table, i.column, err)
		}
	}
	return nil
}
