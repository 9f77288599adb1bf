package meetings_test

import (
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// desk is a fixture with a sales rep (刘洋) beside the desk's clerk
// (王丽) and supervisor (赵主管), at the screens' clock (2026-11-26).
type desk struct {
	*tuitest.Fixture
	rep store.User
}

func newDesk(t *testing.T) desk {
	t.Helper()
	f, rep := tuitest.NewRepDesk(t)
	return desk{Fixture: f, rep: rep}
}

// meeting is the minutes user u sees, the only ones.
func (d desk) meeting(t *testing.T, u store.User) store.Meeting {
	t.Helper()
	ms, err := d.Engine.Desk(u).Meetings(d.Ctx, workflow.MeetingFilter{})
	if err != nil || len(ms) != 1 {
		t.Fatalf("minutes: %v %+v", err, ms)
	}
	m, err := d.Engine.Desk(u).Meeting(d.Ctx, ms[0].DocID)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// before runs write with the store's clock days before the screens'
// (an action item is due today or later when it is added: one shown
// late was added before its day).
func (d desk) before(days int, write func()) {
	saved := d.Store.Now
	defer func() { d.Store.Now = saved }()
	then := tuitest.Clock.AddDate(0, 0, -days)
	d.Store.Now = func() time.Time { return then }
	write()
}
