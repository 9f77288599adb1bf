package store

import (
	"context"
	"time"
)

// LeadCount is how many leads of one source stand in one stage, and
// for won leads the whole days they took from being entered to won,
// added up.
type LeadCount struct {
	Source  string
	Status  string
	Leads   int
	WinDays int
}

// LeadCounts counts leads by source and stage: one owner's (0 for all),
// entered from the moment from up to before to (a zero time leaves that
// end open).
func (t *Tx) LeadCounts(ctx context.Context, ownerID int64, from, to time.Time) ([]LeadCount, error) {
	open := func(m time.Time) string {
		if m.IsZero() {
			return ""
		}
		return stamp(m)
	}
	since, before := open(from), open(to)
	// Whole days as whole seconds over 86400, integers on both engines:
	// a CAST of julianday's fraction truncates in SQLite and rounds in
	// PostgreSQL.
	return queryAll(ctx, t, func(sc scanner) (LeadCount, error) {
		var c LeadCount
		err := sc.Scan(&c.Source, &c.Status, &c.Leads, &c.WinDays)
		return c, err
	}, `SELECT x.source, d.status, count(*),
	        coalesce(sum(CASE WHEN d.status = 'won' THEN (unixepoch(d.status_since) - unixepoch(d.created_at)) / 86400 END), 0)
	  FROM leads x JOIN documents d ON d.id = x.doc_id
	 WHERE (? = 0 OR x.owner_id = ?) AND (? = '' OR d.created_at >= ?) AND (? = '' OR d.created_at < ?)
	 GROUP BY x.source, d.status ORDER BY x.source, d.status`, ownerID, ownerID, since, since, before, before)
}
