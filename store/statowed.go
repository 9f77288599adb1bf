package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// StatOwed reads what each key owes at each span's end, as StatRows'
// Open: rows whose figures hold Open alone, by key; none for a scope
// with goods in it. A read of its own, so that it can run beside the
// figures' (Store.ReadSideBySide), and in halves (StatOwedHalf).
func (t *Tx) StatOwed(ctx context.Context, scope StatScope, spans []StatSpan) ([]StatRow, error) {
	var halves [2][]StatRow
	for n := range halves {
		var err error
		if halves[n], err = t.StatOwedHalf(ctx, scope, spans, n); err != nil {
			return nil, err
		}
	}
	return SumStatOwed(halves[0], halves[1]), nil
}

// StatOwedHalf reads one half (0 or 1) of what StatOwed reads, so that
// the two can be read side by side: what the customers of even ids (half
// 0) and of odd ids (half 1) owed at the end of the month before each
// end's, and in half 1 what the days of the end's month before it added.
// SumStatOwed adds them into StatOwed's rows.
func (t *Tx) StatOwedHalf(ctx context.Context, scope StatScope, spans []StatSpan, half int) ([]StatRow, error) {
	if err := scope.check(); err != nil || scope.Goods() {
		return nil, err
	}
	ends := make([]string, len(spans))
	for n, s := range spans {
		ends[n] = s.To
	}
	var out []StatRow
	err := t.statOwed(ctx, scope, ends, half, func(key, label string, owed []Money) {
		r := StatRow{Key: key, Label: label, Figures: make([]StatFigures, len(spans))}
		for n := range owed {
			r.Figures[n].Open.Amount = owed[n]
		}
		out = append(out, r)
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, err
}

// SumStatOwed adds two halves of what each key owes (StatOwedHalf's
// rows, by key) into StatOwed's: by key, a key that owes nothing at
// every end left out.
func SumStatOwed(a, b []StatRow) []StatRow {
	sum := mergeByKey(a, b, func(r, o StatRow) StatRow {
		for n := range r.Figures {
			r.Figures[n].Open = r.Figures[n].Open.Add(o.Figures[n].Open)
		}
		return r
	})
	return slices.DeleteFunc(sum, func(r StatRow) bool {
		return !slices.ContainsFunc(r.Figures, func(f StatFigures) bool { return !f.Zero() })
	})
}

// WithStatOwed puts what each key owes (StatOwed's rows) into the
// figures of rows (StatRows' without open, by key), adding the keys that
// owe and had nothing else; by key, as both come.
func WithStatOwed(rows, owed []StatRow) []StatRow {
	if len(owed) == 0 {
		return rows
	}
	return mergeByKey(rows, owed, func(r, o StatRow) StatRow {
		for n := range r.Figures {
			r.Figures[n].Open = o.Figures[n].Open
		}
		return r
	})
}

// mergeByKey is the rows of a and b (each by key) by key: a key in one
// alone as it is, a key in both as both makes of a's row (its figures
// in a slice of their own) and b's. a and b are left as they were.
func mergeByKey(a, b []StatRow, both func(r, o StatRow) StatRow) []StatRow {
	out := make([]StatRow, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].Key < b[j].Key):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].Key < a[i].Key:
			out = append(out, b[j])
			j++
		default:
			r := a[i]
			r.Figures = slices.Clone(r.Figures)
			out = append(out, both(r, b[j]))
			i, j = i+1, j+1
		}
	}
	return out
}

// statOwed reads what each key owes at the start of each day of ends,
// shipped less received before it: each customer's row of
// stat_customer_owed for the latest month before the end's month
// (migration 0032: one look-up a customer and end), and the days of the
// end's month before the end; of StatOwedHalf's half. Keys that owe
// nothing at any end are left out.
func (t *Tx) statOwed(ctx context.Context, scope StatScope, ends []string, half int, fn func(key, label string, owed []Money)) error {
	for _, end := range ends {
		if _, err := time.Parse(time.DateOnly, end); err != nil {
			return fmt.Errorf("statistics: bad end %q", end)
		}
	}
	src, args := owedAtMonthEnds(scope, ends, half)
	if half == 1 {
		if days, dargs := owedInEndsMonths(scope, ends); days != "" {
			src, args = src+" UNION ALL "+days, append(args, dargs...)
		}
	}
	var sums []string
	for n := range ends {
		sums = append(sums, fmt.Sprintf(`sum(o%d)`, n))
	}
	dim := statDimsSQL[scope.Dim]
	where, wargs := scope.where()
	q := `SELECT coalesce(` + dim.key + `, ''), coalesce(min(` + dim.label + `), ''), ` + strings.Join(sums, ", ") + `
	  FROM (` + src + `) x` + scope.joins(true) + ` WHERE ` + where + ` GROUP BY 1`
	return t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
		var key, label string
		sums := make([]int64, len(ends))
		dest := []any{&key, &label}
		for n := range sums {
			dest = append(dest, &sums[n])
		}
		if err := sc.Scan(dest...); err != nil {
			return err
		}
		owed := make([]Money, len(ends))
		for n, v := range sums {
			owed[n] = Money(v)
		}
		if slices.ContainsFunc(owed, func(m Money) bool { return m != 0 }) {
			fn(key, label, owed)
		}
		return nil
	})
}

// owedAtMonthEnds is a row source of what each customer of the scope
// owed at the end of the month before each end's month (o0, o1 …): its
// latest row of stat_customer_owed before that month, found by the
// table's key. The customers are those of ids of half's parity that a
// customer or rep filter names, else every one of them; the scope's
// where applies every filter again.
func owedAtMonthEnds(scope StatScope, ends []string, half int) (string, []any) {
	var cols []string
	var args []any
	for n, end := range ends {
		cols = append(cols, fmt.Sprintf(`coalesce((SELECT o.owed FROM stat_customer_owed o WHERE o.customer_id = c0.id AND o.month < ?
		  ORDER BY o.month DESC LIMIT 1), 0) AS o%d`, n))
		args = append(args, end[:7])
	}
	picks := []string{fmt.Sprintf("c0.id %% 2 = %d", half)}
	for _, f := range scope.Filters {
		switch {
		case f.Dim == StatCustomer:
			picks = append(picks, "c0.id = CAST(? AS INTEGER)")
		case f.Dim == StatRep && statRepID(f.Key) > 0:
			picks = append(picks, "c0.rep_id = CAST(? AS INTEGER)")
		default:
			continue
		}
		args = append(args, f.Key)
	}
	return `SELECT c0.id AS customer_id, CAST(NULL AS INTEGER) AS rep_id, 0 AS item_id, ` + strings.Join(cols, ", ") + `
	  FROM customers c0 WHERE ` + strings.Join(picks, " AND "), args
}

// owedInEndsMonths is a row source of what the days of each end's month
// before the end added to what each customer owes (o0, o1 …), reading
// only those days; "" when every end is its month's first day.
func owedInEndsMonths(scope StatScope, ends []string) (string, []any) {
	var cols, picks []string
	var cargs, pargs []any
	spans := make([]StatSpan, len(ends))
	for n, end := range ends {
		spans[n] = StatSpan{end[:7] + "-01", end}
		cols = append(cols, fmt.Sprintf(`sum(CASE WHEN day >= ? AND day < ? THEN shipped - received ELSE 0 END) AS o%d`, n))
		cargs = append(cargs, spans[n].From, spans[n].To)
	}
	// Two ends in one month share their days: each day is read once.
	for _, s := range mergedSpans(spans) {
		where, wargs := statDayTable.pick(scope, s)
		picks = append(picks, "("+where+")")
		pargs = append(pargs, wargs...)
	}
	if len(picks) == 0 {
		return "", nil
	}
	return `SELECT ` + statDayTable.cols() + `, ` + strings.Join(cols, ", ") + ` FROM stat_days WHERE ` + strings.Join(picks, " OR ") +
		` GROUP BY customer_id`, append(cargs, pargs...)
}
