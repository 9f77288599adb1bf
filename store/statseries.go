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

// statSeriesCol is one measure's tonnes or money column.
type statSeriesCol struct {
	m      StatMeasure
	col    string
	amount bool
}

// statSeriesCols are the columns a series reads, each one measure's
// tonnes or money.
var statSeriesCols = []statSeriesCol{{StatOrdered, "ordered_kg", false}, {StatOrdered, "ordered", true}, {StatShipped, "shipped_kg", false}, {StatShipped, "shipped", true},
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
	// A month roll-up's rows are one a month already.
	rt := scope.sides().monthTable()
	pick, args := rt.pick(scope, StatSpan{from, to})
	src := `SELECT ` + rt.cols() + `, month, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, ` + rt.receivedCol() + ` AS received
	  FROM ` + rt.name + ` WHERE ` + pick
	where, wargs := scope.where()
	// Every row comes back in one string, one printf a row, added up
	// here without splitting it into strings: a row read through
	// database/sql costs microseconds, and a trend of every customer is a
	// hundred thousand of them.
	format, fields := "%s\x1f%s", `coalesce(`+statDimsSQL[scope.Dim].key+`, ''), x.month`
	cols := statSeriesCols[:0:0]
	for _, c := range statSeriesCols {
		if len(measures) == 0 || slices.Contains(measures, c.m) {
			format += "\x1f%d"
			fields += `, x.` + c.col
			cols = append(cols, c)
		}
	}
	q := `SELECT group_concat(printf('` + format + `', ` + fields + `), char(30)) FROM (` + src + `) x` + scope.joins(false) + ` WHERE ` + where
	var all sql.NullString
	if err := t.row(ctx, q, append(args, wargs...)...).Scan(&all); err != nil || !all.Valid {
		return out, err
	}
	for rest := all.String; rest != ""; {
		rec, next, _ := strings.Cut(rest, "\x1e")
		rest = next
		key, i, sum, err := statSeriesRecord(rec, cols, first)
		if err != nil {
			return nil, err
		}
		if sum.Zero() || i < 0 || i >= months {
			continue
		}
		series := out[key]
		if series == nil {
			series = make([]StatFigures, months)
			out[key] = series
		}
		series[i] = series[i].Add(sum)
	}
	return out, nil
}

// statSeriesRecord reads one record of a series: the key, the month's
// place after first, and the figures of cols.
func statSeriesRecord(rec string, cols []statSeriesCol, first time.Time) (key string, i int, sum StatFigures, err error) {
	bad := func() error { return fmt.Errorf("statistics: bad series row %q", rec) }
	key, rest, ok := strings.Cut(rec, "\x1f")
	month, rest, ok2 := strings.Cut(rest, "\x1f")
	if !ok || len(month) != 7 || (!ok2 && len(cols) > 0) {
		return "", 0, sum, bad()
	}
	y, err1 := strconv.Atoi(month[:4])
	m, err2 := strconv.Atoi(month[5:])
	if err1 != nil || err2 != nil {
		return "", 0, sum, bad()
	}
	for k, c := range cols {
		field, next, more := strings.Cut(rest, "\x1f")
		if more != (k < len(cols)-1) {
			return "", 0, sum, bad()
		}
		rest = next
		v, err := strconv.ParseInt(field, 10, 64)
		if err != nil {
			return "", 0, sum, bad()
		}
		if p := sum.at(c.m); c.amount {
			p.Amount += Money(v)
		} else {
			p.Tonnes += Milli(v)
		}
	}
	return key, (y-first.Year())*12 + m - int(first.Month()), sum, nil
}
