// Package docscreen is the skeleton of a document screen: a row of lists,
// one document in detail, a step's form and a reason prompt over it. A
// screen keeps its own data and steps and hands the skeleton what it
// shows; the skeleton says where keys and pastes go and draws the mode.
// A screen that pages its lists starts from NewBase; one that holds its
// rows whole (plans, complaints, leads) from NewHeldBase, and asks the
// kit for its line under the document (AskLine, PromptKey,
// StepAnswered) and where its keys go (Input).
package docscreen

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
)

// Mode is what the screen shows; it decides where keys go. A screen may
// add modes of its own after Prompt.
type Mode int

const (
	List   Mode = iota
	Detail      // one document, scrolled
	Form        // a form of a step
	Prompt      // one line under the document: a reason or a comment
)

// Parts are what a document screen shows.
type Parts struct {
	Mode   Mode
	Lists  *common.Lists
	Body   *common.Detail
	Form   *form.Form
	Prompt *common.Prompt
}

// Capturing is true while typing: the form, the prompt or a filter.
func (p Parts) Capturing() bool {
	return p.Mode == Form || p.Mode == Prompt || (p.Mode == List && p.Lists.Filtering())
}

// Paste gives a paste to what has the focus.
func (p Parts) Paste(msg tea.PasteMsg) tea.Cmd {
	switch p.Mode {
	case Form:
		return p.Form.Update(msg)
	case Prompt:
		return p.Prompt.Update(msg)
	case List:
		return p.Lists.Update(msg)
	}
	return nil
}

// OpenPrompt asks for one line under the document (a reason or a
// comment); done gets it once confirmed. The screen keeps the prompt and
// shows the mode returned.
func OpenPrompt(c *common.Common, label string, required bool, done func(string) tea.Cmd) (*common.Prompt, Mode) {
	return common.NewPrompt(c, common.PromptTexts{Needed: "prompt.reason_needed"}, label, required, done), Prompt
}

// Handlers are a screen's own keys in each mode; Own takes them in the
// modes a screen adds after Prompt.
type Handlers struct {
	Form, Detail, List, Own func(tea.KeyPressMsg) tea.Cmd
}

// Key gives a key to what has the focus: the form, the prompt (enter
// takes it unless busy, esc closes it, asking first over a typed
// reason: promptClosed), the document or the lists, or a mode of the
// screen's own.
func (p Parts) Key(msg tea.KeyPressMsg, busy bool, h Handlers) (cmd tea.Cmd, promptClosed bool) {
	switch p.Mode {
	case Form:
		return h.Form(msg), false
	case Prompt:
		return p.Prompt.Key(msg, busy)
	case Detail:
		return h.Detail(msg), false
	}
	if p.Mode > Prompt && h.Own != nil {
		return h.Own(msg), false
	}
	return h.List(msg), false
}

// View draws the mode shown in height lines: the form, the document with
// the prompt under it, the document, or the lists (drawn by list).
func (p Parts) View(height int, formView, list func() string) string {
	switch p.Mode {
	case Form:
		return formView()
	case Prompt:
		v := p.Prompt.View()
		return p.Body.Window(height-strings.Count(v, "\n")-1) + "\n" + v
	case Detail:
		return p.Body.View()
	}
	return list()
}

// JoinNonEmpty joins the parts that say something with spaces: a line's
// grade, name and spec.
func JoinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}
