package workflow

import (
	"context"

	"orderdesk/store"
)

// ActionTask is an open action item of the caller due today or before:
// it waits in their inbox until it is closed with what was done.
type ActionTask struct {
	store.ActionItem
	Overdue int // whole days past its due day (0: due today)
}

// MyActionTasks lists the caller's open action items due today or
// overdue, the longest overdue first.
func (d *Desk) MyActionTasks(ctx context.Context) ([]ActionTask, error) {
	if !SeesScreen(d.User, ScreenMeetings) {
		return nil, nil
	}
	today := d.e.todayString()
	as, err := read(ctx, d.e, func(tx *store.Tx) ([]store.ActionItem, error) { return tx.ActionItemsDue(ctx, d.User.ID, today) })
	out := make([]ActionTask, len(as))
	for i, a := range as {
		out[i] = ActionTask{ActionItem: a}
		out[i].Overdue, _ = DaysBetween(a.DueOn, today)
	}
	return out, err
}
