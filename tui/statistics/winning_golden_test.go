package statistics

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestWinningGolden keeps the leads and the visits that stand in place
// of the figures at 80×24 and 120×40 in both languages, over the demo
// desk at its fixed day: the month's leads by source and stage, the
// month's visits per rep (CJK names), the week's, and back to the
// figures. Refresh with go test ./tui/statistics -update.
func TestWinningGolden(t *testing.T) {
	eng := statDesk(t)
	for _, lang := range []string{"zh", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			d, s := open(t, eng, "zhao", lang, size[0], size[1])
			for _, step := range []struct{ name, keys string }{{"leads", "l"}, {"visits", "b"}, {"visits_week", "w [ ["}, {"leads_year", "l y"}} {
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
