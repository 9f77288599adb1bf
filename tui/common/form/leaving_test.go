package form

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
)

func TestLeavingAsksOnceOverTypedInput(t *testing.T) {
	keys := common.NewKeyMap(i18n.Catalog{Lang: "zh"})
	esc, x := tea.KeyPressMsg{Code: tea.KeyEscape}, tea.KeyPressMsg{Code: 'x', Text: "x"}
	f := inquiryForm()
	if _, act := f.Handle(esc, keys); act != Cancel {
		t.Fatalf("esc over nothing typed leaves: %d", act)
	}
	f.Handle(x, keys)
	if _, act := f.Handle(esc, keys); act != AskLeave {
		t.Fatalf("esc over typed input asks: %d", act)
	}
	f.Handle(x, keys) // typing on takes the question back
	if _, act := f.Handle(esc, keys); act != AskLeave {
		t.Fatalf("esc after more typing asks again: %d", act)
	}
	if _, act := f.Handle(esc, keys); act != Cancel {
		t.Fatalf("a second esc leaves: %d", act)
	}
}
