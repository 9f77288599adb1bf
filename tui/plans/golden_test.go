package plans_test

import (
	"testing"

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
	f.Goldens(t, f.Supervisor, "screen.plans", []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "month", Keys: tuitest.Keys("jj\r")},
		{Name: "week", Keys: tuitest.Back(1, "gg\r")},
		{Name: "targets", Keys: tuitest.Back(1, "t")},
		{Name: "target", Keys: tuitest.Keys("\r")},
		{Name: "purchases", Keys: tuitest.Back(1, "t")},
		{Name: "purchase", Keys: tuitest.Keys("\r")},
		{Name: "collection", Keys: tuitest.Back(1, "t")},
	})
}
