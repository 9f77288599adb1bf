package store

import (
	"context"
	"strings"
)

// pgUniqueKeys lists the column sets of a table's unique keys other
// than its primary key, as uniqueKeys does SQLite's (whole, on columns):
// the duplicate guard refuses a row colliding on any of them before
// the other rules speak, as SQLite's does.
func pgUniqueKeys(ctx context.Context, tx *Tx, table string) ([][]string, error) {
	sets, err := queryAll(ctx, tx, scanString, `SELECT string_agg(a.attname::text, ',' ORDER BY k.n)
	  FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
	  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
	 WHERE i.indrelid = to_regclass(?) AND i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL
	   AND i.indexprs IS NULL
	 GROUP BY i.indexrelid ORDER BY i.indexrelid::regclass::text`, table)
	var keys [][]string
	for _, s := range sets {
		keys = append(keys, strings.Split(s, ","))
	}
	return keys, err
}
