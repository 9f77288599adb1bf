package workflow

import "orderdesk/store"

// Actions of the reconciliation kinds.
const ActionReopen = "reopen" // a signed month opens again, by an approved reopening

// Reconciliation (月底对账) is a month's reconciliation, desk against
// finance: the desk submits its figures with every difference resolved
// by a note; finance signs the month off (never its maker). Only a
// signed month issues statements. A signed month reopens only when a
// reasoned reopening is signed off (Reopening), which takes the internal
// reopen step; it is then submitted and signed again.
var Reconciliation = &Kind{
	Name:   store.ReconciliationKind,
	before: (*Engine).freezeFigures, // reconciliation.go
	States: drafted(
		State{Name: "signed"},
		State{Name: "reopened", Editable: true},
	),
	Transitions: []Transition{
		{Action: ActionSubmit, From: []string{"draft", "reopened"}, To: "submitted", Roles: []Role{Clerk, Supervisor}},
		{Action: ActionApprove, From: []string{"submitted"}, To: "signed", Roles: []Role{Finance}, SignOff: true},
		{Action: ActionSendBack, From: []string{"submitted"}, To: "sent_back", Roles: []Role{Finance}, SignOff: true, NeedsComment: true},
		{Action: ActionResubmit, From: []string{"sent_back"}, To: "submitted", Roles: []Role{Clerk, Supervisor}},
		{Action: ActionReopen, From: []string{"signed"}, To: "reopened", Roles: []Role{Finance, Supervisor}, Internal: true},
	},
}

// Reopening is a reasoned request to reopen a signed month, signed off
// by finance or a supervisor who did not ask for it.
var Reopening = &Kind{
	Name:        store.ReopeningKind,
	after:       (*Engine).reopenMonth, // reconciliation.go
	States:      requestStates(),
	Transitions: requested([]Role{Finance, Supervisor}, []Role{Clerk, Supervisor, Finance}),
}
