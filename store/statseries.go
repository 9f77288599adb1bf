package store

import (
	"context"
	"time"
)

// StatSeries sums the scope's figures month by month over the months
// [from, to) (YYYY-MM), by its dimension's key: each key's slice holds
// one StatFigures per month, the first for from. Open is not summed.
// Keys with nothing in those months are left out.
func (t *Tx) StatSeries(ctx context.Context, scope StatScope, from, to string) (map[string][]StatFigures, error) {
	if err := scope.check(); err != nil {
		return nil, err
	}
	first, err1 := time.Parse("2006-01", from)
	last, err2 := time.Parse("2006-01", to)
	out := map[string][]StatFigures{}
	if err1 != nil || err2 != nil || !first.Before(last) {
		return out, nil
	}
	months := (last.Year()-first.Year())*12 + int(last.Month()-first.Month())
	where, args := statDaysWhere(scope, StatSpan{from + "-01", to + "-01"})
	src := `SELECT customer_id, NULL AS rep_id, item_id, substr(day, 1, 7) AS month, ` + statSums + `, sum(received) AS received
	  FROM stat_days WHERE ` + where + ` GROUP BY customer_id, item_id, month`
	if table, cols := scope.sides().monthTable(); table != "" {
		// A roll-up's rows are one a month already; grouped by month and
		// key, a customer's or goods' read in the table's own order.
		received := "received"
		if statReceived(table) == "0" {
			received = "0 AS received"
		}
		src = `SELECT ` + cols + `, month, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, ` + received + `
		  FROM ` + table + ` WHERE month >= ? AND month < ?`
		args = []any{from, to}
	}
	where, wargs := scope.where()
	key := statDimsSQL[scope.Dim].key
	q := `SELECT coalesce(` + key + `, ''), x.month, ` + statSums + `, sum(received)
	  FROM (` + src + `) x` + scope.joins(false) + ` WHERE ` + where + ` GROUP BY x.month, ` + key
	err := t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
		var key, month string
		f, err := scanStatFigures(sc, &key, &month)
		if err != nil {
			return err
		}
		m, err := time.Parse("2006-01", month)
		if err != nil {
			return err
		}
		i := (m.Year()-first.Year())*12 + int(m.Month()-first.Month())
		if f.Zero() || i < 0 || i >= months {
			return nil
		}
		if out[key] == nil {
			out[key] = make([]StatFigures, months)
		}
		out[key][i] = f
		return nil
	})
	return out, err
}
