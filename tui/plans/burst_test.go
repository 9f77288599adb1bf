package plans_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// A plan typed all at once, saved and submitted before any answer has
// come, ends on the same screen as typed a key at a time: the keys after
// ctrl+s wait for the save, so s submits the saved plan rather than
// typing into the form.
func TestBurstEndsWhereSlowTypingDoes(t *testing.T) {
	keys := append(tuitest.Keys("n"+monthPlan), tuitest.Key("ctrl+s"), tuitest.Char('s'))

	slow, fast := newDesk(t), newDesk(t)
	app := open(fast.Fixture, fast.rep, "zh", 120, 40)
	tuitest.SameAtOnce(t, open(slow.Fixture, slow.rep, "zh", 120, 40), keys, app, keys)
	mustShow(t, app, "JH2026-000001", "待审核", "720,000.00")
}
