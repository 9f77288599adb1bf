package statistics

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden keeps the screen at 80×24 and 120×40 in both languages,
// as it opens, on a rep's customers and its documents, the reps' reviews
// by the customers' sources, and what they owe month by month, over
// the demo desk at a fixed
// day. Refresh with go test ./tui/statistics -update.
func TestGolden(t *testing.T) {
	goldenSteps(t, []goldenStep{{"opens", ""}, {"rep_customers", "v enter"}, {"documents", "enter"}, {"reviews", "esc esc e"},
		{"by_source", "e v v v v"}, {"owed", "5"}})
}

// goldenStep is a view kept as a golden file after its keys.
type goldenStep struct{ name, keys string }

// goldenSteps opens the supervisor's screen over the demo desk in each
// language at 80×24 and 120×40 and keeps its view after each step,
// checked to fit the window.
func goldenSteps(t *testing.T, steps []goldenStep) {
	eng := statDesk(t)
	for _, lang := range []string{"zh", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			d, s := open(t, eng, "zhao", lang, size[0], size[1])
			for _, step := range steps {
				// One key at a time, each after the answer to the one
				// before, as the root's type-ahead gate hands them on.
				pressAnswered(d, s, strings.Fields(step.keys)...)
				t.Run(fmt.Sprintf("%s_%dx%d_%s", lang, size[0], size[1], step.name), func(t *testing.T) {
					got := ansi.Strip(s.View())
					for n, line := range strings.Split(got, "\n") {
						if w := ansi.StringWidth(line); w > size[0] {
							t.Errorf("line %d is %d cells in a window of %d: %q", n+1, w, size[0], line)
						}
					}
					if n := strings.Count(got, "\n") + 1; n > size[1] {
						t.Errorf("%d lines in a window of %d", n, size[1])
					}
					golden.RequireEqual(t, []byte(got))
				})
			}
		}
	}
}
