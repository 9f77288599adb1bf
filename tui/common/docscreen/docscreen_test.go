package docscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

func TestPromptStandsUnderTheDocumentAndClosesWithEsc(t *testing.T) {
	c := englishSession()
	body := common.NewDetail(c, func() string { return "one\ntwo\nthree\nfour\nfive" })
	body.SetSize(20, 5)
	var got string
	p := Parts{Mode: Prompt, Body: body, Prompt: common.NewPrompt(c,
		common.PromptTexts{Needed: "prompt.reason_needed"}, "invoices.reason_void", true,
		func(text string) tea.Cmd { got = text; return nil })}
	view := p.View(5, nil, nil)
	if lines := strings.Split(view, "\n"); len(lines) != 5 || lines[0] != "one" || lines[2] != "three" {
		t.Fatalf("three lines of the document, then the prompt's two:\n%s", view)
	}
	if !p.Capturing() {
		t.Fatal("a prompt takes every key")
	}
	none := Handlers{}
	p.Paste(tea.PasteMsg{Content: "wrong customer"})
	p.Key(tea.KeyPressMsg{Code: tea.KeyEnter}, false, none)
	if got != "wrong customer" {
		t.Fatalf("done got %q", got)
	}
	esc := tea.KeyPressMsg{Code: tea.KeyEscape}
	if _, closed := p.Key(esc, false, none); closed {
		t.Fatal("esc over a typed reason closed the prompt without asking")
	}
	if _, closed := p.Key(esc, false, none); !closed {
		t.Fatal("esc did not close the prompt")
	}
}
