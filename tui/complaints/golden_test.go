package complaints_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestComplaintsGolden keeps the screen's views at 80×24 and 120×40 in
// both languages over the demo's complaints, at the fixed clock: the
// list with ages and flags, a complaint's detail, the list filtered, the
// follow-up calls due, the quick form refused at its fields, and the
// statistics by type and by product.
// Refresh with go test ./tui/complaints -update.
func TestComplaintsGolden(t *testing.T) {
	f := demoDesk(t)
	f.Goldens(t, f.Supervisor, "screen.complaints", []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "detail", Keys: tuitest.Keys("jjj\r")},
		{Name: "filtered", Keys: tuitest.Back(1, "/resolved\r")},
		{Name: "calls", Keys: tuitest.Keys("v")},
		{Name: "form", Keys: tuitest.Back(1, "C\r\r0\r\x13")},
		{Name: "stats", Keys: tuitest.Back(2, "s")}, // esc asks before it drops what the form holds
		{Name: "by_product", Keys: tuitest.Keys("d")},
	})
}
