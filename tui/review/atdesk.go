package review

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// atDesk is the at-desk sign-off form. Its focus moves inside Update, not
// through commands, so keys typed ahead always land in the field the
// user meant.
type atDesk struct {
	login, pass, note textinput.Model
	approve           bool // the decision: approve, else send back
	focus             int  // 0 login, 1 passphrase, 2 decision, 3 comment
	err               string
	leaving           common.Leaving // esc over typed input asks first
}

// typed is whether anything was typed into the fields.
func (a *atDesk) typed() bool {
	return a.login.Value() != "" || a.pass.Value() != "" || a.note.Value() != ""
}

const atDeskFields = 4

func newInput(width int) textinput.Model {
	ti := common.NewInput()
	ti.Prompt = "> "
	ti.SetWidth(width)
	return ti
}

func (s *Screen) openAtDesk() tea.Cmd {
	if s.detail == nil {
		return nil
	}
	w := max(min(s.width, 70)-4, 10)
	a := &atDesk{login: newInput(w), pass: newInput(w), note: newInput(w), approve: true}
	a.pass.EchoMode = textinput.EchoPassword
	s.desk, s.mode = a, signingHere
	return a.setFocus(0)
}

// setFocus moves the focus to field i.
func (a *atDesk) setFocus(i int) tea.Cmd {
	a.focus = (i + atDeskFields) % atDeskFields
	a.login.Blur()
	a.pass.Blur()
	a.note.Blur()
	switch a.focus {
	case 0:
		return a.login.Focus()
	case 1:
		return a.pass.Focus()
	case 3:
		return a.note.Focus()
	}
	return nil
}

func (a *atDesk) input() *textinput.Model {
	switch a.focus {
	case 0:
		return &a.login
	case 1:
		return &a.pass
	case 3:
		return &a.note
	}
	return nil
}

func (s *Screen) updateAtDesk(msg tea.Msg) tea.Cmd {
	a := s.desk
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() != "esc" {
			a.leaving.TypedOn()
		}
		switch k.String() {
		case "esc":
			if question, asking := a.leaving.Esc(s.c, a.typed()); asking {
				return question
			}
			s.desk, s.mode = nil, detailing
			return nil
		case "tab", "down":
			return a.setFocus(a.focus + 1)
		case "shift+tab", "up":
			return a.setFocus(a.focus - 1)
		case "enter":
			if a.focus == atDeskFields-1 {
				return s.signAtDesk()
			}
			return a.setFocus(a.focus + 1)
		}
		if a.focus == 2 {
			switch k.String() {
			case "left", "right", "space", "h", "l":
				a.approve = !a.approve
			}
			return nil
		}
	}
	if in := a.input(); in != nil {
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		return cmd
	}
	return nil
}

func (s *Screen) signAtDesk() tea.Cmd {
	if s.busy {
		return nil // one sign-off at a time: a second enter does not sign again
	}
	s.busy = true
	a := s.desk
	desk, ctx := s.c.Desk, s.c.Ctx
	action := workflow.ActionSendBack
	if a.approve {
		action = workflow.ActionApprove
	}
	id, seen, ref := s.detail.ID, s.detail.Version, s.detail.Ref
	login, pass, note := strings.TrimSpace(a.login.Value()), a.pass.Value(), a.note.Value()
	a.pass.Reset() // a passphrase never stays on screen or in memory longer than needed
	return func() tea.Msg {
		return actedMsg{action: action, ref: ref, atDesk: true, err: desk.SignAtDesk(ctx, login, pass, id, seen, action, note)}
	}
}

// atDeskError explains a refused at-desk sign-off; the login and the
// comment stay, the focus goes back to the passphrase.
func (s *Screen) atDeskError(err error) tea.Cmd {
	var locked *workflow.LockedError
	text := common.ErrorText(s.c.Cat, err)
	switch {
	case errors.As(err, &locked):
		text = s.c.T("review.atdesk.locked", locked.Until.Local().Format("15:04:05"))
	case errors.Is(err, workflow.ErrWrongPassphrase):
		text = s.c.T("review.atdesk.wrong")
	case errors.Is(err, workflow.ErrNoPassphrase):
		text = s.c.T("review.atdesk.no_passphrase")
	}
	s.desk.err = text
	return tea.Batch(s.desk.setFocus(1), common.Status(text, true))
}

func (s *Screen) atDeskView() string {
	st := s.c.Styles
	a := s.desk
	var b strings.Builder
	b.WriteString(st.Title.Render(s.c.T("review.atdesk.title", s.c.T("kind."+s.detail.Kind)+" "+s.detail.Ref)) + "\n")
	b.WriteString(st.Muted.Render(s.c.T("review.atdesk.hint", s.c.Desk.User.Name)) + "\n")
	if a.err != "" {
		b.WriteString(st.FieldError.Render(a.err) + "\n")
	}
	field := func(i int, label, value string) {
		mark := "  "
		if a.focus == i {
			mark = st.Key.Render("┃ ")
		}
		b.WriteString("\n" + mark + s.c.T(label) + "\n" + mark + value + "\n")
	}
	decision := func(on bool, label string) string {
		if on {
			return st.Selected.Render("[" + s.c.T(label) + "]")
		}
		return st.Muted.Render(" " + s.c.T(label) + " ")
	}
	field(0, "review.atdesk.login", a.login.View())
	field(1, "review.atdesk.passphrase", a.pass.View())
	field(2, "review.atdesk.action", decision(a.approve, "key.approve")+" "+decision(!a.approve, "key.send_back"))
	field(3, "review.atdesk.comment", a.note.View())
	b.WriteString("\n" + st.Muted.Render(s.c.T("review.atdesk.keys")))
	return b.String()
}
