package workflow

import (
	"context"

	"orderdesk/store"
)

// VisitTask is a visit of the caller not reviewed a day after it
// happened: it waits in their inbox until they review it or it is
// cancelled.
type VisitTask struct {
	store.SalesVisit
	Late int // whole days since the visit's day
}

// MyVisitTasks lists the caller's own visits whose day is past and
// which wait for their review, the oldest first.
func (d *Desk) MyVisitTasks(ctx context.Context) ([]VisitTask, error) {
	if !SeesScreen(d.User, ScreenVisits) {
		return nil, nil
	}
	today := d.e.todayString()
	vs, err := read(ctx, d.e, func(tx *store.Tx) ([]store.SalesVisit, error) { return tx.VisitsUnreviewed(ctx, d.User.ID, today) })
	out := make([]VisitTask, len(vs))
	for i, v := range vs {
		out[i] = VisitTask{SalesVisit: v}
		out[i].Late, _ = DaysBetween(v.On, today)
	}
	return out, err
}
