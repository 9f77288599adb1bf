package complaints_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
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
	esc := tuitest.Key("esc")
	steps := []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "detail", Keys: tuitest.Keys("jjj\r")},
		{Name: "filtered", Keys: append([]tea.Msg{esc}, tuitest.Keys("/resolved\r")...)},
		{Name: "calls", Keys: tuitest.Keys("v")},
		{Name: "form", Keys: append([]tea.Msg{esc}, append(tuitest.Keys("C\r\r0\r"), tuitest.Key("ctrl+s"))...)},
		{Name: "stats", Keys: append([]tea.Msg{esc}, tuitest.Keys("s")...)},
		{Name: "by_product", Keys: tuitest.Keys("d")},
	}
	tuitest.Goldens(t, func(lang string, w, h int) *tui.App { return open(f, f.Supervisor, lang, "screen.complaints", w, h) }, steps)
}
