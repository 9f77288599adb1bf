package review

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestLongDocumentScrollsUnderWhatTheReviewerDoes: a document longer
// than the window scrolls (G to its end, g back), and what the reviewer
// may do, then the comment being typed, stay in sight under it: at 80
// columns on a short window nothing is typed blind.
func TestLongDocumentScrollsUnderWhatTheReviewerDoes(t *testing.T) {
	r := newTaskRig(t)
	boss := r.user(t, "zhao", 0)
	s := r.screen(t, boss, "zh")
	const height = 12
	s.SetSize(80, height)
	_, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	run(t, s, cmd)
	if s.mode != detailing || len(s.detail.Transitions) == 0 {
		t.Fatal("no document with a history opened")
	}
	last := s.detail.Transitions[len(s.detail.Transitions)-1]
	lastLine := last.At.Local().Format("2006-01-02 15:04")
	view := func() string {
		t.Helper()
		v := ansi.Strip(s.View())
		if n := strings.Count(v, "\n") + 1; n > height {
			t.Fatalf("the document takes %d lines of %d:\n%s", n, height, v)
		}
		return v
	}
	mayDo := strings.SplitN(s.c.T("review.can_act", ""), ":", 2)[0]
	if v := view(); !strings.Contains(v, mayDo) || strings.Contains(v, lastLine) {
		t.Fatalf("opened: want what the reviewer may do in sight and the history's end below the window:\n%s", v)
	}
	s.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if v := view(); !strings.Contains(v, lastLine) || !strings.Contains(v, mayDo) {
		t.Fatalf("G: want the history's last step %q and what may be done:\n%s", lastLine, v)
	}
	s.Update(tea.KeyPressMsg{Code: 'g', Text: "g"})
	if v := view(); strings.Contains(v, lastLine) {
		t.Fatalf("g: want the top again:\n%s", v)
	}
	_, cmd = s.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
	run(t, s, cmd)
	for _, r := range "同意" {
		s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if v := view(); !strings.Contains(v, s.c.T("review.comment.approve")) || !strings.Contains(v, "同意") {
		t.Fatalf("the comment being typed is not in sight:\n%s", v)
	}
}
