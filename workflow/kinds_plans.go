package workflow

import (
	"context"
	"slices"
	"strings"

	"orderdesk/store"
)

// planSigners sign plans and targets off (销售主管).
var planSigners = []Role{Supervisor}

// planStates: a draft its maker submits, a supervisor approves or sends
// back; an approved plan or target is voided with the reason by a
// supervisor, so another can take its period. The void is not a
// sign-off: an approved plan would otherwise wait in every supervisor's
// inbox for ever.
func planStates() []State {
	return drafted(
		State{Name: "approved"},
		State{Name: "void", Final: true},
		State{Name: "withdrawn", Final: true},
	)
}

func planTransitions() []Transition {
	return slices.Concat([]Transition{submitDraft(deskRoles)}, reviewed("approved", planSigners, deskRoles, "draft", "submitted", "sent_back"),
		[]Transition{{Action: ActionVoid, From: []string{"approved"}, To: "void", Roles: planSigners, NeedsComment: true}})
}

// SalesPlan (销售计划) is one rep's plan for a month, a week or a day,
// drafted by the rep or the desk and approved by a supervisor who did
// not make it. Two approved plans of one rep and period kind never
// overlap (checked here and by trigger).
var SalesPlan = &Kind{
	Name:        store.PlanKind,
	before:      (*Engine).checkPlan,
	States:      planStates(),
	Transitions: planTransitions(),
}

// SalesTarget (销售目标) is one rep's target for a month or a year,
// approved like a plan; one approved target per rep and period.
var SalesTarget = &Kind{
	Name:        store.TargetKind,
	before:      (*Engine).checkTarget,
	States:      planStates(),
	Transitions: planTransitions(),
}

// checkPlan refuses to submit an empty plan, and to submit or approve
// one whose period meets an approved plan of the same rep and kind.
func (e *Engine) checkPlan(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To != "submitted" && m.t.To != "approved" {
		return nil
	}
	p, err := tx.Plan(ctx, m.docID)
	if err != nil {
		return err
	}
	if len(p.Lines) == 0 && strings.TrimSpace(p.Aims) == "" {
		return &Refusal{Code: NoLines, Action: m.t.Action}
	}
	ref, err := tx.OverlappingPlan(ctx, p.RepID, p.Period, p.StartsOn, p.EndsOn, p.DocID)
	if err == nil && ref != "" {
		return &Refusal{Code: PlanOverlap, Action: m.t.Action}
	}
	return err
}

// checkTarget refuses to submit or approve a second target of a rep's
// period.
func (e *Engine) checkTarget(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To != "submitted" && m.t.To != "approved" {
		return nil
	}
	x, err := tx.Target(ctx, m.docID)
	if err != nil {
		return err
	}
	had, err := tx.ApprovedTarget(ctx, x.RepID, x.Period, x.DocID)
	if err == nil && had.DocID != 0 {
		return &Refusal{Code: TargetExists, Action: m.t.Action}
	}
	return err
}
