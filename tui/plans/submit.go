package plans

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// submit sends a draft or sent-back plan or target (its header h) for a
// supervisor's sign-off in Review; states names its kind's statuses in
// the catalogue ("state.sales_plan.").
func (s *Screen) submit(h store.PlanHeader, states string) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPlans) || s.busy {
		return nil
	}
	if !editable(h.Status) {
		return common.Status(s.c.T("plans.not_submittable", s.c.T(states+h.Status)), true)
	}
	s.busy = true
	return submit(s.c.Ctx, s.c.Desk, h.DocID, h.Version, h.Ref)
}

// askResult opens the prompt for what an approved plan's period did.
func (s *Screen) askResult() tea.Cmd {
	p := s.plan
	if p == nil || !workflow.Can(s.c.Desk.User, workflow.DraftPlans) {
		return nil
	}
	if p.Status != "approved" {
		return common.Status(s.c.T("plans.result_when_approved"), true)
	}
	id, ref := p.DocID, p.Ref
	s.prompt = common.NewPrompt(s.c, common.PromptTexts{}, "field.name.result", true, func(text string) tea.Cmd {
		s.busy = true
		return recordResult(s.c.Ctx, s.c.Desk, id, ref, text)
	}).Titled(s.c.T("plans.result_title", ref))
	s.fitPrompt(s.c.T("plans.result_title", ref))
	s.promptBack, s.mode = modeDetail, modePrompt
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
		s.prompt, s.mode = nil, s.promptBack
	}
	return cmd
}

// onDone says how a submit or a result went and shows the plan as it
// now is.
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
		s.prompt, s.mode = nil, s.promptBack
	}
	cmds := []tea.Cmd{s.reload(), common.Status(s.c.T(msg.what, msg.ref), false)}
	switch {
	case s.mode == modeDetail && s.target != nil: // a target is shown as listed: back to the list, read anew
		s.mode, s.target, s.report = modeList, nil, nil
	case s.mode == modeDetail && s.buy != nil:
		cmds = append(cmds, s.openPurchase(msg.id))
	case s.mode == modeDetail:
		cmds = append(cmds, s.openPlan(msg.id))
	}
	return tea.Batch(cmds...)
}
