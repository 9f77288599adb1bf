package visits_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// TestVisitsGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's visits, at the fixed clock: the week per
// person, a reviewed visit, the plan's form, the counts and the lists.
// Refresh with go test ./tui/visits -update.
func TestVisitsGolden(t *testing.T) {
	f := demoDesk(t)
	esc := tuitest.Key("esc")
	steps := []tuitest.GoldenStep{
		{Name: "agenda"},
		{Name: "visit", Keys: tuitest.Keys("\r")},
		{Name: "form", Keys: append([]tea.Msg{esc}, tuitest.Keys("n")...)},
		{Name: "stats", Keys: append([]tea.Msg{esc}, tuitest.Keys("t")...)},
		{Name: "lists", Keys: append([]tea.Msg{esc}, tuitest.Keys("w")...)},
	}
	tuitest.Goldens(t, func(lang string, w, h int) *tui.App { return open(f, f.Supervisor, lang, w, h) }, steps)
}
