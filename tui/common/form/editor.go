package form

import (
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// editor is what a header field types into: a line of text, a note of
// several rows, or a choice. Grid cells are always lines of text.
type editor interface {
	Value() string
	SetValue(string)
	focus() tea.Cmd
	blur()
	update(tea.Msg) tea.Cmd
	// takes is true for a key the editor keeps although the form would
	// move on it (a choice list's up and down between its ends).
	takes(key string) bool
	// rows is the text shown, one string a row; focused, with the cursor.
	rows(focused bool) []string
}

func newEditor(fd Field) editor {
	switch {
	case fd.Multi:
		return &multiEditor{opts: fd.Options, picked: map[string]bool{}}
	case len(fd.Options) > 0:
		return &choiceEditor{opts: fd.Options}
	case fd.Rows > 1:
		return newNoteEditor(fd)
	}
	in := newInput(fd)
	in.CharLimit, in.Placeholder = fd.Limit, fd.Placeholder
	if fd.Secret {
		in.EchoMode = textinput.EchoPassword
	}
	return &lineEditor{m: in, secret: fd.Secret}
}

// lineEditor is one line of text.
type lineEditor struct {
	m      textinput.Model
	secret bool
}

func (e *lineEditor) Value() string     { return e.m.Value() }
func (e *lineEditor) SetValue(v string) { e.m.SetValue(v) }
func (e *lineEditor) blur()             { e.m.Blur() }
func (e *lineEditor) takes(string) bool { return false }

func (e *lineEditor) focus() tea.Cmd {
	e.m.CursorEnd()
	return e.m.Focus()
}

func (e *lineEditor) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	e.m, cmd = e.m.Update(msg)
	return cmd
}

func (e *lineEditor) rows(focused bool) []string {
	switch {
	case focused:
		return []string{e.m.View()}
	case e.secret:
		return []string{strings.Repeat("*", len([]rune(e.m.Value())))}
	}
	return []string{e.m.Value()}
}

// cellEditor is a grid cell seen as an editor.
type cellEditor struct{ m *textinput.Model }

func (e cellEditor) Value() string     { return e.m.Value() }
func (e cellEditor) SetValue(v string) { e.m.SetValue(v) }
func (e cellEditor) blur()             { e.m.Blur() }
func (e cellEditor) takes(string) bool { return false }
func (e cellEditor) rows(bool) []string {
	return []string{e.m.View()}
}

func (e cellEditor) focus() tea.Cmd {
	e.m.CursorEnd()
	return e.m.Focus()
}

func (e cellEditor) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*e.m, cmd = e.m.Update(msg)
	return cmd
}

// noteEditor is text of several rows; alt+enter or ctrl+j starts a new
// row (enter moves on, as everywhere in the form).
type noteEditor struct {
	m    textarea.Model
	rowN int
}

func newNoteEditor(fd Field) *noteEditor {
	ta := textarea.New()
	ta.Prompt, ta.ShowLineNumbers, ta.CharLimit = "", false, fd.Limit
	ta.EndOfBufferCharacter = ' '
	st := ta.Styles()
	st.Cursor.Blink = false
	ta.SetStyles(st)
	ta.SetWidth(max(fd.Width, 1))
	ta.SetHeight(fd.Rows)
	return &noteEditor{m: ta, rowN: fd.Rows}
}

func (e *noteEditor) Value() string { return e.m.Value() }
func (e *noteEditor) SetValue(v string) {
	e.m.SetValue(v)
}
func (e *noteEditor) blur()             { e.m.Blur() }
func (e *noteEditor) takes(string) bool { return false }

func (e *noteEditor) focus() tea.Cmd {
	e.m.MoveToEnd()
	return e.m.Focus()
}

func (e *noteEditor) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "alt+enter", "ctrl+j":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "enter":
			return nil
		}
	}
	var cmd tea.Cmd
	e.m, cmd = e.m.Update(msg)
	return cmd
}

func (e *noteEditor) rows(focused bool) []string {
	if focused {
		return strings.Split(e.m.View(), "\n")
	}
	lines := strings.Split(e.m.Value(), "\n")
	for len(lines) < e.rowN {
		lines = append(lines, "")
	}
	return lines[:e.rowN]
}

// choiceEditor picks one of its options: ← → or space, or typed: the
// first option whose label (or value) begins with what was typed, else
// the first that holds it ("郑" picks 郑销售). Each character typed adds
// to what was typed while an option matches it, and starts it afresh
// when none does.
type choiceEditor struct {
	opts  []Option
	at    int
	on    bool
	typed string
}

func (e *choiceEditor) Value() string {
	if e.at < len(e.opts) {
		return e.opts[e.at].Value
	}
	return ""
}

func (e *choiceEditor) SetValue(v string) {
	for i, o := range e.opts {
		if o.Value == v {
			e.at = i
		}
	}
}

func (e *choiceEditor) focus() tea.Cmd    { e.on = true; return nil }
func (e *choiceEditor) blur()             { e.on, e.typed = false, "" }
func (e *choiceEditor) takes(string) bool { return false }

func (e *choiceEditor) update(msg tea.Msg) tea.Cmd {
	if len(e.opts) == 0 {
		return nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch msg.String() {
		case "right", "space":
			e.at, e.typed = (e.at+1)%len(e.opts), ""
		case "left":
			e.at, e.typed = (e.at+len(e.opts)-1)%len(e.opts), ""
		default:
			if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
				e.pick(msg.Text)
			}
		}
	case tea.PasteMsg:
		e.typed = ""
		e.pick(msg.Content)
	}
	return nil
}

// pick picks the option what was typed so far and text name, or text
// alone when none does; none picked, nothing moves.
func (e *choiceEditor) pick(text string) {
	for _, q := range []string{e.typed + text, text} {
		if i, ok := e.find(strings.ToLower(strings.TrimSpace(q))); ok {
			e.at, e.typed = i, q
			return
		}
	}
	e.typed = ""
}

// find is the first option whose label or value begins with q, else the
// first whose label holds it.
func (e *choiceEditor) find(q string) (int, bool) {
	if q == "" {
		return 0, false
	}
	for i, o := range e.opts {
		if strings.HasPrefix(strings.ToLower(o.Label), q) || strings.HasPrefix(strings.ToLower(o.Value), q) {
			return i, true
		}
	}
	for i, o := range e.opts {
		if strings.Contains(strings.ToLower(o.Label), q) {
			return i, true
		}
	}
	return 0, false
}

func (e *choiceEditor) rows(focused bool) []string {
	label := ""
	if e.at < len(e.opts) {
		label = e.opts[e.at].Label
	}
	if focused {
		return []string{"‹ " + label + " ›"}
	}
	return []string{label}
}

// setOptions replaces the options, keeping the one picked if it is
// still offered.
func (e *choiceEditor) setOptions(opts []Option) {
	v := e.Value()
	e.opts, e.at = opts, 0
	e.SetValue(v)
}

// multiEditor picks any number of its options, listed one a row: ↑ ↓
// move between them (past the ends, to the next field), space or x
// picks or drops the one under the cursor. Its value is the picked
// values, comma-separated, in the options' order.
type multiEditor struct {
	opts   []Option
	picked map[string]bool
	at     int
	on     bool
}

func (e *multiEditor) Value() string {
	var out []string
	for _, o := range e.opts {
		if e.picked[o.Value] {
			out = append(out, o.Value)
		}
	}
	return strings.Join(out, ",")
}

func (e *multiEditor) SetValue(v string) {
	e.picked = map[string]bool{}
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			e.picked[p] = true
		}
	}
}

func (e *multiEditor) focus() tea.Cmd { e.on = true; return nil }
func (e *multiEditor) blur()          { e.on = false }

func (e *multiEditor) takes(key string) bool {
	switch key {
	case "down":
		return e.at < len(e.opts)-1
	case "up":
		return e.at > 0
	}
	return false
}

func (e *multiEditor) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || len(e.opts) == 0 {
		return nil
	}
	switch k.String() {
	case "down":
		e.at = min(e.at+1, len(e.opts)-1)
	case "up":
		e.at = max(e.at-1, 0)
	case "space", "x":
		v := e.opts[e.at].Value
		e.picked[v] = !e.picked[v]
	}
	return nil
}

func (e *multiEditor) rows(focused bool) []string {
	out := make([]string, len(e.opts))
	for i, o := range e.opts {
		box := "[ ] "
		if e.picked[o.Value] {
			box = "[x] "
		}
		cur := "  "
		if focused && i == e.at {
			cur = "> "
		}
		out[i] = cur + box + o.Label
	}
	return out
}
