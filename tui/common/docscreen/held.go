package docscreen

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// NewHeldBase starts the skeleton of a screen that holds its rows itself
// (common.List, read whole) rather than paging them through Lists: its
// lists are its own, and the document leaves the line under it free.
// detailView draws the document into the scrolled body.
func NewHeldBase(c *common.Common, detailView func() string) Base {
	return Base{c: c, Body: common.NewDetail(c, detailView)}
}

// SetHeldSize fits a screen that holds its rows to the window: the
// document gets every line but the one under it.
func (b *Base) SetHeldSize(w, h int) {
	b.Width, b.Height = w, h
	b.Body.SetSize(w, max(h-1, 1))
}

// AskList gives out the id of a new read of the lists, the one whose
// answer is awaited.
func (b *Base) AskList() int {
	b.ListReq = b.NextReq()
	return b.ListReq
}

// TakeList says whether the answer to lists read seq is to be shown: not
// when a later read is on its way (nil), nor when it failed (the error).
func (b *Base) TakeList(seq int, err error) (ok bool, cmd tea.Cmd) {
	if seq != b.ListReq {
		return false, nil
	}
	if err != nil {
		return false, b.Status(err)
	}
	return true, nil
}

// TakeAnswer says whether the answer to document read seq is to be
// shown by a screen that holds the document itself: not when a later
// read is on its way (nil), nor when it failed (the error; with nothing
// shown, the document's view goes back to the lists). sameDoc keeps the
// place in a document read again; another starts at its top.
func (b *Base) TakeAnswer(seq int, err error, nothingShown, sameDoc bool) (ok bool, cmd tea.Cmd) {
	if seq != b.DetailReq {
		return false, nil
	}
	if err != nil {
		if b.Mode == Detail && nothingShown {
			b.Mode = List
		}
		return false, b.Status(err)
	}
	if !sameDoc {
		b.Body.Reset()
	}
	return true, nil
}

// AskLine opens the prompt under what is shown for a line it needs (a
// reason, a result): label names it in the catalogue, or title says it
// in words when given; the field is width wide, and done gets the line
// once confirmed.
func (b *Base) AskLine(label, title string, width int, done func(string) tea.Cmd) {
	b.Prompt = common.NewPrompt(b.c, common.PromptTexts{}, label, true, done).Titled(title)
	b.FitPrompt(width)
	b.Mode = Prompt
}

// FitPrompt sizes the open prompt's field to width, narrower where the
// screen's line would leave no room for what is said beside it.
func (b *Base) FitPrompt(width int) {
	if b.Prompt != nil {
		b.Prompt.SetWidth(min(width, b.Prompt.Room(b.Width)))
	}
}

// PromptKey gives a key or a paste to the prompt: enter takes the line
// unless an action is on its way, esc closes it back to the mode back.
// With hold, esc does nothing while an action is on its way: its answer
// closes the prompt.
func (b *Base) PromptKey(msg tea.Msg, back Mode, hold bool) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return b.Prompt.Update(msg)
	}
	if hold && b.Busy && key.Matches(k, b.c.Keys.Cancel) {
		return nil
	}
	cmd, closed := b.Prompt.Key(k, b.Busy)
	if closed {
		b.Prompt, b.Mode = nil, back
	}
	return cmd
}

// StepAnswered ends a step taken on the document (from the prompt or a
// key): one that failed is said beside the prompt's field when it is
// open, in the status line otherwise (failed is true, cmd says it); one
// that went closes the prompt back to the mode back.
func (b *Base) StepAnswered(err error, back Mode) (cmd tea.Cmd, failed bool) {
	b.Busy = false
	if err != nil {
		if b.Prompt != nil {
			b.Prompt.SetError(common.ErrorText(b.c.Cat, err))
			return nil, true
		}
		return b.Status(err), true
	}
	if b.Mode == Prompt {
		b.Prompt, b.Mode = nil, back
	}
	return nil, false
}

// DocWith draws the document in what is left of the window over below
// (a prompt), a blank line between them.
func (b *Base) DocWith(below string) string {
	rows := max(b.Height-strings.Count(below, "\n")-2, 1)
	return b.Body.Window(rows) + "\n\n" + below
}

// Inputs are where a screen that holds its rows takes keys and pastes,
// by mode: its form, the prompt and its lists take both, the document
// keys only; Own takes the screen's own modes (after Prompt), each
// with both (KeysOnly wraps one that takes keys only).
type Inputs struct {
	Form, Prompt, List func(tea.Msg) tea.Cmd
	Detail             func(tea.KeyPressMsg) tea.Cmd
	Own                map[Mode]func(tea.Msg) tea.Cmd
}

// Input gives a key or a paste to what the mode shown says has the focus.
func (b *Base) Input(msg tea.Msg, in Inputs) tea.Cmd {
	switch b.Mode {
	case Form:
		return in.Form(msg)
	case Prompt:
		return in.Prompt(msg)
	case Detail:
		return KeysOnly(in.Detail)(msg)
	case List:
		return in.List(msg)
	}
	if own := in.Own[b.Mode]; own != nil {
		return own(msg)
	}
	return nil
}

// KeysOnly takes keys with f and lets pastes fall.
func KeysOnly(f func(tea.KeyPressMsg) tea.Cmd) func(tea.Msg) tea.Cmd {
	return func(msg tea.Msg) tea.Cmd {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			return f(k)
		}
		return nil
	}
}

// ListKey gives a key or a paste to a held list first (its filter, its
// cursor), and refresh reads the rows again (reload). left is true, with
// the key, when it is the screen's; else cmd is what was done with it.
func (b *Base) ListKey(list interface {
	Update(tea.Msg) (tea.Cmd, bool)
}, msg tea.Msg, reload func() tea.Cmd) (k tea.KeyPressMsg, cmd tea.Cmd, left bool) {
	k, cmd, left = common.KeyLeft(list, msg)
	if left && key.Matches(k, b.c.Keys.Refresh) {
		return k, reload(), false
	}
	return k, cmd, left
}
