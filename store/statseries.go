package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
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
	{StatInvoiced, "invoiced_kg", false}, {StatInvoiced, "invoiced", true}, {StatReceived, "received", true},
	{StatReturned, "returned_kg", false}, {StatReturned, "returned", true}}

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
	// A month roll-up's rows are one a month already. They come back one
	// row a month, in the roll-up's own order (so none is sorted), each
	// column of the month's rows joined into one string: the keys (as
	// integers, or as records of text, statRecords) and each measure's
	// integers. SQLite writes a column of integers for much less than a
	// printf of every row.
	rt := scope.sides().monthTable()
	pick, args := rt.pick(scope, StatSpan{from, to})
	src := `SELECT ` + rt.cols() + `, month, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, ` + rt.receivedCol() + ` AS received,
	  returned_kg, returned FROM ` + rt.name + ` WHERE ` + pick
	where, wargs := scope.where()
	dim := statDimsSQL[scope.Dim]
	keys := statJoined([]string{dim.key}, nil)
	if dim.intKey {
		keys = `group_concat(coalesce(` + dim.key + `, 0), char(31))`
	}
	cols := statSeriesCols[:0:0]
	for _, c := range statSeriesCols {
		if len(measures) == 0 || slices.Contains(measures, c.m) {
			keys += `, group_concat(x.` + c.col + `, char(31))`
			cols = append(cols, c)
		}
	}
	q := `SELECT x.month, ` + keys + ` FROM (` + src + `) x` + scope.joins(false) + ` WHERE ` + where + ` GROUP BY x.month`
	byID := map[int64][]StatFigures{}
	err := t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
		var month string
		texts := make([]sql.NullString, 1+len(cols))
		dest := []any{&month}
		for i := range texts {
			dest = append(dest, &texts[i])
		}
		if err := sc.Scan(dest...); err != nil {
			return err
		}
		m, err := time.Parse("2006-01", month)
		i := (m.Year()-first.Year())*12 + int(m.Month()-first.Month())
		if err != nil || i < 0 || i >= months {
			return fmt.Errorf("statistics: bad series month %q", month)
		}
		ids, names, vals, err := statSeriesColumns(dim.intKey, texts)
		if err != nil {
			return fmt.Errorf("statistics: series of %s: %w", month, err)
		}
		for n := range max(len(ids), len(names)) {
			var sum StatFigures
			for k, c := range cols {
				if p := sum.at(c.m); c.amount {
					p.Amount += Money(vals[k][n])
				} else {
					p.Tonnes += Milli(vals[k][n])
				}
			}
			if sum.Zero() {
				continue
			}
			var series []StatFigures
			if dim.intKey {
				if series = byID[ids[n]]; series == nil {
					series = make([]StatFigures, months)
					byID[ids[n]] = series
				}
			} else if series = out[names[n]]; series == nil {
				series = make([]StatFigures, months)
				out[names[n]] = series
			}
			series[i] = series[i].Add(sum)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for id, series := range byID {
		out[strconv.FormatInt(id, 10)] = series
	}
	return out, nil
}

// statSeriesColumns reads a month's columns: its keys (ids, or names
// when not intKey) and each measure's values, one a key.
func statSeriesColumns(intKey bool, texts []sql.NullString) (ids []int64, names []string, vals [][]int64, err error) {
	if intKey {
		ids, err = statInts(texts[0].String)
	} else {
		r := newStatRecords(texts[0].String)
		for r.more() {
			names = append(names, r.text())
		}
		err = r.err
	}
	rows := max(len(ids), len(names))
	vals = make([][]int64, len(texts)-1)
	for k := range vals {
		if err == nil {
			vals[k], err = statInts(texts[1+k].String)
		}
		if err == nil && len(vals[k]) != rows {
			err = fmt.Errorf("%d keys, %d figures", rows, len(vals[k]))
		}
	}
	return ids, names, vals, err
}
