package workflow

import "orderdesk/store"

// CreditNote (红字发票) is a return of invoiced goods or an agreed price
// allowance against an issued invoice, never more than the invoice less
// the credits already against it. It goes the invoice's way: the desk
// drafts it, a second person who neither made nor edited it checks it,
// finance issues it with the number the tax system gives (and may send
// it back). Issued, it settles the original's open amount first; the
// rest stays on account until finance puts it against another invoice.
// Until issued the desk voids it; once issued only finance does, and the
// database gives back what it settled.
var CreditNote = &Kind{
	Name:   store.CreditKind,
	before: (*Engine).checkCredit, // creditflow.go
	after:  (*Engine).creditMoved,
	States: drafted(
		State{Name: "checked"}, // waits for finance to issue
		State{Name: "issued"},
		State{Name: "void", Final: true},
	),
	Transitions: []Transition{
		submitDraft(deskRoles),
		{Action: ActionApprove, From: []string{"submitted"}, To: "checked", Roles: []Role{Supervisor, Clerk}, SignOff: true},
		{Action: ActionSendBack, From: []string{"submitted"}, To: "sent_back", Roles: []Role{Supervisor, Clerk}, SignOff: true, NeedsComment: true},
		{Action: ActionSendBack, From: []string{"checked"}, To: "sent_back", Roles: []Role{Finance}, SignOff: true, NeedsComment: true},
		{Action: ActionResubmit, From: []string{"sent_back"}, To: "submitted", Roles: deskRoles, MakerOnly: true},
		{Action: ActionIssue, From: []string{"checked"}, To: "issued", Roles: []Role{Finance}, SignOff: true, NeedsForm: true},
		{Action: ActionVoid, From: []string{"draft", "submitted", "sent_back", "checked"}, To: "void",
			Roles: []Role{Clerk, Supervisor}, NeedsComment: true},
		{Action: ActionVoid, From: []string{"issued"}, To: "void", Roles: []Role{Finance}, NeedsComment: true},
	},
}
