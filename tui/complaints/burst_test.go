package complaints_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest"
)

// The call typed all at once from the customer list, and an action
// logged right after the save, ends on the same screen as typed a key
// at a time: the keys after the last enter wait for the save, so t
// opens the action on the complaint just recorded rather than typing
// into the form.
func TestBurstEndsWhereSlowTypingDoes(t *testing.T) {
	keys := func(d desk) []tea.Msg {
		return append(tuitest.StrokeKeys(d.call()), tuitest.Keys("t已安排复磅\r")...)
	}
	slow, fast := newDesk(t), newDesk(t)
	app := open(fast.Fixture, fast.Supervisor, "zh", "screen.customers", 120, 40)
	tuitest.SameAtOnce(t, open(slow.Fixture, slow.Supervisor, "zh", "screen.customers", 120, 40), keys(slow), app, keys(fast))
	mustShow(t, app, "已安排复磅", "处理中", fast.note.Ref)
}
