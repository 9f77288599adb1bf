package returns_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// TestReturnsGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's returns, at the fixed clock: the lists by
// step, a received return's detail (its complaint, what it took back,
// who received it) and the list filtered.
// Refresh with go test ./tui/returns -update.
func TestReturnsGolden(t *testing.T) {
	f := demoDesk(t)
	esc := tuitest.Key("esc")
	steps := []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "to_receive", Keys: tuitest.Keys("]")},
		{Name: "received", Keys: tuitest.Keys("]")},
		{Name: "detail", Keys: tuitest.Keys("\r")},
		{Name: "filtered", Keys: append([]tea.Msg{esc, tuitest.Key("[")}, tuitest.Keys("[/TH\r")...)},
	}
	tuitest.Goldens(t, func(lang string, w, h int) *tui.App { return open(f, f.Supervisor, lang, "screen.returns", w, h) }, steps)
}
