package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// statSeriesCols are the columns a series reads, each one measure's
// tonnes or money.
var statSeriesCols = []struct {
	m      StatMeasure
	col    string
	amount bool
}{{StatOrdered, "ordered_kg", false}, {StatOrdered, "ordered", true}, {StatShipped, "shipped_kg", false}, {StatShipped, "shipped", true},
	{StatInvoiced, "invoiced_kg", false}, {StatInvoiced, "invoiced", true}, {StatReceived, "received", true}}

// StatSeries sums the scope's figures month by month over the months
// [from, to) (YYYY-MM), by its dimension's key: each key's slice holds
// one StatFigures per month, the first for from. Only measures are read
// (none: every one but Open, which a series never sums); a sparkline of
// one measure reads a third of the rest. Keys with nothing in those
// months are left out.
func (t *Tx) StatSeries(ctx context.Context, scope StatScope, from, to string, measures ...StatMeasure) (map[string][]StatFigures, error) {
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
	fields := `coalesce(` + statDimsSQL[scope.Dim].key + `, '') || char(31) || x.month`
	cols := statSeriesCols[:0:0]
	for _, c := range statSeriesCols {
		if len(measures) == 0 || slices.Contains(measures, c.m) {
			fields += ` || char(31) || x.` + c.col
			cols = append(cols, c)
		}
	}
	q := `SELECT group_concat(` + fields + `, char(30)) FROM (` + src + `) x` + scope.joins(false) + ` WHERE ` + where
	var all sql.NullString
	if err := t.row(ctx, q, append(args, wargs...)...).Scan(&all); err != nil || !all.Valid {
		return out, err
	}
	for _, rec := range strings.Split(all.String, "\x1e") {
		f := strings.Split(rec, "\x1f")
		if len(f) != 2+len(cols) || len(f[1]) != 7 {
			return nil, fmt.Errorf("statistics: bad series row %q", rec)
		}
		y, err1 := strconv.Atoi(f[1][:4])
		m, err2 := strconv.Atoi(f[1][5:])
		i := (y-first.Year())*12 + m - int(first.Month())
		var sum StatFigures
		for k, c := range cols {
			v, err := strconv.ParseInt(f[2+k], 10, 64)
			if err != nil || err1 != nil || err2 != nil {
				return nil, fmt.Errorf("statistics: bad series row %q", rec)
			}
			if p := sum.at(c.m); c.amount {
				p.Amount += Money(v)
			} else {
				p.Tonnes += Milli(v)
			}
		}
		if sum.Zero() || i < 0 || i >= months {
			continue
		}
		if out[f[0]] == nil {
			out[f[0]] = make([]StatFigures, months)
		}
		out[f[0]][i] = out[f[0]][i].Add(sum)
	}
	return out, nil
}
