package review

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// TestSignOffWithAFormIsTakenOnItsScreen: an invoice waiting for finance
// is issued with its number on the Invoices screen. In Review its
// footer offers no a, a says where the issue is done instead of opening
// a comment that would be refused, and "you may" names the screen.
func TestSignOffWithAFormIsTakenOnItsScreen(t *testing.T) {
	r := newTaskRig(t)
	finance, boss := r.user(t, "chen", 0), r.user(t, "zhao", 0)
	// An invoice request the supervisor checks goes on to finance.
	checked := false
	for _, it := range r.screen(t, boss, "en").items() {
		if it.Kind == store.InvoiceKind && it.Status == "submitted" {
			if err := r.eng.Desk(boss).Act(r.ctx, it.ID, workflow.ActionApprove, ""); err != nil {
				t.Fatal(err)
			}
			checked = true
			break
		}
	}
	if !checked {
		t.Fatal("the rig leaves no invoice request for the supervisor to check")
	}
	for _, lang := range []string{"en", "zh"} {
		s := r.screen(t, finance, lang)
		at := -1
		for i, it := range s.items() {
			if it.Kind == store.InvoiceKind && it.Status == "checked" {
				at = i
				break
			}
		}
		if at < 0 {
			t.Fatal("the rig leaves no invoice waiting for finance")
		}
		for range at {
			s.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
		}
		_, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		run(t, s, cmd)
		if s.mode != detailing {
			t.Fatalf("%s: the invoice did not open", lang)
		}
		for _, b := range s.ShortHelp() {
			if b.Help().Key == "a" {
				t.Errorf("%s: the footer offers a (%s) on an invoice to issue", lang, b.Help().Desc)
			}
		}
		wantWhere := s.c.T("review.on_screen", s.c.T("key.issue"), s.c.T("screen.invoices"))
		if !strings.Contains(s.View(), wantWhere) {
			t.Errorf("%s: the document does not say %q:\n%s", lang, wantWhere, s.View())
		}
		_, cmd = s.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
		msgs := run(t, s, cmd)
		if s.mode == commenting {
			t.Fatalf("%s: a opened a comment for a step this screen cannot take", lang)
		}
		want := s.c.T("review.done_on_screen", s.c.T("key.issue"), s.c.T("screen.invoices"))
		if len(msgs) != 1 || msgs[0] != (common.StatusMsg{Text: want, Error: true}) {
			t.Errorf("%s: a said %v, want %q", lang, msgs, want)
		}
	}
}
