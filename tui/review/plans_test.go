package review

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
)

// The supervisor reviewing a rep's week plan sees what they sign: the
// rep, the days, and each customer to call or visit.
func TestReviewShowsAPlan(t *testing.T) {
	r := newTaskRig(t)
	s := r.screen(t, r.user(t, "zhao", 0), "en")
	at := -1
	for i, it := range s.items() {
		if it.Kind == store.PlanKind && at < 0 {
			at = i
		}
		if (it.Kind == store.PlanKind || it.Kind == store.TargetKind) && it.Status != "submitted" {
			t.Errorf("%s %s waits in the inbox", it.Ref, it.Status)
		}
	}
	if at < 0 {
		t.Fatal("no plan waits for the supervisor")
	}
	for i := 0; i < at; i++ {
		_, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		run(t, s, cmd)
	}
	_, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	run(t, s, cmd)
	view := s.View()
	for _, want := range []string{"Sales plan", "Sales rep", "week  ", "Line", "call", "visit"} {
		if !strings.Contains(view, want) {
			t.Errorf("the plan under review lacks %q:\n%s", want, view)
		}
	}
}
