package review

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// signHere is the key for an at-desk sign-off: a supervisor at this
// terminal signs with their own login and passphrase.
var signHere = key.NewBinding(key.WithKeys("s"))

// atDesk is the open at-desk sign-off form.
type atDesk struct {
	form                            *huh.Form
	login, passphrase, action, note string
	err                             string
}

func (s *Screen) signHereKey() key.Binding {
	b := signHere
	b.SetHelp("s", s.c.T("review.key.sign_here"))
	return b
}

func (s *Screen) openAtDesk() tea.Cmd {
	if s.detail == nil {
		return nil
	}
	a := &atDesk{action: workflow.ActionApprove}
	s.desk, s.mode = a, signingHere
	return s.buildAtDesk()
}

func (s *Screen) buildAtDesk() tea.Cmd {
	a := s.desk
	a.form = common.NewForm(s.c, huh.NewGroup(
		huh.NewInput().Title(s.c.T("review.atdesk.login")).Value(&a.login),
		huh.NewInput().Title(s.c.T("review.atdesk.passphrase")).EchoMode(huh.EchoModePassword).Value(&a.passphrase),
		huh.NewSelect[string]().Title(s.c.T("review.atdesk.action")).Options(
			huh.NewOption(s.c.T("key.approve"), workflow.ActionApprove),
			huh.NewOption(s.c.T("key.send_back"), workflow.ActionSendBack),
		).Value(&a.action),
		huh.NewInput().Title(s.c.T("review.atdesk.comment")).Value(&a.note),
	)).WithWidth(min(s.width, 70))
	return a.form.Init()
}

func (s *Screen) updateAtDesk(msg tea.Msg) tea.Cmd {
	a := s.desk
	var cmd tea.Cmd
	a.form, cmd = common.UpdateForm(a.form, msg)
	switch a.form.State {
	case huh.StateAborted:
		s.desk, s.mode = nil, detailing
		return nil
	case huh.StateCompleted:
		return tea.Batch(cmd, s.signAtDesk())
	}
	return cmd
}

func (s *Screen) signAtDesk() tea.Cmd {
	a := s.desk
	desk, ctx := s.c.Desk, s.c.Ctx
	id, seen, ref, login, pass, action, note := s.detail.ID, s.detail.Version, s.detail.Ref, a.login, a.passphrase, a.action, a.note
	a.passphrase = "" // never kept on screen or in memory longer than needed
	return func() tea.Msg {
		return actedMsg{action: action, ref: ref, atDesk: true, err: desk.SignAtDesk(ctx, login, pass, id, seen, action, note)}
	}
}

// atDeskError explains a refused at-desk sign-off and reopens the form
// with the login and comment kept.
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
	return tea.Batch(s.buildAtDesk(), common.Status(text, true))
}

func (s *Screen) atDeskView() string {
	st := s.c.Styles
	out := st.Title.Render(s.c.T("review.atdesk.title", s.c.T("kind."+s.detail.Kind)+" "+s.detail.Ref)) + "\n"
	out += st.Muted.Render(s.c.T("review.atdesk.hint", s.c.Desk.User.Name)) + "\n"
	if s.desk.err != "" {
		out += st.FieldError.Render(s.desk.err) + "\n"
	}
	return out + "\n" + s.desk.form.View()
}
