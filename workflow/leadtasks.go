package workflow

import (
	"context"

	"orderdesk/store"
)

// LeadTask is an open lead of the caller whose next step's day has
// passed: it waits in their inbox until a call logged on it sets the
// next one, or it is won or lost.
type LeadTask struct {
	store.Lead
	Overdue int // whole days past the next step's day
}

// MyLeadTasks lists the caller's own leads whose next step is overdue
// today, the longest overdue first.
func (d *Desk) MyLeadTasks(ctx context.Context) ([]LeadTask, error) {
	if !SeesScreen(d.User, ScreenLeads) {
		return nil, nil
	}
	today := d.e.todayString()
	ls, err := read(ctx, d.e, func(tx *store.Tx) ([]store.Lead, error) { return tx.LeadsDue(ctx, d.User.ID, today) })
	out := make([]LeadTask, len(ls))
	for i, l := range ls {
		out[i] = LeadTask{Lead: l}
		out[i].Overdue, _ = DaysBetween(l.NextOn, today)
	}
	return out, err
}
