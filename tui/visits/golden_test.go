package visits_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestVisitsGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's visits, at the fixed clock: the week per
// person, a reviewed visit, the plan's form, the counts and the lists.
// Refresh with go test ./tui/visits -update.
func TestVisitsGolden(t *testing.T) {
	f := demoDesk(t)
	f.Goldens(t, f.Supervisor, "screen.visits", []tuitest.GoldenStep{
		{Name: "agenda"},
		{Name: "visit", Keys: tuitest.Keys("\r")},
		{Name: "form", Keys: tuitest.Back(1, "n")},
		{Name: "stats", Keys: tuitest.Back(1, "t")},
		{Name: "lists", Keys: tuitest.Back(1, "w")},
	})
}
