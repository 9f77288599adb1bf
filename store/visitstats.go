package store

import "context"

// VisitStat counts one owner's visits of a period: planned (all of them
// not cancelled), reviewed, and by whether the review said the goal was
// reached.
type VisitStat struct {
	OwnerID                         int64
	Owner                           string
	Visits, Reviewed, Reached, Part int
	Missed, Cancelled, Waiting      int // not reached; cancelled; past and not reviewed
}

// VisitStats counts visits from day to day (inclusive) by owner (one
// owner's only when ownerID is not 0); today tells the waiting ones.
// The visits are read in the order they were written (+owner_id keeps
// the owner's index out), so their documents and reviews are read page
// after page; the owners are named once counted (a year of 20,000
// visits in a third of the time). A visit with no review sums nothing
// (the coalesce outside the sum: PostgreSQL's comparison is a boolean,
// which does not coalesce with 0).
func (t *Tx) VisitStats(ctx context.Context, ownerID int64, from, to, today string) ([]VisitStat, error) {
	return queryAll(ctx, t, func(sc scanner) (VisitStat, error) {
		var s VisitStat
		err := sc.Scan(&s.OwnerID, &s.Owner, &s.Visits, &s.Reviewed, &s.Reached, &s.Part, &s.Missed, &s.Cancelled, &s.Waiting)
		return s, err
	}, `SELECT v.owner_id, coalesce(o.name, ''), v.made, v.reviewed, v.reached, v.partly, v.missed, v.cancelled, v.waiting
	  FROM (SELECT x.owner_id AS owner_id,
	               sum(d.status <> 'cancelled') AS made, sum(d.status = 'reviewed') AS reviewed,
	               coalesce(sum(r.reached = 'yes'), 0) AS reached, coalesce(sum(r.reached = 'partly'), 0) AS partly,
	               coalesce(sum(r.reached = 'no'), 0) AS missed,
	               sum(d.status = 'cancelled') AS cancelled, sum(d.status = 'planned' AND x.visit_on < ?) AS waiting
	          FROM visits x JOIN documents d ON d.id = x.doc_id LEFT JOIN visit_reviews r ON r.doc_id = x.doc_id
	         WHERE x.visit_on >= ? AND x.visit_on <= ? AND (? = 0 OR x.owner_id = ?)
	         GROUP BY +x.owner_id) v
	  LEFT JOIN users o ON o.id = v.owner_id
	 ORDER BY coalesce(o.name, ''), v.owner_id`, today, from, to, ownerID, ownerID)
}
