package customers

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// voidPrompt asks why a customer is voided. Nothing is deleted: the file
// stays, marked void, out of the default list.
type voidPrompt struct {
	input    textinput.Model
	orig     store.Customer
	err      string
	saving   bool
	req      int
	returnTo mode
}

func (s *Screen) openVoid(c store.Customer) tea.Cmd {
	if c.Voided {
		return common.Status(s.c.T("refusal.voided"), true)
	}
	ti := common.NewInput()
	ti.Prompt = s.c.T("customers.void.reason")
	ti.CharLimit = workflow.MaxShort
	ti.SetWidth(max(s.width-ansi.StringWidth(ti.Prompt)-4, 10))
	st := ti.Styles()
	st.Cursor.Blink = false
	ti.SetStyles(st)
	s.void = &voidPrompt{input: ti, orig: c, returnTo: s.mode}
	s.mode, s.list.Editing = modeVoid, false
	return s.void.input.Focus()
}

func (s *Screen) updateVoid(msg tea.Msg) tea.Cmd {
	v := s.void
	if v.saving {
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, s.keys.cancel):
			s.mode, s.void = v.returnTo, nil
			return nil
		case key.Matches(k, s.keys.confirm):
			reason := v.input.Value()
			if fe := workflow.CheckText("reason", reason, true, workflow.MaxShort); fe != nil {
				v.err = common.FieldText(s.c.Cat, fe)
				return nil
			}
			v.saving, v.err, v.req = true, "", s.nextReq()
			return voidCustomer(s.c.Ctx, s.c.Desk, v.req, v.orig, workflow.CleanText(reason, false))
		}
	}
	var cmd tea.Cmd
	v.input, cmd = v.input.Update(msg)
	return cmd
}

func (s *Screen) onVoided(msg voidedMsg) tea.Cmd {
	v := s.void
	if v == nil || msg.req != v.req {
		return nil
	}
	v.saving = false
	if msg.err != nil {
		v.err = common.ErrorText(s.c.Cat, msg.err)
		return common.Status(v.err, true)
	}
	s.void, s.mode, s.detail = nil, modeList, detailState{}
	s.body.Reset()
	return tea.Batch(common.Status(s.c.T("customers.void.done", v.orig.Code, v.orig.Name), false), s.list.Refresh())
}

func (s *Screen) viewVoid() string {
	st := s.c.Styles
	v := s.void
	var b strings.Builder
	b.WriteString(st.Title.Render(s.c.T("customers.void.title", v.orig.Code, v.orig.Name)) + "\n\n")
	b.WriteString(st.Muted.Render(s.c.T("customers.void.explain")) + "\n\n")
	b.WriteString(v.input.View() + "\n")
	switch {
	case v.saving:
		b.WriteString(st.Muted.Render(s.c.T("customers.saving")))
	case v.err != "":
		b.WriteString(st.FieldError.Render(v.err))
	}
	return st.Box.Width(min(s.width, 100)).Render(b.String())
}
