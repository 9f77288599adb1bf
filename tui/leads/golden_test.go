package leads_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestLeadsGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's leads, at the fixed clock: the list, a lead
// with its log, the form of a new lead and the statistics. Refresh with
// go test ./tui/leads -update.
func TestLeadsGolden(t *testing.T) {
	f := demoDesk(t)
	f.Goldens(t, f.Supervisor, "screen.leads", []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "lead", Keys: tuitest.Keys("j\r")},
		{Name: "form", Keys: tuitest.Back(1, "n")},
		{Name: "stats", Keys: tuitest.Back(2, "t")},
		{Name: "lost", Keys: tuitest.Back(1, "pppppp")},
	})
}
