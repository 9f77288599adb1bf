package workflow

import (
	"context"

	"orderdesk/store"
)

// Actions of a complaint.
const (
	ActionTakeAction = "take_action" // its first action: open → in_hand (taken with the action's record)
	ActionResolve    = "resolve"     // a resolution recorded (taken with it)
)

// Complaint statuses.
const (
	ComplaintOpen      = "open"
	ComplaintInHand    = "in_hand"
	ComplaintResolved  = "resolved"
	ComplaintClosed    = "closed"
	ComplaintWithdrawn = "withdrawn"
)

// Refusals of complaints.
const (
	ResolutionMissing   Code = "resolution_missing"    // resolved or closed with no resolution recorded
	ResolverCannotClose Code = "resolver_cannot_close" // the one who resolved it signs off its close
)

// complaintRoles record complaints and act on them: everyone at the
// desk (投诉 can reach anyone who picks up the phone).
var complaintRoles = []Role{Clerk, SalesRep, Supervisor, Finance, Purchasing, Planning, Warehouse}

// complaintClosers sign a resolved complaint off: a supervisor or the
// desk, never its maker nor its resolver.
var complaintClosers = []Role{Supervisor, Clerk}

// Complaint (投诉与售后) is recorded by anyone at the desk and routed by
// its type to the role that must act. Each action is logged; the first
// moves it in hand. Resolving records how it was settled; closing is a
// second person's sign-off (neither its maker nor its resolver), which
// may instead send it back to be worked again.
var Complaint = &Kind{
	Name:   store.ComplaintKind,
	before: (*Engine).checkComplaint,
	vet:    (*Engine).checkComplaintClose,
	States: []State{
		{Name: ComplaintOpen, Initial: true, Editable: true},
		{Name: ComplaintInHand, Editable: true},
		{Name: ComplaintResolved},
		{Name: ComplaintClosed, Final: true},
		{Name: ComplaintWithdrawn, Final: true},
	},
	Transitions: []Transition{
		{Action: ActionTakeAction, From: []string{ComplaintOpen}, To: ComplaintInHand, Roles: complaintRoles, Internal: true},
		{Action: ActionResolve, From: []string{ComplaintOpen, ComplaintInHand}, To: ComplaintResolved, Roles: complaintRoles, NeedsForm: true},
		{Action: ActionApprove, From: []string{ComplaintResolved}, To: ComplaintClosed, Roles: complaintClosers, SignOff: true},
		{Action: ActionSendBack, From: []string{ComplaintResolved}, To: ComplaintInHand, Roles: complaintClosers, SignOff: true, NeedsComment: true},
		{Action: ActionWithdraw, From: []string{ComplaintOpen}, To: ComplaintWithdrawn, Roles: complaintRoles, MakerOnly: true},
	},
}

// OpenComplaintStatuses are those of a complaint still being worked.
var OpenComplaintStatuses = []string{ComplaintOpen, ComplaintInHand}

// checkComplaint refuses a resolve taken as a plain action (it carries
// its resolution) and a close signed by the complaint's resolver.
func (e *Engine) checkComplaint(ctx context.Context, tx *store.Tx, m move) error {
	if err := carried(m, map[string]Code{ActionResolve: ResolutionMissing}); err != nil {
		return err
	}
	return e.checkComplaintClose(ctx, tx, m)
}

// checkComplaintClose refuses a close with no resolution or signed by
// the complaint's resolver.
func (e *Engine) checkComplaintClose(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To != ComplaintClosed {
		return nil
	}
	c, err := tx.ComplaintRowOf(ctx, m.docID)
	if err != nil {
		return err
	}
	if c.Resolution == "" {
		return &Refusal{Code: ResolutionMissing, Action: m.t.Action}
	}
	if c.ResolvedBy == m.actor.ID {
		return &Refusal{Code: ResolverCannotClose, Action: m.t.Action}
	}
	return nil
}
