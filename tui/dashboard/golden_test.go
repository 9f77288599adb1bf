package dashboard

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden keeps the dashboard at 80×24 and 120×40 in both languages,
// as a supervisor and as the warehouse see it, over the demo desk at a
// fixed day. Refresh with go test ./tui/dashboard -update.
func TestGolden(t *testing.T) {
	eng := dashDesk(t)
	for _, login := range []string{"zhao", "wu"} {
		for _, lang := range []string{"zh", "en"} {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				// The body of the frame: its tabs, status and help take 3 lines.
				_, s := open(t, eng, login, lang, size[0], size[1]-3)
				t.Run(fmt.Sprintf("%s_%s_%dx%d", login, lang, size[0], size[1]), func(t *testing.T) {
					got := ansi.Strip(s.View())
					for n, line := range strings.Split(got, "\n") {
						if w := ansi.StringWidth(line); w > size[0] {
							t.Errorf("line %d is %d cells in a window of %d: %q", n+1, w, size[0], line)
						}
					}
					if n := strings.Count(got, "\n") + 1; n > size[1]-3 {
						t.Errorf("%d lines in a body of %d", n, size[1]-3)
					}
					golden.RequireEqual(t, []byte(got))
				})
			}
		}
	}
}
