package leads

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
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
	if s.Busy {
		return nil, true
	}
	if s.Mode == docscreen.List && (key.Matches(k, km.toCustomer) || key.Matches(k, km.toInquiry)) {
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
		s.Busy = true
		return toCustomer(s.c.Ctx, s.c.Desk, l.DocID), true
	case key.Matches(k, km.toInquiry):
		s.Busy = true
		return toInquiry(s.c.Ctx, s.c.Desk, l.DocID), true
	}
	return nil, true
}

// take moves a lead with action, as the user saw it.
func (s *Screen) take(l store.Lead, action, comment string) tea.Cmd {
	s.Busy = true
	return act(s.c.Ctx, s.c.Desk, l.DocID, l.Version, l.Ref, action, comment)
}

// askReason opens the prompt for why a lead was lost.
func (s *Screen) askReason(l store.Lead) tea.Cmd {
	if s.Mode != docscreen.Detail || s.lead.Doc == nil || s.lead.Doc.DocID != l.DocID {
		s.lead.Doc = &l
	}
	s.back = s.Mode
	s.AskLine("leads.lost_reason", s.c.T("leads.lose_title", l.Name), s.Width-4, func(text string) tea.Cmd {
		return s.take(l, workflow.ActionLose, text)
	})
	return nil
}

func (s *Screen) updatePrompt(msg tea.Msg) tea.Cmd { return s.PromptKey(msg, s.back, true) }

// onDone says how a move went and shows the lead as it now is.
func (s *Screen) onDone(msg doneMsg) tea.Cmd {
	if cmd, failed := s.StepAnswered(msg.err, s.back); failed {
		return cmd
	}
	return tea.Batch(s.refresh(), s.Say(s.c.T("leads.moved", msg.ref, s.c.T("action."+msg.to))))
}

// onConverted opens the new customer file or inquiry in its screen; a
// name or phone already on a customer file is said with the file it
// meets.
func (s *Screen) onConverted(msg convertedMsg) tea.Cmd {
	s.Busy = false
	var fields workflow.FieldErrors
	switch {
	case errors.As(msg.err, &fields) && len(fields) > 0:
		e := fields[0]
		return common.Status(s.c.T("leads.convert_refused", common.FieldName(s.c.Cat, e.Field), common.FieldText(s.c.Cat, e)), true)
	case msg.err != nil:
		return s.Status(msg.err)
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
