package leads_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// TestLeadsGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's leads, at the fixed clock: the list, a lead
// with its log, the form of a new lead and the statistics. Refresh with
// go test ./tui/leads -update.
func TestLeadsGolden(t *testing.T) {
	f := demoDesk(t)
	esc := tuitest.Key("esc")
	steps := []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "lead", Keys: tuitest.Keys("j\r")},
		{Name: "form", Keys: append([]tea.Msg{esc}, tuitest.Keys("n")...)},
		{Name: "stats", Keys: append([]tea.Msg{esc, esc}, tuitest.Keys("t")...)},
		{Name: "lost", Keys: append([]tea.Msg{esc}, tuitest.Keys("pppppp")...)},
	}
	tuitest.Goldens(t, func(lang string, w, h int) *tui.App { return open(f, f.Supervisor, lang, w, h) }, steps)
}
