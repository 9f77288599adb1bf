package review_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestInboxFilterGolden keeps the supervisor's inbox over the demo at
// 80×24 and 120×40 in both languages, at the fixed clock: the list, the
// filter being typed (the line it takes above the documents), the
// filter kept after enter, the list again after esc, and a filter
// nothing matches. Refresh with
// go test ./tui/review -update.
func TestInboxFilterGolden(t *testing.T) {
	f := tuitest.NewDemo(t, tuitest.SmallDemo())
	f.Goldens(t, f.Supervisor, "screen.review", []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "typing", Keys: tuitest.Keys("/JH2026")},
		{Name: "kept", Keys: tuitest.Keys("\r")},
		{Name: "dropped", Keys: tuitest.Back(1, "")},
		{Name: "none", Keys: tuitest.Keys("/无此单据\r")},
	})
}
