package workflow

import (
	"context"
	"time"

	"orderdesk/store"
)

// VisitStatistics counts the visits of from..to (YYYY-MM-DD, inclusive)
// per owner: made (not cancelled), reviewed, the goal reached, partly
// and not, cancelled, and waiting for the review; with the totals. A
// sales rep sees their own row.
func (d *Desk) VisitStatistics(ctx context.Context, from, to string) (rows []store.VisitStat, total store.VisitStat, err error) {
	if err := permitScreen(d.User, ScreenVisits); err != nil {
		return nil, total, err
	}
	today := d.e.todayString()
	owner := d.visitScope()
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.VisitStat, error) { return tx.VisitStats(ctx, owner, from, to, today) })
	for _, r := range rows {
		total.Visits += r.Visits
		total.Reviewed += r.Reviewed
		total.Reached += r.Reached
		total.Part += r.Part
		total.Missed += r.Missed
		total.Cancelled += r.Cancelled
		total.Waiting += r.Waiting
	}
	return rows, total, err
}

// VisitStatisticsOf is VisitStatistics of the visits planned for a day
// of period p.
func (d *Desk) VisitStatisticsOf(ctx context.Context, p Period) (rows []store.VisitStat, total store.VisitStat, err error) {
	return d.VisitStatistics(ctx, p.From.Format(time.DateOnly), p.Last().Format(time.DateOnly))
}
