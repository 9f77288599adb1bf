package workflow

import (
	"context"

	"orderdesk/store"
)

// Lead stage moves (the stages are the lead document's statuses).
const (
	ActionContact  = "contact"  // lead: reached
	ActionInterest = "interest" // lead: says it may buy
	ActionQuoted   = "quoted"   // lead: has had a price
)

// leadWorkers follow leads up: the desk, sales reps, supervisors.
var leadWorkers = []Role{Clerk, SalesRep, Supervisor}

// leadOpen are the stages of a lead still followed up.
var leadOpen = []string{"new", "contacted", "interested", "quoted"}

// Lead (销售线索) is a company or person who may buy, followed up until
// it is won (it became a customer) or lost (with the reason). No stage
// is a sign-off: the lead is its owner's work. A stage may be skipped
// forward, never taken back; a sales rep moves only the leads they own
// (checked here and by trigger), and the customer file a lead becomes
// goes through its own sign-off where terms are involved.
var Lead = &Kind{
	Name:   store.LeadKind,
	before: (*Engine).checkLead,
	States: []State{
		{Name: "new", Initial: true, Editable: true},
		{Name: "contacted", Editable: true},
		{Name: "interested", Editable: true},
		{Name: "quoted", Editable: true},
		{Name: "won", Final: true},
		{Name: "lost", Final: true},
	},
	Transitions: []Transition{
		{Action: ActionContact, From: leadOpen[:1], To: "contacted", Roles: leadWorkers},
		{Action: ActionInterest, From: leadOpen[:2], To: "interested", Roles: leadWorkers},
		{Action: ActionQuoted, From: leadOpen[:3], To: "quoted", Roles: leadWorkers},
		{Action: ActionWin, From: leadOpen, To: "won", Roles: leadWorkers},
		{Action: ActionLose, From: leadOpen, To: "lost", Roles: leadWorkers, NeedsComment: true},
	},
}

// checkLead refuses a sales rep a lead they do not own, and a win
// before the lead became a customer file.
func (e *Engine) checkLead(ctx context.Context, tx *store.Tx, m move) error {
	l, err := tx.Lead(ctx, m.docID)
	if err != nil {
		return err
	}
	if !mayWorkLead(m.actor, l.OwnerID) {
		return &Refusal{Code: NotYourLead, Action: m.t.Action}
	}
	if m.t.To == "won" && l.CustomerID == 0 {
		return &Refusal{Code: LeadNotConverted, Action: m.t.Action}
	}
	return nil
}

// mayWorkLead: the desk and supervisors work every lead, a sales rep
// their own.
func mayWorkLead(u store.User, ownerID int64) bool {
	return hasAnyRole(u, []Role{Clerk, Supervisor}) || (u.HasRole(string(SalesRep)) && u.ID == ownerID)
}
