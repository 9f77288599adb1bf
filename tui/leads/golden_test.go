package leads_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/tui/tuitest"
)

// TestLeadsGolden keeps the screen's views at 80×24 and 120×40 in both
// languages over the demo's leads, at the fixed clock: the list, a lead
// with its log, the form of a new lead and the statistics. Refresh with
// go test ./tui/leads -update.
func TestLeadsGolden(t *testing.T) {
	f := demoDesk(t)
	esc := tuitest.Key("esc")
	steps := []struct {
		name string
		keys []tea.Msg
	}{
		{"list", nil},
		{"lead", tuitest.Keys("j\r")},
		{"form", append([]tea.Msg{esc}, tuitest.Keys("n")...)},
		{"stats", append([]tea.Msg{esc, esc}, tuitest.Keys("t")...)},
		{"lost", append([]tea.Msg{esc}, tuitest.Keys("pppppp")...)},
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
