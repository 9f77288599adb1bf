package store

import (
	"context"
	"slices"
	"time"
)

// PlanActual is, for one customer (or product group) of a rep's month,
// what the approved monthly plans expected and what was ordered.
type PlanActual struct {
	CustomerID   int64 // 0 on a product group's row
	Name         string
	PlanTonnes   Milli
	PlanAmount   Money
	ActualTonnes Milli
	ActualAmount Money
}

// actualOrderStatuses are those of an order signed off and still
// counted: withdrawn, cancelled and revised versions are not (a
// revision counts at its own sign-off instead).
const actualOrderStatuses = `('approved', 'signed', 'in_fulfilment', 'partly_shipped', 'shipped', 'closed')`

// PlanVsActual compares, for rep and the month that starts on first
// and ends on last ('YYYY-MM-DD'), the approved monthly plans with the
// orders signed off in the month: by customer, and by product group
// (the order line's product name, 品名). from and to bound the month as
// stored timestamps, since the desk's month begins in its own time zone.
//
// The actual side is this desk's own small query (orders of the rep
// whose first sign-off falls in the month); it is meant to be folded
// onto the statistics engine's "ordered by rep and period" once there.
func (t *Tx) PlanVsActual(ctx context.Context, repID int64, first, last string, fromT, toT time.Time) (byCustomer, byGroup []PlanActual, err error) {
	from, to := stamp(fromT), stamp(toT)
	const plans = ` FROM sales_plan_lines l JOIN sales_plans p ON p.doc_id = l.doc_id
	  JOIN documents d ON d.id = p.doc_id AND d.status = 'approved'
	 WHERE p.rep_id = ? AND p.period = 'month' AND p.starts_on <= ? AND p.ends_on >= ? AND l.removed = 0`
	const orders = ` FROM orders o JOIN documents d ON d.id = o.doc_id AND d.status IN ` + actualOrderStatuses + `
	  JOIN order_lines ol ON ol.doc_id = o.doc_id AND ol.removed = 0
	 WHERE o.rep_id = ? AND (SELECT min(tr.at) FROM transitions tr WHERE tr.doc_id = o.doc_id AND tr.action = 'approve') >= ?
	   AND (SELECT min(tr.at) FROM transitions tr WHERE tr.doc_id = o.doc_id AND tr.action = 'approve') < ?`
	scan := func(sc scanner) (PlanActual, error) {
		var r PlanActual
		var tonnes, amount int64
		err := sc.Scan(&r.CustomerID, &r.Name, &tonnes, &amount)
		r.PlanTonnes, r.PlanAmount = Milli(tonnes), Money(amount)
		return r, err
	}
	planCust, err := queryAll(ctx, t, scan, `SELECT l.customer_id, coalesce((SELECT name FROM customers WHERE id = l.customer_id), ''),
	  sum(l.tonnes), sum(l.amount)`+plans+` AND l.customer_id IS NOT NULL GROUP BY l.customer_id`, repID, last, first)
	if err != nil {
		return nil, nil, err
	}
	actualCust, err := queryAll(ctx, t, scan, `SELECT o.customer_id, coalesce((SELECT name FROM customers WHERE id = o.customer_id), ''),
	  sum(ol.weight), sum(coalesce(ol.amount, 0))`+orders+` GROUP BY o.customer_id`, repID, from, to)
	if err != nil {
		return nil, nil, err
	}
	planGroup, err := queryAll(ctx, t, scan, `SELECT 0, l.product_group, sum(l.tonnes), sum(l.amount)`+plans+
		` AND l.product_group <> '' GROUP BY l.product_group`, repID, last, first)
	if err != nil {
		return nil, nil, err
	}
	actualGroup, err := queryAll(ctx, t, scan, `SELECT 0, ol.name, sum(ol.weight), sum(coalesce(ol.amount, 0))`+orders+
		` GROUP BY ol.name`, repID, from, to)
	if err != nil {
		return nil, nil, err
	}
	return mergePlanActual(planCust, actualCust), mergePlanActual(planGroup, actualGroup), nil
}

// mergePlanActual joins plan rows with actual rows (read into the plan
// fields) on customer and name, sorted by name.
func mergePlanActual(plan, actual []PlanActual) []PlanActual {
	type key struct {
		id   int64
		name string
	}
	at := map[key]int{}
	out := slices.Clone(plan)
	for i, r := range out {
		at[key{r.CustomerID, r.Name}] = i
	}
	for _, a := range actual {
		k := key{a.CustomerID, a.Name}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, PlanActual{CustomerID: a.CustomerID, Name: a.Name})
		}
		out[i].ActualTonnes, out[i].ActualAmount = a.PlanTonnes, a.PlanAmount
	}
	slices.SortFunc(out, func(a, b PlanActual) int {
		if a.Name != b.Name {
			if a.Name < b.Name {
				return -1
			}
			return 1
		}
		return int(a.CustomerID - b.CustomerID)
	})
	return out
}
