package leads

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// Screens a conversion opens the new document in, by their title keys.
const (
	customersScreen = "screen.customers"
	inquiriesScreen = "screen.inquiries"
)

// leadStep takes a step on the lead under the cursor.
func (s *Screen) leadStep(k tea.KeyPressMsg, l store.Lead) tea.Cmd {
	cmd, _ := s.leadStepCmd(k, l)
	return cmd
}

// leadStepCmd takes the step k asks of lead l: edit it, log a call, move
// it a stage on, win it, lose it (with the reason), make its customer
// file or its inquiry. Nothing happens while another step is on its
// way; the workflow refuses what is not this user's to do.
func (s *Screen) leadStepCmd(k tea.KeyPressMsg, l store.Lead) (tea.Cmd, bool) {
	km := s.keys
	steps := []key.Binding{km.edit, km.logCall, km.move, km.win, km.lose, km.toCustomer, km.toInquiry}
	matched := false
	for _, b := range steps {
		matched = matched || key.Matches(k, b)
	}
	if !matched {
		return nil, false
	}
	if s.busy {
		return nil, true
	}
	if s.mode == modeList && (key.Matches(k, km.toCustomer) || key.Matches(k, km.toInquiry)) {
		// A file made at one stray key in the list is a file too many:
		// the lead is converted from its own view.
		return common.Status(s.c.T("leads.convert_open"), true), true
	}
	if !isOpen(l.Status) {
		return common.Status(s.c.T("leads.closed", s.c.T("state.lead."+l.Status)), true), true
	}
	switch {
	case key.Matches(k, km.edit):
		return s.startEdit(l), true
	case key.Matches(k, km.logCall):
		return s.startLog(l), true
	case key.Matches(k, km.move):
		action := workflow.LeadStepAction(l.Status)
		if action == "" {
			return common.Status(s.c.T("leads.last_stage"), true), true
		}
		return s.take(l, action, ""), true
	case key.Matches(k, km.win):
		return s.take(l, workflow.ActionWin, ""), true
	case key.Matches(k, km.lose):
		return s.askReason(l), true
	case key.Matches(k, km.toCustomer):
		s.busy = true
		return toCustomer(s.c.Ctx, s.c.Desk, l.DocID), true
	case key.Matches(k, km.toInquiry):
		s.busy = true
		return toInquiry(s.c.Ctx, s.c.Desk, l.DocID), true
	}
	return nil, true
}

// take moves a lead with action, as the user saw it.
func (s *Screen) take(l store.Lead, action, comment string) tea.Cmd {
	s.busy = true
	return act(s.c.Ctx, s.c.Desk, l.DocID, l.Version, l.Ref, action, comment)
}

// askReason opens the prompt for why a lead was lost.
func (s *Screen) askReason(l store.Lead) tea.Cmd {
	s.prompt = common.NewPrompt(s.c, common.PromptTexts{}, "leads.lost_reason", true, func(text string) tea.Cmd {
		return s.take(l, workflow.ActionLose, text)
	}).Titled(s.c.T("leads.lose_title", l.Name))
	s.prompt.SetWidth(s.width - 4)
	if s.mode != modeDetail || s.lead == nil || s.lead.DocID != l.DocID {
		s.lead = &l
	}
	s.back, s.mode = s.mode, modePrompt
	return nil
}

func (s *Screen) updatePrompt(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return s.prompt.Update(msg)
	}
	if key.Matches(k, s.c.Keys.Cancel) && s.busy {
		return nil // the answer on its way closes it
	}
	cmd, closed := s.prompt.Key(k, s.busy)
	if closed {
		s.prompt, s.mode = nil, s.back
	}
	return cmd
}

// onDone says how a move went and shows the lead as it now is.
func (s *Screen) onDone(msg doneMsg) tea.Cmd {
	s.busy = false
	if msg.err != nil {
		if s.prompt != nil {
			s.prompt.SetError(common.ErrorText(s.c.Cat, msg.err))
			return nil
		}
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	if s.mode == modePrompt {
		s.prompt, s.mode = nil, s.back
	}
	return tea.Batch(s.refresh(), common.Status(s.c.T("leads.moved", msg.ref, s.c.T("action."+msg.to)), false))
}

// onConverted opens the new customer file or inquiry in its screen; a
// name or phone already on a customer file is said with the file it
// meets.
func (s *Screen) onConverted(msg convertedMsg) tea.Cmd {
	s.busy = false
	var fields workflow.FieldErrors
	switch {
	case errors.As(msg.err, &fields) && len(fields) > 0:
		e := fields[0]
		return common.Status(s.c.T("leads.convert_refused", common.FieldName(s.c.Cat, e.Field), common.FieldText(s.c.Cat, e)), true)
	case msg.err != nil:
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	screen, said := customersScreen, s.c.T("leads.made_customer")
	if msg.termsDoc != 0 {
		said = s.c.T("leads.made_customer_terms")
	}
	if msg.inquiry {
		screen, said = inquiriesScreen, s.c.T("leads.made_inquiry")
	}
	open := func() tea.Msg { return common.OpenMsg{Screen: screen, DocID: msg.id} }
	return tea.Batch(s.refresh(), open, common.Status(said, false))
}
