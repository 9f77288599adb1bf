package invoices

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// prompt is one line typed under the note: a reason or a comment.
type prompt struct {
	label    string
	required bool
	input    textinput.Model
	done     func(text string) tea.Cmd
	err      string
}

func (s *Screen) openPrompt(label string, required bool, done func(string) tea.Cmd) {
	in := textinput.New()
	in.Prompt = ""
	in.SetWidth(60)
	in.Focus()
	s.prompt = &prompt{label: label, required: required, input: in, done: done}
	s.mode = modePrompt
}

func (p *prompt) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return cmd
}

func (s *Screen) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := s.prompt
	switch {
	case key.Matches(msg, s.keys.cancel):
		s.prompt, s.mode = nil, modeDetail
		return nil
	case key.Matches(msg, s.keys.confirm):
		text := strings.TrimSpace(p.input.Value())
		if p.required && text == "" {
			p.err = s.c.T("invoices.reason_needed")
			return nil
		}
		if s.busy {
			return nil
		}
		return p.done(text)
	}
	return p.update(msg)
}

// promptView draws the prompt line with its error.
func (s *Screen) promptView() string {
	p := s.prompt
	if p == nil {
		return ""
	}
	st := s.c.Styles
	out := st.Title.Render(s.c.T(p.label)) + " " + p.input.View()
	if p.err != "" {
		out += "  " + st.FieldError.Render(p.err)
	}
	return out + "\n" + st.Muted.Render(s.c.T("invoices.prompt_help"))
}
