package leads_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// A lead typed all at once, saved, a call logged on it and its stage
// moved before any answer has come, ends on the same screen as typed a
// key at a time: the keys after each tab out of the name and phone wait
// for their lookup, those after ctrl+s for the save, so v logs a call on
// the saved lead rather than typing into the form.
func TestBurstEndsWhereSlowTypingDoes(t *testing.T) {
	keys := append(tuitest.Keys("n"+lead), tuitest.Key("ctrl+s"))
	keys = append(keys, tuitest.Keys("v已接通,要报价\t\t发报价\t12-01\rm")...)

	slow, fast := newDesk(t), newDesk(t)
	app := open(fast.Fixture, fast.rep, "zh", 120, 40)
	tuitest.SameAtOnce(t, open(slow.Fixture, slow.rep, "zh", 120, 40), keys, app, keys)
	mustShow(t, app, "XS2026-000001", "已联系", "已接通,要报价", "2026-12-01  发报价")
}
