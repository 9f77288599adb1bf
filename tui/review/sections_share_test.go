package review

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestSectionsLeaveTheDocumentsTheirShare: a reviewer with documents
// waiting and collections tasks under them sees at 80x24 and 120x40 a
// third of the window (or all) of their documents, every section's
// heading with a row under it, and no more lines than the window holds.
func TestSectionsLeaveTheDocumentsTheirShare(t *testing.T) {
	r := newTaskRig(t)
	checked := 0
	for _, login := range []string{"wangli", "liqiang", "zhao", "chen"} {
		for _, size := range [][2]int{{80, 21}, {120, 37}} {
			s := r.screen(t, r.user(t, login, 0), "zh")
			s.SetSize(size[0], size[1])
			if len(s.items()) == 0 || len(s.shownTasks()) == 0 {
				continue
			}
			checked++
			v := ansi.Strip(s.View())
			if n := strings.Count(v, "\n") + 1; n > size[1] {
				t.Errorf("%s at %v: %d lines", login, size, n)
			}
			want := min(len(s.items()), max(size[1]/3, 3))
			shown := 0
			for _, it := range s.items() {
				if strings.Contains(v, it.Ref) {
					shown++
				}
			}
			if shown < want {
				t.Errorf("%s at %v: %d of %d documents shown, want at least %d:\n%s", login, size, shown, len(s.items()), want, v)
			}
			for i, rows := range s.sectionRows() {
				if rows == 1 || rows == 2 || rows == 3 {
					t.Errorf("%s at %v: section %d has a heading and no row (%d lines)", login, size, i, rows)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no reviewer in the rig has both documents and collections tasks")
	}
}
