package store

import (
	"context"
	"database/sql"
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

// statReturnedSums are the summed returned columns (migration 0029),
// beside statSums where a view reads them.
const statReturnedSums = `sum(returned_kg) AS returned_kg, sum(returned) AS returned`

// statSource is the row source of a span: whole years from the year
// roll-up the scope can read, whole quarters from its quarter roll-up,
// whole months from its month roll-up, the ends from the days. Its rows
// are the tables' own, summed once by the query over it (summing each
// part first sorted every row twice).
//
// keyed says the source is one period of a roll-up that keeps one row a
// customer and nothing finer: each customer's row holds its sums.
func statSource(scope StatScope, p statParts) (src string, args []any, keyed bool) {
	var parts []string
	read := func(t statTable, s StatSpan) {
		if s.empty() {
			return
		}
		keyed = t.customer && !t.item && !t.rep && t.onePeriod(s) // of the one part, if one
		where, targs := t.pick(scope, s)
		parts = append(parts, `SELECT `+t.cols()+`, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, `+t.receivedCol()+` AS received,
		  returned_kg, returned FROM `+t.name+` WHERE `+where)
		args = append(args, targs...)
	}
	sides := scope.sides()
	read(statDayTable, p.lead)
	read(sides.monthTable(), p.leadMonths)
	read(sides.quarterTable(), p.leadQuarters)
	if years, ok := sides.yearTable(); ok {
		read(years, p.years)
	} else {
		read(sides.monthTable(), p.years.asMonths())
	}
	read(sides.quarterTable(), p.trailQuarters)
	read(sides.monthTable(), p.trailMonths)
	read(statDayTable, p.trail)
	return strings.Join(parts, " UNION ALL "), args, keyed && len(parts) == 1
}

// scanStatFigures reads a row of the columns first, then the sums of
// statSums, the money received and the sums of statReturnedSums
// (statFiguresSums). The sums are scanned as int64: into Milli and
// Money database/sql would convert each through reflection, a fifth of
// a view of every customer.
func scanStatFigures(sc scanner, first ...any) (f StatFigures, err error) {
	var n [9]int64
	err = sc.Scan(append(first, &n[0], &n[1], &n[2], &n[3], &n[4], &n[5], &n[6], &n[7], &n[8])...)
	f.Ordered = StatFigure{Tonnes: Milli(n[0]), Amount: Money(n[1])}
	f.Shipped = StatFigure{Tonnes: Milli(n[2]), Amount: Money(n[3])}
	f.Invoiced = StatFigure{Tonnes: Milli(n[4]), Amount: Money(n[5])}
	f.Received.Amount = Money(n[6])
	f.Returned = StatFigure{Tonnes: Milli(n[7]), Amount: Money(n[8])}
	return f, err
}

// statFiguresSums are the sums scanStatFigures reads, in its order.
const statFiguresSums = statSums + `, sum(received) AS received, ` + statReturnedSums

// statRowsQuery is the query of StatRows over a row source: each key's
// label and sums, as records (statRecords) of the key, the label and the
// sums of statSums and the money received. The total is summed with no
// grouping at all (grouping by a constant sorts every row).
func statRowsQuery(scope StatScope) func(src string, keyed bool) string {
	dim := statDimsSQL[scope.Dim]
	where, _ := scope.where()
	// By the key itself, not its coalesce: one period of a roll-up then
	// comes grouped in its own order.
	group := ` GROUP BY ` + dim.key
	if scope.Dim == StatAll {
		group = ``
	}
	rec := statJoined([]string{"k", "l"}, []string{"ordered_kg", "ordered", "shipped_kg", "shipped", "invoiced_kg", "invoiced", "received",
		"returned_kg", "returned"})
	return func(src string, keyed bool) string {
		if keyed && scope.Dim == StatCustomer {
			// Each customer's one row of the period holds its sums: summing
			// 5,000 groups of one row was half the read.
			return `SELECT ` + rec + ` FROM (SELECT coalesce(` + dim.key + `, '') AS k, coalesce(` + dim.label + `, '') AS l,
			  x.ordered_kg, x.ordered, x.shipped_kg, x.shipped, x.invoiced_kg, x.invoiced, x.received, x.returned_kg, x.returned
			  FROM (` + src + `) x` + scope.joins(true) + ` WHERE ` + where + `)`
		}
		return `SELECT ` + rec + ` FROM (SELECT coalesce(` + dim.key + `, '') AS k, coalesce(min(` + dim.label + `), '') AS l, ` + statSums + `,
		  sum(received) AS received, ` + statReturnedSums + ` FROM (` + src + `) x` + scope.joins(true) + ` WHERE ` + where + group + `)`
	}
}

// statRecordFigures reads the sums statRowsQuery writes.
func statRecordFigures(r *statRecords) (f StatFigures) {
	f.Ordered = StatFigure{Tonnes: Milli(r.int()), Amount: Money(r.int())}
	f.Shipped = StatFigure{Tonnes: Milli(r.int()), Amount: Money(r.int())}
	f.Invoiced = StatFigure{Tonnes: Milli(r.int()), Amount: Money(r.int())}
	f.Received.Amount = Money(r.int())
	f.Returned = StatFigure{Tonnes: Milli(r.int()), Amount: Money(r.int())}
	return f
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
	q := statRowsQuery(scope)
	_, wargs := scope.where()
	first := map[StatSpan]int{}
	for n, span := range spans {
		if _, ok := first[span]; ok {
			continue
		}
		first[span] = n
		src, args, keyed := statSource(scope, span.parts())
		if src == "" {
			continue
		}
		err := t.records(ctx, q(src, keyed), append(args, wargs...), func(r *statRecords) {
			key, label := r.text(), r.text()
			if f := statRecordFigures(r); !f.Zero() {
				r := row(key, label)
				r.Figures[n] = r.Figures[n].Add(f)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]StatRow, 0, len(byKey))
	for _, r := range byKey {
		for n, span := range spans {
			if k := first[span]; k != n {
				r.Figures[n] = r.Figures[k]
			}
		}
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	if !open {
		return out, nil
	}
	owed, err := t.StatOwed(ctx, scope, spans)
	return WithStatOwed(out, owed), err
}

// records runs q, whose one value is records (statRecords), and hands
// each record to fn.
func (t *Tx) records(ctx context.Context, q string, args []any, fn func(*statRecords)) error {
	var all sql.NullString
	if err := t.row(ctx, q, args...).Scan(&all); err != nil {
		return err
	}
	r := newStatRecords(all.String)
	for r.more() {
		fn(r)
	}
	return r.err
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
