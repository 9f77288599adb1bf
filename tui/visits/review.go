package visits

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// The review (访后分析): the result against the goal, why it fell
// short, what to do better, the next step and its day. Only the
// visit's owner writes it, once its day has come (the workflow says so
// on save; the key is offered to the owner only).

func (s *Screen) startReview(v store.SalesVisit) tea.Cmd {
	if v.Status != workflow.VisitPlanned {
		return s.Status(&workflow.Refusal{Code: workflow.VisitClosed})
	}
	if v.OwnerID != s.c.Desk.User.ID {
		return s.Status(&workflow.Refusal{Code: workflow.NotYourVisit})
	}
	reached := s.Field(workflow.FReached, 10)
	reached.Options = s.options("visits.reached.", workflow.VisitReached)
	next := s.Field(workflow.FNextStep, 30)
	next.Limit = workflow.MaxShort
	f := form.New(s.c, reached, s.note(workflow.FAchieved, 3), s.note(workflow.FWhyNot, 2), s.note(workflow.FImprove, 2),
		next, s.Field(workflow.FNextOn, 12))
	f.SetValue(workflow.FReached, workflow.VisitReached[0])
	s.formKind = formReview
	s.OpenForm(f)
	return nil
}

// reviewInput is what the review form holds.
func (s *Screen) reviewInput() workflow.VisitReviewInput {
	f := s.Form
	return workflow.VisitReviewInput{Reached: f.Value(workflow.FReached), Achieved: f.Value(workflow.FAchieved),
		WhyNot: f.Value(workflow.FWhyNot), Improve: f.Value(workflow.FImprove), NextStep: f.Value(workflow.FNextStep),
		NextOn: f.Value(workflow.FNextOn)}
}
