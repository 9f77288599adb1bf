package common

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/i18n"
)

func testCommon() *Common {
	cat := i18n.Catalog{Lang: i18n.English}
	return &Common{Ctx: context.Background(), Cat: cat, Keys: NewKeyMap(cat), Styles: NewStyles(true)}
}

func TestPromptWantsAReasonThenGivesIt(t *testing.T) {
	var got string
	p := NewPrompt(testCommon(), PromptTexts{Needed: "prompt.reason_needed"},
		"invoices.reason_void", true, func(text string) tea.Cmd { got = text; return nil })
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	if _, closed := p.Key(enter, false); closed || got != "" {
		t.Fatalf("an empty reason went on (closed %v, got %q)", closed, got)
	}
	if !strings.Contains(p.View(), "a reason is needed") {
		t.Fatalf("no word at the field:\n%s", p.View())
	}
	p.Update(tea.PasteMsg{Content: "  wrong customer "})
	if _, closed := p.Key(enter, true); closed || got != "" {
		t.Fatal("confirmed while busy")
	}
	p.Key(enter, false)
	if got != "wrong customer" {
		t.Fatalf("done got %q", got)
	}
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	if _, closed := p.Key(esc, false); closed {
		t.Fatal("esc over a typed reason closed the prompt without asking")
	}
	if _, closed := p.Key(esc, false); !closed {
		t.Fatal("esc did not close the prompt")
	}
}

// esc over a typed reason asks, as every form does, and the reason
// stays; esc again drops it; a key typed between takes the question
// back. Over nothing typed esc closes at once.
func TestPromptAsksBeforeDroppingATypedReason(t *testing.T) {
	c := testCommon()
	p := NewPrompt(c, PromptTexts{}, "invoices.reason_void", true, func(string) tea.Cmd { return nil })
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	if _, closed := p.Key(esc, false); !closed {
		t.Fatal("esc over nothing typed did not close")
	}
	p = NewPrompt(c, PromptTexts{}, "invoices.reason_void", true, func(string) tea.Cmd { return nil })
	p.Key(tea.KeyPressMsg{Code: 'x', Text: "x"}, false)
	question, closed := p.Key(esc, false)
	if closed || question == nil || !strings.Contains(p.View(), "x") {
		t.Fatalf("the first esc: closed %v, asked %v\n%s", closed, question != nil, p.View())
	}
	if st, _ := question().(StatusMsg); st.Text != c.T("form.discard_ask") {
		t.Fatalf("asked %q", st.Text)
	}
	p.Key(tea.KeyPressMsg{Code: 'y', Text: "y"}, false)
	if _, closed := p.Key(esc, false); closed {
		t.Fatal("esc after typing on closed without asking again")
	}
	if _, closed := p.Key(esc, false); !closed {
		t.Fatal("the second esc kept the prompt")
	}
}

// ctrl+s confirms as it saves every form; a title may carry the
// document's number; the desk's word shows at the field.
func TestPromptTakesCtrlSAndATitle(t *testing.T) {
	var got string
	p := NewPrompt(testCommon(), PromptTexts{Needed: "prompt.reason_needed"},
		"invoices.reason_void", true, func(text string) tea.Cmd { got = text; return nil }).Titled("Cancel LNSYNO.0001")
	p.Update(tea.PasteMsg{Content: "late"})
	p.Key(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}, false)
	if got != "late" {
		t.Fatalf("ctrl+s gave %q", got)
	}
	p.SetError("too long")
	if v := p.View(); !strings.Contains(v, "Cancel LNSYNO.0001") || !strings.Contains(v, "too long") {
		t.Fatalf("view:\n%s", v)
	}
}

// A prompt sized to its Room on a screen line keeps the word it says
// when left empty on that line, at 80 and 120 columns, with a long title.
func TestPromptRoomKeepsItsWordOnTheLine(t *testing.T) {
	for _, w := range []int{80, 120} {
		p := NewPrompt(testCommon(), PromptTexts{Needed: "prompt.reason_needed"}, "", true, func(string) tea.Cmd { return nil }).
			Titled("营口新港机械制造有限公司 lost")
		p.SetWidth(min(w-4, p.Room(w)))
		p.Key(tea.KeyPressMsg{Code: tea.KeyEnter}, false)
		line, _, _ := strings.Cut(p.View(), "\n")
		if !strings.Contains(line, "a reason is needed") || ansi.StringWidth(line) > w-4 {
			t.Errorf("at %d columns the line is %d wide: %q", w, ansi.StringWidth(line), line)
		}
	}
}
