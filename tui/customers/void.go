package customers

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// voidPrompt asks why a customer is voided. Nothing is deleted: the file
// stays, marked void, out of the default list.
type voidPrompt struct {
	prompt   *common.Prompt
	orig     store.Customer
	saving   bool
	req      int
	returnTo mode
}

func (s *Screen) openVoid(c store.Customer) tea.Cmd {
	if c.Voided {
		return common.Status(s.c.T("refusal.voided"), true)
	}
	label := s.c.T("customers.void.reason")
	p := common.NewPrompt(s.c, common.PromptTexts{}, "customers.void.reason", true, s.confirmVoid).
		Titled(label).Limit(workflow.MaxShort)
	p.SetWidth(s.width - ansi.StringWidth(label) - 4)
	s.void = &voidPrompt{prompt: p, orig: c, returnTo: s.mode}
	s.mode, s.list.Editing = modeVoid, false
	return nil
}

// confirmVoid checks the reason as the desk will and sends the void.
func (s *Screen) confirmVoid(reason string) tea.Cmd {
	v := s.void
	if fe := workflow.CheckText("reason", reason, true, workflow.MaxShort); fe != nil {
		v.prompt.SetError(common.FieldText(s.c.Cat, fe))
		return nil
	}
	v.saving, v.req = true, s.nextReq()
	v.prompt.SetError("")
	return voidCustomer(s.c.Ctx, s.c.Desk, v.req, v.orig, workflow.CleanText(reason, false))
}

func (s *Screen) updateVoid(msg tea.Msg) tea.Cmd {
	v := s.void
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v.prompt.Update(msg)
	}
	cmd, closed := v.prompt.Key(k, v.saving)
	if closed && !v.saving {
		s.mode, s.void = v.returnTo, nil
	}
	return cmd
}

func (s *Screen) onVoided(msg voidedMsg) tea.Cmd {
	v := s.void
	if v == nil || msg.req != v.req {
		return nil
	}
	v.saving = false
	if msg.err != nil {
		text := common.ErrorText(s.c.Cat, msg.err)
		v.prompt.SetError(text)
		return common.Status(text, true)
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
	b.WriteString(v.prompt.View() + "\n")
	if v.saving {
		b.WriteString(st.Muted.Render(s.c.T("customers.saving")))
	}
	return st.Box.Width(min(s.width, 100)).Render(b.String())
}
