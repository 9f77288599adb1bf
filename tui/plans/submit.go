package plans

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// submit sends a draft or sent-back plan or target (its header h) for a
// supervisor's sign-off in Review; states names its kind's statuses in
// the catalogue ("state.sales_plan.").
func (s *Screen) submit(h store.PlanHeader, states string) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPlans) || s.Busy {
		return nil
	}
	if !editable(h.Status) {
		return common.Status(s.c.T("plans.not_submittable", s.c.T(states+h.Status)), true)
	}
	s.Busy = true
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
	s.askLine("field.name.result", s.c.T("plans.result_title", ref), modeDetail, func(text string) tea.Cmd {
		s.Busy = true
		return recordResult(s.c.Ctx, s.c.Desk, id, ref, text)
	})
	return nil
}

func (s *Screen) updatePrompt(msg tea.Msg) tea.Cmd { return s.PromptKey(msg, s.promptBack, true) }

// onDone says how a submit or a result went and shows the plan as it
// now is.
func (s *Screen) onDone(msg doneMsg) tea.Cmd {
	if cmd, failed := s.StepAnswered(msg.err, s.promptBack); failed {
		return cmd
	}
	cmds := []tea.Cmd{s.reload(), common.Status(s.c.T(msg.what, msg.ref), false)}
	switch {
	case s.Mode == modeDetail && s.target != nil: // a target is shown as listed: back to the list, read anew
		s.Mode, s.target, s.report = modeList, nil, nil
	case s.Mode == modeDetail && s.buy != nil:
		cmds = append(cmds, s.openPurchase(msg.id))
	case s.Mode == modeDetail:
		cmds = append(cmds, s.openPlan(msg.id))
	}
	return tea.Batch(cmds...)
}
