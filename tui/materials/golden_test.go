package materials_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestMaterialsGolden keeps the screen's views at 80×24 and 120×40 in
// both languages over the demo's register, at the fixed clock: the list,
// the overdue rows filtered, one of them in detail, its receipt's form
// and the form of a new entry. Refresh with go test ./tui/materials -update.
func TestMaterialsGolden(t *testing.T) {
	f := tuitest.NewDemo(t, tuitest.SmallDemo())
	f.Goldens(t, f.Clerk, "screen.materials", []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "overdue", Keys: tuitest.Keys("/overdue\r")},
		{Name: "detail", Keys: tuitest.Keys("\r")},
		{Name: "receipt", Keys: tuitest.Keys("c")},
		{Name: "form", Keys: tuitest.Back(2, "n")},
	})
}
