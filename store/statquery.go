package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// StatRow is one key of a dimension (a customer, a rep, a grade …) with
// its figures for each span asked, in the order asked.
type StatRow struct {
	Key     string
	Label   string
	Figures []StatFigures
}

// statSums are the summed columns of every row source, in scan order.
const statSums = `sum(ordered_kg) AS ordered_kg, sum(ordered) AS ordered, sum(shipped_kg) AS shipped_kg, sum(shipped) AS shipped,
 sum(invoiced_kg) AS invoiced_kg, sum(invoiced) AS invoiced`

// statSource is the row source of one part of a span: whole months from
// the roll-up the scope can read, the ends (and whole months no roll-up
// serves) from the days.
func statSource(scope StatScope, p statParts) (string, []any) {
	var parts []string
	var args []any
	days := func(s StatSpan) {
		where, dargs := statDaysWhere(scope, s)
		parts = append(parts, `SELECT customer_id, NULL AS rep_id, item_id, `+statSums+`, sum(received) AS received
		  FROM stat_days WHERE `+where+` GROUP BY customer_id, item_id`)
		args = append(args, dargs...)
	}
	for _, s := range []StatSpan{p.lead, p.trail} {
		if !s.empty() {
			days(s)
		}
	}
	if !p.months.empty() {
		table, cols := scope.sides().monthTable()
		if table == "" {
			days(StatSpan{p.months.From + "-01", p.months.To + "-01"})
		} else {
			parts = append(parts, `SELECT `+cols+`, `+statSums+`, `+statReceived(table)+` AS received
			  FROM `+table+` WHERE month >= ? AND month < ? GROUP BY 1, 2, 3`)
			args = append(args, p.months.From, p.months.To)
		}
	}
	return strings.Join(parts, " UNION ALL "), args
}

// scanStatFigures reads a row of the columns first, then the sums of
// statSums and the money received.
func scanStatFigures(sc scanner, first ...any) (f StatFigures, err error) {
	err = sc.Scan(append(first, &f.Ordered.Tonnes, &f.Ordered.Amount, &f.Shipped.Tonnes, &f.Shipped.Amount,
		&f.Invoiced.Tonnes, &f.Invoiced.Amount, &f.Received.Amount)...)
	return f, err
}

// statDaysWhere picks the days of s, one customer's by its index when
// the scope is held to one.
func statDaysWhere(scope StatScope, s StatSpan) (string, []any) {
	if key, ok := scope.customerKey(); ok {
		return `customer_id = CAST(? AS INTEGER) AND day >= ? AND day < ?`, []any{key, s.From, s.To}
	}
	return `day >= ? AND day < ?`, []any{s.From, s.To}
}

// statReceived is the money received a roll-up holds: only the
// customers' has it.
func statReceived(table string) string {
	if table == "stat_customer_months" {
		return "sum(received)"
	}
	return "0"
}

// StatRows sums the scope's figures over each span, by its dimension.
// Open (money owed at each span's end) is read only when open is asked
// and the scope has no goods in it. Keys with nothing in any span are
// left out; a span with no data gives no rows, never an error. A span
// asked twice (a year's period before is its same period last year) is
// read once.
func (t *Tx) StatRows(ctx context.Context, scope StatScope, spans []StatSpan, open bool) ([]StatRow, error) {
	if err := scope.check(); err != nil {
		return nil, err
	}
	byKey := map[string]*StatRow{}
	row := func(key, label string) *StatRow {
		r, ok := byKey[key]
		if !ok {
			r = &StatRow{Key: key, Label: label, Figures: make([]StatFigures, len(spans))}
			byKey[key] = r
		}
		return r
	}
	dim := statDimsSQL[scope.Dim]
	where, wargs := scope.where()
	first := map[StatSpan]int{}
	for n, span := range spans {
		if _, ok := first[span]; ok {
			continue
		}
		first[span] = n
		src, args := statSource(scope, span.parts())
		if src == "" {
			continue
		}
		q := `SELECT coalesce(` + dim.key + `, ''), coalesce(min(` + dim.label + `), ''), ` + statSums + `, sum(received)
		  FROM (` + src + `) x` + scope.joins(true) + ` WHERE ` + where + ` GROUP BY 1`
		err := t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
			var key, label string
			f, err := scanStatFigures(sc, &key, &label)
			if err != nil {
				return err
			}
			if !f.Zero() {
				row(key, label).Figures[n] = f
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if open && !scope.Goods() {
		ends := make([]string, len(spans))
		for n, s := range spans {
			ends[n] = s.To
		}
		if err := t.statOwed(ctx, scope, ends, func(key, label string, owed []Money) {
			r := row(key, label)
			for n := range owed {
				r.Figures[n].Open.Amount = owed[n]
			}
		}); err != nil {
			return nil, err
		}
	}
	out := make([]StatRow, 0, len(byKey))
	for _, r := range byKey {
		for n, span := range spans {
			if k := first[span]; k != n {
				r.Figures[n].Ordered, r.Figures[n].Shipped, r.Figures[n].Invoiced, r.Figures[n].Received =
					r.Figures[k].Ordered, r.Figures[k].Shipped, r.Figures[k].Invoiced, r.Figures[k].Received
			}
		}
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// statOwed reads what each key owes at the start of each day of ends:
// shipped less received before it, whole months from the roll-up, the
// rest of the end's month from the days; one scan for every end. Keys
// that owe nothing at any end are left out.
func (t *Tx) statOwed(ctx context.Context, scope StatScope, ends []string, fn func(key, label string, owed []Money)) error {
	var months, sums, parts []string
	var args []any
	maxMonth := ""
	for n, end := range ends {
		if len(end) < 10 {
			return fmt.Errorf("statistics: bad end %q", end)
		}
		m := end[:7]
		months = append(months, fmt.Sprintf(`sum(CASE WHEN month < ? THEN shipped - received ELSE 0 END) AS o%d`, n))
		args = append(args, m)
		sums = append(sums, fmt.Sprintf(`sum(o%d)`, n))
		maxMonth = max(maxMonth, m)
	}
	args = append(args, maxMonth)
	// The days of each end's own month before it, read only where there
	// are some (a period ending with a month ends on its first day).
	for n, end := range ends {
		if end[8:] == "01" {
			continue
		}
		cols := make([]string, len(ends))
		for k := range cols {
			cols[k] = fmt.Sprintf(`0 AS o%d`, k)
		}
		cols[n] = fmt.Sprintf(`sum(shipped - received) AS o%d`, n)
		parts = append(parts, `SELECT customer_id, NULL AS rep_id, 0 AS item_id, `+strings.Join(cols, ", ")+`
		  FROM stat_days WHERE day >= ? AND day < ? GROUP BY customer_id`)
		args = append(args, end[:7]+"-01", end)
	}
	dim := statDimsSQL[scope.Dim]
	where, wargs := scope.where()
	q := `SELECT coalesce(` + dim.key + `, ''), coalesce(min(` + dim.label + `), ''), ` + strings.Join(sums, ", ") + `
	  FROM (` + strings.Join(append([]string{`SELECT customer_id, NULL AS rep_id, 0 AS item_id, ` + strings.Join(months, ", ") + `
	          FROM stat_customer_months WHERE month < ? GROUP BY customer_id`}, parts...), " UNION ALL ") + `) x` +
		scope.joins(true) + ` WHERE ` + where + ` GROUP BY 1`
	return t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
		var key, label string
		owed := make([]Money, len(ends))
		dest := []any{&key, &label}
		for n := range owed {
			dest = append(dest, &owed[n])
		}
		if err := sc.Scan(dest...); err != nil {
			return err
		}
		if slices.ContainsFunc(owed, func(m Money) bool { return m != 0 }) {
			fn(key, label, owed)
		}
		return nil
	})
}

// each runs q and hands every row to fn.
func (t *Tx) each(ctx context.Context, q string, args []any, fn func(scanner) error) error {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
