package materials_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/tuitest"
)

// TestMaterialsGolden keeps the screen's views at 80×24 and 120×40 in
// both languages over the demo's register, at the fixed clock: the list,
// the overdue rows filtered, one of them in detail, its receipt's form
// and the form of a new entry. Refresh with go test ./tui/materials -update.
func TestMaterialsGolden(t *testing.T) {
	f := tuitest.NewDemo(t, tuitest.SmallDemo())
	esc := tuitest.Key("esc")
	steps := []tuitest.GoldenStep{
		{Name: "list"},
		{Name: "overdue", Keys: tuitest.Keys("/overdue\r")},
		{Name: "detail", Keys: tuitest.Keys("\r")},
		{Name: "receipt", Keys: tuitest.Keys("c")},
		{Name: "form", Keys: append([]tea.Msg{esc, esc}, tuitest.Keys("n")...)},
	}
	tuitest.Goldens(t, func(lang string, w, h int) *tui.App { return f.OpenOn(f.Clerk, lang, "screen.materials", w, h) }, steps)
}
