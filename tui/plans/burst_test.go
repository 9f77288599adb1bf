package plans_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// A plan typed all at once, saved and submitted before any answer has
// come, ends on the same screen as typed a key at a time: the keys after
// ctrl+s wait for the save, so s submits the saved plan rather than
// typing into the form.
func TestBurstEndsWhereSlowTypingDoes(t *testing.T) {
	keys := append(tuitest.Keys("n"+monthPlan), tuitest.Key("ctrl+s"), tuitest.Char('s'))

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
	mustShow(t, app, "JH2026-000001", "待审核", "720,000.00")
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
