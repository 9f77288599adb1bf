package leads_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
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

	slow := newDesk(t)
	app := open(slow.Fixture, slow.rep, "zh", 120, 40)
	tuitest.Press(app, keys...)
	want := text(app)

	fast := newDesk(t)
	app = open(fast.Fixture, fast.rep, "zh", 120, 40)
	burst(app, keys...)
	if got := text(app); got != want {
		t.Fatalf("typed at once:\n%s\n\ntyped slowly:\n%s", got, want)
	}
	mustShow(t, app, "XS2026-000001", "已联系", "已接通,要报价", "2026-12-01  发报价")
}

// burst hands every key to the app before any answer is applied, as a
// typist ahead of the database would, then applies the answers.
func burst(app *tui.App, keys ...tea.Msg) {
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := app.Update(k)
		cmds = append(cmds, cmd)
	}
	tuitest.Answer(app, tea.Batch(cmds...))
}
