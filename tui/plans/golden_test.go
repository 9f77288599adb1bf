package plans_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// TestPlansGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's plans and targets, at the fixed clock: the
// list, an approved month plan against the orders, a week plan, the
// targets and one with its attainment, the purchase plans and the
// month's, and the month's collection plan. Refresh with
// go test ./tui/plans -update.
func TestPlansGolden(t *testing.T) {
	f := demoDesk(t)
	esc := tuitest.Key("esc")
	steps := []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "month", Keys: tuitest.Keys("jj\r")},
		{Name: "week", Keys: append([]tea.Msg{esc}, tuitest.Keys("gg\r")...)},
		{Name: "targets", Keys: append([]tea.Msg{esc}, tuitest.Keys("t")...)},
		{Name: "target", Keys: tuitest.Keys("\r")},
		{Name: "purchases", Keys: append([]tea.Msg{esc}, tuitest.Keys("t")...)},
		{Name: "purchase", Keys: tuitest.Keys("\r")},
		{Name: "collection", Keys: append([]tea.Msg{esc}, tuitest.Keys("t")...)},
	}
	tuitest.Goldens(t, func(lang string, w, h int) *tui.App { return open(f, f.Supervisor, lang, w, h) }, steps)
}
