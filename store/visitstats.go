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
func (t *Tx) VisitStats(ctx context.Context, ownerID int64, from, to, today string) ([]VisitStat, error) {
	return queryAll(ctx, t, func(sc scanner) (VisitStat, error) {
		var s VisitStat
		err := sc.Scan(&s.OwnerID, &s.Owner, &s.Visits, &s.Reviewed, &s.Reached, &s.Part, &s.Missed, &s.Cancelled, &s.Waiting)
		return s, err
	}, `SELECT x.owner_id, coalesce(o.name, ''),
	       sum(d.status <> 'cancelled'), sum(d.status = 'reviewed'),
	       sum(coalesce(r.reached = 'yes', 0)), sum(coalesce(r.reached = 'partly', 0)), sum(coalesce(r.reached = 'no', 0)),
	       sum(d.status = 'cancelled'), sum(d.status = 'planned' AND x.visit_on < ?)
	  FROM visits x JOIN documents d ON d.id = x.doc_id LEFT JOIN users o ON o.id = x.owner_id
	  LEFT JOIN visit_reviews r ON r.doc_id = x.doc_id
	 WHERE x.visit_on >= ? AND x.visit_on <= ? AND (? = 0 OR x.owner_id = ?)
	 GROUP BY x.owner_id ORDER BY coalesce(o.name, ''), x.owner_id`, today, from, to, ownerID, ownerID)
}
