package store

import (
	"context"
	"sort"
	"time"
)

// The manager's dashboard (销售看板) reads the statistics aggregates day
// by day, the month's approved plans and targets, and how many inquiries
// and quotes wait. Each is one small query: the dashboard reads again
// only what a change touched.

// StatDaily sums the scope's figures (Open aside) day by day over span:
// one StatFigures per day, the first for span.From. The scope's
// dimension is not split: every key of a day adds into that day.
func (t *Tx) StatDaily(ctx context.Context, scope StatScope, span StatSpan) ([]StatFigures, error) {
	if err := scope.check(); err != nil {
		return nil, err
	}
	from, err1 := time.Parse(time.DateOnly, span.From)
	to, err2 := time.Parse(time.DateOnly, span.To)
	if err1 != nil || err2 != nil || !from.Before(to) {
		return nil, nil
	}
	out := make([]StatFigures, int(to.Sub(from).Hours()+0.5)/24)
	dwhere, args := statDayTable.pick(scope, span)
	where, wargs := scope.where()
	q := `SELECT x.day, ` + statFiguresSums + `
	  FROM (SELECT day, customer_id, CAST(NULL AS INTEGER) AS rep_id, item_id, ordered_kg, ordered, shipped_kg, shipped, invoiced_kg, invoiced, received,
	               returned_kg, returned FROM stat_days WHERE ` + dwhere + `) x` + scope.joins(false) + ` WHERE ` + where + ` GROUP BY x.day`
	err := t.each(ctx, q, append(args, wargs...), func(sc scanner) error {
		var day string
		f, err := scanStatFigures(sc, &day)
		if err != nil {
			return err
		}
		d, err := time.Parse(time.DateOnly, day)
		if i := int(d.Sub(from).Hours()+0.5) / 24; err == nil && i >= 0 && i < len(out) {
			out[i] = f
		}
		return nil
	})
	return out, err
}

// MonthPlanTotal adds the customers' lines of the approved month plans
// that cover the month from first to last ('YYYY-MM-DD'), of one rep
// (repID 0: every rep's), as PlanVsActual's total does; and the approved
// targets of the month ('YYYY-MM').
func (t *Tx) MonthPlanTotal(ctx context.Context, repID int64, first, last string) (plan, target StatFigure, err error) {
	err = t.row(ctx, `SELECT coalesce(sum(l.tonnes), 0), coalesce(sum(l.amount), 0)
	  FROM sales_plan_lines l JOIN sales_plans p ON p.doc_id = l.doc_id
	  JOIN documents d ON d.id = p.doc_id AND d.status = 'approved'
	 WHERE (?1 = 0 OR p.rep_id = ?1) AND p.period = 'month' AND p.starts_on <= ?2 AND p.ends_on >= ?3
	   AND l.removed = 0 AND l.customer_id IS NOT NULL`, repID, last, first).Scan(&plan.Tonnes, &plan.Amount)
	if err != nil {
		return plan, target, err
	}
	err = t.row(ctx, `SELECT coalesce(sum(x.tonnes), 0), coalesce(sum(x.amount), 0)
	  FROM sales_targets x JOIN documents d ON d.id = x.doc_id AND d.status = 'approved'
	 WHERE (?1 = 0 OR x.rep_id = ?1) AND x.period = ?2`, repID, first[:7]).Scan(&target.Tonnes, &target.Amount)
	return plan, target, err
}

// CountInquiries counts inquiries in any of statuses, of one rep's
// customers (repID 0: everyone's).
func (t *Tx) CountInquiries(ctx context.Context, statuses []string, repID int64) (n int, err error) {
	return n, t.row(ctx, `SELECT count(*) FROM documents d JOIN inquiries i ON i.doc_id = d.id
	  JOIN customers c ON c.id = i.customer_id
	 WHERE d.kind = ? AND d.status IN (`+marks(len(statuses))+`) AND (? = 0 OR c.rep_id = ?)`,
		append(append([]any{InquiryKind}, anys(statuses)...), repID, repID)...).Scan(&n)
}

// CountQuotes counts quote versions in status, of one rep's customers
// (repID 0: everyone's).
func (t *Tx) CountQuotes(ctx context.Context, status string, repID int64) (n int, err error) {
	return n, t.row(ctx, `SELECT count(*) FROM documents d JOIN quotes q ON q.doc_id = d.id
	  JOIN customers c ON c.id = q.customer_id
	 WHERE d.kind = ? AND d.status = ? AND (? = 0 OR c.rep_id = ?)`, QuoteKind, status, repID, repID).Scan(&n)
}

// OverdueDue is what was open on day of the invoices (and opening
// balances) falling due on one day.
type OverdueDue struct {
	DueOn    string
	Invoices int
	Open     Money
}

// OverdueByDue adds up, by due day, what OpenInvoices lists as open on
// day among the items due before cut (the first day not yet past the
// ladder's first rung), of one rep's customers (repID 0: everyone's):
// the same items and amounts, grouped in the database rather than read
// one by one. Money allocated after day was still open on it.
func (t *Tx) OverdueByDue(ctx context.Context, day, cut string, repID int64) ([]OverdueDue, error) {
	const mine = ` AND (?3 = 0 OR r.customer_id IN (SELECT id FROM customers WHERE rep_id = ?3))`
	byDue := map[string]*OverdueDue{}
	add := func(sc scanner) error {
		var due string
		var n int
		var open Money
		if err := sc.Scan(&due, &n, &open); err != nil {
			return err
		}
		if byDue[due] == nil {
			byDue[due] = &OverdueDue{DueOn: due}
		}
		byDue[due].Invoices += n
		byDue[due].Open += open
		return nil
	}
	err := t.each(ctx, `SELECT r.due_on, count(*), sum(r.open) FROM receivable_open r
	 WHERE r.open > 0 AND r.issued_on <= ?1 AND r.due_on < ?2 `+mine+` GROUP BY r.due_on`,
		[]any{day, cut, repID}, add)
	if err != nil {
		return nil, err
	}
	err = t.each(ctx, `SELECT r.due_on, sum(r.open <= 0), sum(l.paid)
	  FROM (SELECT invoice_doc_id, sum(amount) AS paid FROM settlements WHERE allocated_on > ?1 GROUP BY invoice_doc_id) l
	  JOIN receivable_open r ON r.invoice_doc_id = l.invoice_doc_id
	 WHERE r.void = 0 AND r.issued_on <= ?1 AND r.due_on < ?2 `+mine+` GROUP BY r.due_on`,
		[]any{day, cut, repID}, add)
	if err != nil {
		return nil, err
	}
	openings, err := t.openOpenings(ctx, day)
	if err != nil {
		return nil, err
	}
	if repID != 0 {
		if err := t.fillOpenInvoices(ctx, openings, day); err != nil {
			return nil, err
		}
	}
	for _, o := range openings {
		if o.DueOn < cut && (repID == 0 || o.RepID == repID) {
			if byDue[o.DueOn] == nil {
				byDue[o.DueOn] = &OverdueDue{DueOn: o.DueOn}
			}
			byDue[o.DueOn].Invoices++
			byDue[o.DueOn].Open += o.Open()
		}
	}
	out := make([]OverdueDue, 0, len(byDue))
	for _, d := range byDue {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].DueOn < out[j].DueOn })
	return out, nil
}

// StatTop is the n keys of scope with the most ordered over span (money,
// or tonnes when tonnes), the largest first and ties by key, as StatRows
// would give them sorted: the ranking is done in the database, so only
// n rows are read out.
func (t *Tx) StatTop(ctx context.Context, scope StatScope, span StatSpan, tonnes bool, n int) ([]StatRow, error) {
	if err := scope.check(); err != nil {
		return nil, err
	}
	src, args, _ := statSource(scope, span.parts())
	if src == "" {
		return nil, nil
	}
	by := "sum(ordered)"
	if tonnes {
		by = "sum(ordered_kg)"
	}
	dim := statDimsSQL[scope.Dim]
	where, wargs := scope.where()
	q := `SELECT coalesce(` + dim.key + `, ''), coalesce(min(` + dim.label + `), ''), ` + statFiguresSums + `
	  FROM (` + src + `) x` + scope.joins(true) + ` WHERE ` + where + ` GROUP BY 1
	  HAVING ` + by + ` > 0 ORDER BY ` + by + ` DESC, CAST(coalesce(` + dim.key + `, '') AS TEXT) LIMIT ?`
	var out []StatRow
	err := t.each(ctx, q, append(append(args, wargs...), n), func(sc scanner) error {
		var key, label string
		f, err := scanStatFigures(sc, &key, &label)
		out = append(out, StatRow{Key: key, Label: label, Figures: []StatFigures{f}})
		return err
	})
	return out, err
}
