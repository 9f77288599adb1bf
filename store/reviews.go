package store

import "context"

// What a rep's performance review (销售业绩评估) reads besides the
// statistics: the period's approved plans and targets, the customers
// won, and the money that fell due and came in on time.

// ApprovedPlans lists the approved plans of period kind whose days lie
// within [first, last] (YYYY-MM-DD, both counted), by rep.
func (t *Tx) ApprovedPlans(ctx context.Context, kind, first, last string) ([]Plan, error) {
	return queryAll(ctx, t, scanPlan, `SELECT `+planCols+planFrom+`
	 WHERE d.status = 'approved' AND x.period = ? AND x.starts_on >= ? AND x.ends_on <= ?
	 ORDER BY x.rep_id, x.starts_on, x.doc_id`, kind, first, last)
}

// ApprovedTargets lists the approved targets of period ('YYYY-MM' or
// 'YYYY'), one per rep at most.
func (t *Tx) ApprovedTargets(ctx context.Context, period string) ([]Target, error) {
	return queryAll(ctx, t, scanTarget, targetSelect+` WHERE x.period = ? AND d.status = 'approved' ORDER BY x.rep_id`, period)
}

// RepCount is a count for one rep (0: customers without a rep).
type RepCount struct {
	RepID int64
	N     int
}

// NewCustomers counts, by the customer's rep as the customer file has it
// now, the customers whose first order that counts in the statistics
// (stat_orders: signed back, not cancelled) falls in [from, to).
func (t *Tx) NewCustomers(ctx context.Context, from, to string) ([]RepCount, error) {
	return queryAll(ctx, t, func(sc scanner) (RepCount, error) {
		var r RepCount
		return r, sc.Scan(&r.RepID, &r.N)
	}, `SELECT coalesce(c.rep_id, 0), count(*) FROM (
	   SELECT customer_id, min(day) AS first FROM stat_orders WHERE counted_doc_id IS NOT NULL GROUP BY customer_id) f
	 JOIN customers c ON c.id = f.customer_id
	 WHERE f.first >= ? AND f.first < ?
	 GROUP BY 1 ORDER BY 1`, from, to)
}

// DueCollection is, for one rep, the money of the invoices that fell due
// in a period and how much of it was received by each invoice's due day.
type DueCollection struct {
	RepID          int64
	Due            Money // the invoices' amounts
	OnTime         Money // allocated to them on or before their due day (at most each invoice's amount)
	Invoices       int
	OnTimeInvoices int // paid in full by the due day
}

// DueCollections adds up, by the customer's rep, the issued invoices
// (not void) due in [from, to) and what was allocated to each by its
// due day.
func (t *Tx) DueCollections(ctx context.Context, from, to string) ([]DueCollection, error) {
	return queryAll(ctx, t, func(sc scanner) (DueCollection, error) {
		var r DueCollection
		return r, sc.Scan(&r.RepID, &r.Due, &r.OnTime, &r.Invoices, &r.OnTimeInvoices)
	}, `SELECT rep, sum(amount), sum(min(paid, amount)), count(*), sum(paid >= amount) FROM (
	   SELECT coalesce(c.rep_id, 0) AS rep, s.amount AS amount,
	          coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = s.invoice_doc_id AND a.allocated_on <= s.due_on), 0) AS paid
	     FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN customers c ON c.id = s.customer_id
	    WHERE d.status IN ('issued', 'mailed') AND s.due_on >= ? AND s.due_on < ?)
	 GROUP BY rep ORDER BY rep`, from, to)
}
