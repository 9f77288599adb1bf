package docscreen

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func newHeld() Base {
	c := englishSession()
	b := NewHeldBase(c, func() string { return "one\ntwo\nthree\nfour" })
	b.SetHeldSize(40, 6)
	return b
}

func TestHeldTakesOnlyTheLastAnswers(t *testing.T) {
	b := newHeld()
	first, last := b.AskList(), b.AskList()
	if ok, cmd := b.TakeList(first, nil); ok || cmd != nil {
		t.Fatal("an earlier list read is dropped, silently")
	}
	if ok, cmd := b.TakeList(last, errors.New("gone")); ok || cmd == nil {
		t.Fatal("a failed list read is said")
	}
	b.Mode = Detail
	doc := b.AskDetail()
	if ok, cmd := b.TakeAnswer(doc, errors.New("gone"), true, false); ok || cmd == nil || b.Mode != List {
		t.Fatalf("a failed read with nothing shown goes back to the lists: ok %v, mode %d", ok, b.Mode)
	}
	b.Mode = Form
	if b.TakeAnswer(doc, errors.New("gone"), true, false); b.Mode != Form {
		t.Fatal("a failed read leaves a form open")
	}
	if ok, _ := b.TakeAnswer(doc, nil, false, true); !ok {
		t.Fatal("the last read is shown")
	}
}

func TestHeldPromptAsksHoldsAndAnswers(t *testing.T) {
	b := newHeld()
	b.Mode = Detail
	var got string
	b.AskLine("field.name.reason", "Void PL-1", 20, func(text string) tea.Cmd { got, b.Busy = text, true; return nil })
	if b.Mode != Prompt || !strings.Contains(b.Prompt.View(), "Void PL-1") {
		t.Fatalf("the prompt is open and titled: mode %d\n%s", b.Mode, b.Prompt.View())
	}
	b.PromptKey(tea.PasteMsg{Content: "late"}, Detail, true)
	b.PromptKey(tea.KeyPressMsg{Code: tea.KeyEnter}, Detail, true)
	if got != "late" {
		t.Fatalf("enter gives the line: %q", got)
	}
	if b.PromptKey(tea.KeyPressMsg{Code: tea.KeyEscape}, Detail, true); b.Mode != Prompt {
		t.Fatal("held, esc waits for the answer on its way")
	}
	if _, failed := b.StepAnswered(errors.New("refused"), Detail); !failed || b.Mode != Prompt || b.Busy {
		t.Fatalf("a refusal stays beside the field: mode %d, busy %v", b.Mode, b.Busy)
	}
	if _, failed := b.StepAnswered(nil, Detail); failed || b.Mode != Detail || b.Prompt != nil {
		t.Fatalf("an answer closes the prompt back: mode %d", b.Mode)
	}
	b.AskLine("field.name.reason", "", 20, func(string) tea.Cmd { return nil })
	if b.PromptKey(tea.KeyPressMsg{Code: tea.KeyEscape}, List, false); b.Mode != List {
		t.Fatal("esc closes the prompt back")
	}
}

func TestHeldInputGoesByMode(t *testing.T) {
	b := newHeld()
	var got []string
	took := func(name string) func(tea.Msg) tea.Cmd {
		return func(tea.Msg) tea.Cmd { got = append(got, name); return nil }
	}
	in := Inputs{Form: took("form"), Prompt: took("prompt"), List: took("list"),
		Detail: func(tea.KeyPressMsg) tea.Cmd { got = append(got, "detail"); return nil },
		Own:    map[Mode]func(tea.Msg) tea.Cmd{Prompt + 1: took("own")}}
	key, paste := tea.KeyPressMsg{Code: 'x', Text: "x"}, tea.PasteMsg{Content: "x"}
	for _, m := range []Mode{List, Detail, Form, Prompt, Prompt + 1, Prompt + 2} {
		b.Mode = m
		b.Input(key, in)
		b.Input(paste, in)
	}
	if want := "list list detail form form prompt prompt own own"; JoinNonEmpty(got...) != want {
		t.Fatalf("input went to %q, want %q", JoinNonEmpty(got...), want)
	}
}

func TestHeldDocumentLeavesRoomForThePrompt(t *testing.T) {
	b := newHeld()
	// Six lines: three of the document, a blank one, the prompt's two.
	if got := b.DocWith("why?\nkeys"); got != "one\ntwo\nthree\n\nwhy?\nkeys" {
		t.Fatalf("the document over the prompt:\n%s", got)
	}
	if b.Mode = List; b.Nested() {
		t.Fatal("the lists are not nested")
	}
	if b.Mode = Detail; !b.Nested() {
		t.Fatal("a document is nested")
	}
}
