package plans_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

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
	esc := tuitest.Key("esc")
	steps := []struct {
		name string
		keys []tea.Msg
	}{
		{"list", nil},
		{"month", tuitest.Keys("jj\r")},
		{"week", append([]tea.Msg{esc}, tuitest.Keys("gg\r")...)},
		{"targets", append([]tea.Msg{esc}, tuitest.Keys("t")...)},
		{"target", tuitest.Keys("\r")},
		{"purchases", append([]tea.Msg{esc}, tuitest.Keys("t")...)},
		{"purchase", tuitest.Keys("\r")},
		{"collection", append([]tea.Msg{esc}, tuitest.Keys("t")...)},
	}
	for _, lang := range []string{"zh", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			app := open(f, f.Supervisor, lang, size[0], size[1])
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
