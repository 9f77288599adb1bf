package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// Prompt is one line typed under a document: a reason or a comment, taken
// with enter (or ctrl+s, which saves every form) and dropped with esc,
// which asks first over typed text as every form does. A required
// prompt confirmed empty says so beside the field instead of going on.
type Prompt struct {
	c        *Common
	texts    PromptTexts
	label    string
	title    string // the label in words, where it takes arguments
	required bool
	input    textinput.Model
	done     func(text string) tea.Cmd
	err      string
	leaving  Leaving
}

// PromptTexts are a screen's catalogue keys for its prompts; an empty
// one takes the desk's own ("field.required", "prompt.help").
type PromptTexts struct {
	Needed string // said at the field when a required text is empty
	Help   string // the keys, under the field
}

func (t PromptTexts) orDefaults() PromptTexts {
	if t.Needed == "" {
		t.Needed = "field.required"
	}
	if t.Help == "" {
		t.Help = "prompt.help"
	}
	return t
}

// NewPrompt opens a prompt titled by the catalogue key label; done gets
// the trimmed text once it is confirmed.
func NewPrompt(c *Common, texts PromptTexts, label string, required bool, done func(text string) tea.Cmd) *Prompt {
	in := NewInput()
	in.Prompt = ""
	in.SetWidth(60)
	in.Focus()
	return &Prompt{c: c, texts: texts.orDefaults(), label: label, required: required, input: in, done: done}
}

// Titled says the prompt's title in words, for a label that takes
// arguments (the document's number, say).
func (p *Prompt) Titled(text string) *Prompt {
	p.title = text
	return p
}

// Limit caps how many characters the field takes.
func (p *Prompt) Limit(n int) *Prompt {
	p.input.CharLimit = n
	return p
}

// SetWidth fits the field to the screen's width.
func (p *Prompt) SetWidth(w int) { p.input.SetWidth(max(w, 10)) }

// Room is the widest the field may be on a screen line w wide for the
// word said when it is left empty to show beside it: the field is drawn
// padded to its width, after the title, so a wider one pushes that word
// off the line (the cursor takes a cell more than the field's width).
func (p *Prompt) Room(w int) int {
	return w - 4 - ansi.StringWidth(p.titleText()) - 1 - 1 - 2 - ansi.StringWidth(p.c.T(p.texts.Needed))
}

// titleText is the title as drawn.
func (p *Prompt) titleText() string {
	if p.title != "" {
		return p.title
	}
	return p.c.T(p.label)
}

// SetError shows the desk's word about the text beside the field.
func (p *Prompt) SetError(text string) { p.err = text }

// Update types into the field (keys and pastes).
func (p *Prompt) Update(msg tea.Msg) tea.Cmd {
	p.leaving.TypedOn()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

// Key handles a key: closed is true when the prompt was cancelled; esc
// over typed text asks first (the question its command). While busy (an
// action on its way) a confirmation does nothing.
func (p *Prompt) Key(msg tea.KeyPressMsg, busy bool) (cmd tea.Cmd, closed bool) {
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Cancel):
		question, asking := p.leaving.Esc(p.c, p.input.Value() != "")
		return question, !asking
	case key.Matches(msg, k.Confirm, k.Save):
		p.leaving.TypedOn()
		text := strings.TrimSpace(p.input.Value())
		if p.required && text == "" {
			p.err = p.c.T(p.texts.Needed)
			return nil, false
		}
		if busy {
			return nil, false
		}
		return p.done(text), false
	}
	return p.Update(msg), false
}

// ShortHelp is the prompt's keys, for the footer.
func (p *Prompt) ShortHelp() []key.Binding { return []key.Binding{p.c.Keys.Confirm, p.c.Keys.Cancel} }

// View draws the prompt line with its error and the keys under it.
func (p *Prompt) View() string {
	if p == nil {
		return ""
	}
	st := p.c.Styles
	out := st.Title.Render(p.titleText()) + " " + p.input.View()
	if p.err != "" {
		out += "  " + st.FieldError.Render(p.err)
	}
	return out + "\n" + st.Muted.Render(p.c.T(p.texts.Help))
}
