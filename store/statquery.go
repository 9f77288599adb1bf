package store

import (
	"context"
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
// the roll-up the scope can read (by customer, by goods; a scope on both
// reads the days), the ends from the days.
func statSource(scope StatScope, p statParts) (string, []any) {
	customer, goods := scope.sides()
	var parts []string
	var args []any
	days := func(s StatSpan) {
		parts = append(parts, `SELECT customer_id, item_id, `+statSums+`, sum(received) AS received
		  FROM stat_days WHERE day >= ? AND day < ? GROUP BY customer_id, item_id`)
		args = append(args, s.From, s.To)
	}
	for _, s := range []StatSpan{p.lead, p.trail} {
		if !s.empty() {
			days(s)
		}
	}
	if !p.months.empty() {
		switch {
		case customer && goods:
			days(StatSpan{p.months.From + "-01", p.months.To + "-01"})
		case goods:
			parts = append(parts, `SELECT 0 AS customer_id, item_id, `+statSums+`, 0 AS received
			  FROM stat_item_months WHERE month >= ? AND month < ? GROUP BY item_id`)
			args = append(args, p.months.From, p.months.To)
		default:
			parts = append(parts, `SELECT customer_id, 0 AS item_id, `+statSums+`, sum(received) AS received
			  FROM stat_customer_months WHERE month >= ? AND month < ? GROUP BY customer_id`)
			args = append(args, p.months.From, p.months.To)
		}
	}
	return strings.Join(parts, " UNION ALL "), args
}

// StatRows sums the scope's figures over each span, by its dimension.
// Open (money owed at each span's end) is read only when open is asked
// and the scope has no goods in it. Keys with nothing in any span are
// left out; a span with no data gives no rows, never an error.
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
	for n, span := range spans {
		src, args := statSource(scope, span.parts())
		if src == "" {
			continue
		}
		q := `SELECT coalesce(` + dim.key + `, ''), coalesce(min(` + dim.label + `), ''), ` + statSums + `, sum(received)
		  FROM (` + src + `) x` + statJoins + ` WHERE ` + where + ` GROUP BY 1`
		err := t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
			var key, label string
			var f StatFigures
			if err := sc.Scan(&key, &label, &f.Ordered.Tonnes, &f.Ordered.Amount, &f.Shipped.Tonnes, &f.Shipped.Amount,
				&f.Invoiced.Tonnes, &f.Invoiced.Amount, &f.Received.Amount); err != nil {
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
		if !open || scope.Goods() {
			continue
		}
		if err := t.statOpen(ctx, scope, span.To, func(key, label string, owed Money) {
			if owed != 0 {
				row(key, label).Figures[n].Open.Amount = owed
			}
		}); err != nil {
			return nil, err
		}
	}
	out := make([]StatRow, 0, len(byKey))
	for _, r := range byKey {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// statOpen reads what each key owes at the start of day end: shipped
// less received before it, whole months from the roll-up, the rest of
// end's month from the days.
func (t *Tx) statOpen(ctx context.Context, scope StatScope, end string, fn func(key, label string, owed Money)) error {
	if len(end) < 10 {
		return nil
	}
	month := end[:7]
	dim := statDimsSQL[scope.Dim]
	where, wargs := scope.where()
	q := `SELECT coalesce(` + dim.key + `, ''), coalesce(min(` + dim.label + `), ''), sum(x.owed)
	  FROM (SELECT customer_id, 0 AS item_id, sum(shipped - received) AS owed FROM stat_customer_months WHERE month < ? GROUP BY customer_id
	        UNION ALL
	        SELECT customer_id, 0, sum(shipped - received) FROM stat_days WHERE day >= ? AND day < ? GROUP BY customer_id) x` +
		statJoins + ` WHERE ` + where + ` GROUP BY 1`
	return t.each(ctx, q, append([]any{month, month + "-01", end}, wargs...), func(sc scanner) error {
		var key, label string
		var owed Money
		if err := sc.Scan(&key, &label, &owed); err != nil {
			return err
		}
		fn(key, label, owed)
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
