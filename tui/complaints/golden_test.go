package complaints_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

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
	steps := []struct {
		name string
		keys []tea.Msg
	}{
		{"list", nil},
		{"detail", tuitest.Keys("jjj\r")},
		{"filtered", append([]tea.Msg{esc}, tuitest.Keys("/resolved\r")...)},
		{"calls", tuitest.Keys("v")},
		{"form", append([]tea.Msg{esc}, append(tuitest.Keys("C\r\r0\r"), tuitest.Key("ctrl+s"))...)},
		{"stats", append([]tea.Msg{esc}, tuitest.Keys("s")...)},
		{"by_product", tuitest.Keys("d")},
	}
	for _, lang := range []string{"zh", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			app := open(f, f.Supervisor, lang, "screen.complaints", size[0], size[1])
			for i, step := range steps {
				tuitest.Press(app, step.keys...)
				t.Run(fmt.Sprintf("%s_%dx%d_%d_%s", lang, size[0], size[1], i+1, step.name), func(t *testing.T) {
					got := text(app)
					for n, line := range strings.Split(got, "\n") {
						if w := ansi.StringWidth(line); w > size[0] {
							t.Errorf("line %d is %d cells in a window of %d: %q", n+1, w, size[0], line)
						}
					}
					golden.RequireEqual(t, []byte(got))
				})
			}
		}
	}
}
