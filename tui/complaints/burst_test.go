package complaints_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
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
	slow := newDesk(t)
	app := open(slow.Fixture, slow.Supervisor, "zh", "screen.customers", 120, 40)
	tuitest.Press(app, keys(slow)...)
	want := text(app)

	fast := newDesk(t)
	app = open(fast.Fixture, fast.Supervisor, "zh", "screen.customers", 120, 40)
	burst(app, keys(fast)...)
	if got := text(app); got != want {
		t.Fatalf("typed at once:\n%s\n\ntyped slowly:\n%s", got, want)
	}
	mustShow(t, app, "已安排复磅", "处理中", fast.note.Ref)
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
