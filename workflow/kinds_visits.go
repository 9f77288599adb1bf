package workflow

import (
	"context"

	"orderdesk/store"
)

// Visit moves.
const (
	ActionReviewVisit = "review" // visit: its owner wrote what it achieved (访后分析)
	ActionCancelVisit = "cancel" // visit: it will not happen, and why
)

// visitWorkers plan and make visits: the desk, sales reps, supervisors.
var visitWorkers = []Role{Clerk, SalesRep, Supervisor}

// Visit (拜访) is a visit to a customer or a lead, planned ahead with
// its goal, the questions expected and the answers prepared, what to
// take and what was left open last time (访前计划), and reviewed by its
// owner once it happened (访后分析): the goal reached or not, why, what
// to do better, the next step. The review is no sign-off: it is the
// owner's own account of a meeting nobody else attended (README: Visits).
// A planned visit may be cancelled with the reason, by its owner, the
// desk or a supervisor; nothing is deleted.
var Visit = &Kind{
	Name:   store.VisitKind,
	before: (*Engine).checkVisit,
	States: []State{
		{Name: VisitPlanned, Initial: true, Editable: true},
		{Name: VisitReviewed, Final: true},
		{Name: VisitCancelled, Final: true},
	},
	Transitions: []Transition{
		{Action: ActionReviewVisit, From: []string{VisitPlanned}, To: VisitReviewed, Roles: visitWorkers, NeedsForm: true},
		{Action: ActionCancelVisit, From: []string{VisitPlanned}, To: VisitCancelled, Roles: visitWorkers, NeedsComment: true},
	},
}

// A visit's statuses.
const (
	VisitPlanned   = "planned"
	VisitReviewed  = "reviewed"
	VisitCancelled = "cancelled"
)

// checkVisit: the review is the owner's, and comes with its analysis;
// a sales rep cancels only their own visits.
func (e *Engine) checkVisit(ctx context.Context, tx *store.Tx, m move) error {
	v, err := tx.Visit(ctx, m.docID)
	if err != nil {
		return err
	}
	switch {
	case m.t.To == VisitReviewed && m.actor.ID != v.OwnerID:
		return &Refusal{Code: NotYourVisit, Action: m.t.Action}
	case m.t.To == VisitReviewed && v.Review == nil:
		return &Refusal{Code: VisitNotReviewed, Action: m.t.Action}
	case !mayWorkVisit(m.actor, v.OwnerID):
		return &Refusal{Code: NotYourVisit, Action: m.t.Action}
	}
	return nil
}

// mayWorkVisit: the desk and supervisors plan and cancel anyone's
// visits, a sales rep their own.
func mayWorkVisit(u store.User, ownerID int64) bool {
	return hasAnyRole(u, []Role{Clerk, Supervisor}) || (u.HasRole(string(SalesRep)) && u.ID == ownerID)
}
