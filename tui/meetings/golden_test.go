package meetings_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestMeetingsGolden keeps the screen's views at 80×24 and 120×40 in
// both languages over the demo's meeting, at the fixed clock: the list,
// the minutes with each decision done, late or open, the minutes' form
// and an action item's. Refresh with go test ./tui/meetings -update.
func TestMeetingsGolden(t *testing.T) {
	f := tuitest.NewDemo(t, tuitest.SmallDemo())
	f.Goldens(t, f.Supervisor, "screen.meetings", []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "minutes", Keys: tuitest.Keys("\r")},
		{Name: "item", Keys: tuitest.Keys("a")},
		{Name: "form", Keys: tuitest.Back(2, "n")},
	})
}
