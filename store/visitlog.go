package store

import "context"

// VisitLogEntry is a visit the customer file's log held before visits
// were documents (customer_visits of kind 'visit'), not yet made one.
type VisitLogEntry struct {
	ID, CustomerID, By int64
	On, Notes          string
}

// VisitLogToMove lists the log's visits not yet made visits whose
// writer may own one now (active, with one of roles), oldest first. An
// entry whose writer may not stays in the log, shown as before.
func (t *Tx) VisitLogToMove(ctx context.Context, roles []string) ([]VisitLogEntry, error) {
	return queryAll(ctx, t, func(sc scanner) (VisitLogEntry, error) {
		var e VisitLogEntry
		err := sc.Scan(&e.ID, &e.CustomerID, &e.By, &e.On, &e.Notes)
		return e, err
	}, visitLogToMoveQuery(roles))
}

// visitLogToMoveQuery searches the log's visits through their own index
// (customer_visits_to_move): the log's notes are read only for the rows
// found.
func visitLogToMoveQuery(roles []string) string {
	cond := "0"
	for i, r := range roles {
		if i == 0 {
			cond = ""
		} else {
			cond += " OR "
		}
		cond += "instr(u.roles, '," + r + ",') > 0"
	}
	return `SELECT v.id, v.customer_id, v.updated_by, v.visited_on, v.notes
	  FROM customer_visits v JOIN users u ON u.id = v.updated_by AND u.active = 1 AND (` + cond + `)
	 WHERE v.kind = 'visit' AND length(v.visited_on) = 10
	   AND NOT EXISTS (SELECT 1 FROM visits x WHERE x.log_id = v.id)
	 ORDER BY v.id`
}
