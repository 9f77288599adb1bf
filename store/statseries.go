package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
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
		// A roll-up's rows are one a month already.
		received := "received"
		if statReceived(table) == "0" {
			received = "0 AS received"
		}
		src = `SELECT ` + cols + `, month, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, ` + received + `
		  FROM ` + table + ` WHERE month >= ? AND month < ?`
		args = []any{from, to}
	}
	where, wargs := scope.where()
	// Every row comes back in one string, added up here: a row read
	// through database/sql costs microseconds, and a trend of every
	// customer is tens of thousands of them.
	field := func(col string) string { return ` || char(31) || x.` + col }
	q := `SELECT group_concat(coalesce(` + statDimsSQL[scope.Dim].key + `, '')` + field("month") + field("ordered_kg") + field("ordered") +
		field("shipped_kg") + field("shipped") + field("invoiced_kg") + field("invoiced") + field("received") + `, char(30))
	  FROM (` + src + `) x` + scope.joins(false) + ` WHERE ` + where
	var all sql.NullString
	if err := t.row(ctx, q, append(args, wargs...)...).Scan(&all); err != nil || !all.Valid {
		return out, err
	}
	for _, rec := range strings.Split(all.String, "\x1e") {
		f := strings.Split(rec, "\x1f")
		if len(f) != 9 || len(f[1]) != 7 {
			return nil, fmt.Errorf("statistics: bad series row %q", rec)
		}
		y, err1 := strconv.Atoi(f[1][:4])
		m, err2 := strconv.Atoi(f[1][5:])
		var n [7]int64
		for k := range n {
			v, err := strconv.ParseInt(f[2+k], 10, 64)
			if err != nil || err1 != nil || err2 != nil {
				return nil, fmt.Errorf("statistics: bad series row %q", rec)
			}
			n[k] = v
		}
		i := (y-first.Year())*12 + m - int(first.Month())
		if n == [7]int64{} || i < 0 || i >= months {
			continue
		}
		if out[f[0]] == nil {
			out[f[0]] = make([]StatFigures, months)
		}
		out[f[0]][i] = out[f[0]][i].Add(StatFigures{Ordered: StatFigure{Milli(n[0]), Money(n[1])}, Shipped: StatFigure{Milli(n[2]), Money(n[3])},
			Invoiced: StatFigure{Milli(n[4]), Money(n[5])}, Received: StatFigure{Amount: Money(n[6])}})
	}
	return out, nil
}
