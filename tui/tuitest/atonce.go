package tuitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
)

// PressAtOnce hands every one of keys to app before any answer is
// applied, as a typist ahead of the database would, then applies the
// answers.
func PressAtOnce(app *tui.App, keys ...tea.Msg) {
	var cmds []tea.Cmd
	for _, k := range keys {
		_, cmd := app.Update(k)
		cmds = append(cmds, cmd)
	}
	Answer(app, tea.Batch(cmds...))
}

// SameAtOnce types slowKeys into slow a key at a time, each answer
// applied, and fastKeys into fast all at once (PressAtOnce): both apps,
// opened alike, must end on the same frame.
func SameAtOnce(t testing.TB, slow *tui.App, slowKeys []tea.Msg, fast *tui.App, fastKeys []tea.Msg) {
	t.Helper()
	Press(slow, slowKeys...)
	want := Text(slow)
	PressAtOnce(fast, fastKeys...)
	if got := Text(fast); got != want {
		t.Fatalf("typed at once:\n%s\n\ntyped slowly:\n%s", got, want)
	}
}
