package review

import (
	"orderdesk/tui/tuitest/screenrig"
	"strings"
	"testing"
)

// The status of every document waiting stands whole in its row ("waiting
// for sign-off", not "waiting f…") at 80 and 120 columns, in both
// languages: the summary beside it gives way.
func TestInboxShowsWholeStatus(t *testing.T) {
	r := newTaskRig(t)
	boss := r.user(t, "zhao", 0)
	for _, lang := range []string{"en", "zh"} {
		s := r.screen(t, boss, lang)
		if len(s.items()) == 0 {
			t.Fatal("the rig leaves nothing waiting for the supervisor")
		}
		for _, width := range []int{80, 120} {
			s.SetSize(width, 40)
			view := s.View()
			for _, it := range s.items() {
				status := s.c.T("state." + it.Kind + "." + it.Status)
				if line := screenrig.LineWith(view, it.Ref); !strings.Contains(line, status) {
					t.Errorf("%s at %d columns: %q lacks its status %q", lang, width, line, status)
				}
			}
		}
	}
}
