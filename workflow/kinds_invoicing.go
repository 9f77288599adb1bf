package workflow

import "orderdesk/store"

// Actions of the invoice kind.
const (
	ActionIssue = "issue" // finance issues it with the number it gives
	ActionMail  = "mail"  // the desk mailed it to the customer
)

// Invoice (销售专用发票) is requested by the desk from shipped quantities,
// checked against the order by a second person who neither made nor
// edited it (开票双人复核: items, unit prices, quantities), issued by
// finance with its number (财务核对开具; finance too may not be the
// maker, and may send it back), and mailed. Until issued the desk voids
// it; once issued only finance does (红冲), and the database gives back
// what was allocated to it. Paid or not is not a state: it is what the
// allocations say.
var Invoice = &Kind{
	Name:   store.InvoiceKind,
	before: (*Engine).checkInvoice, // invoiceflow.go
	after:  (*Engine).invoiceMoved,
	States: drafted(
		State{Name: "checked"}, // waits for finance to issue
		State{Name: "issued"},
		State{Name: "mailed"},
		State{Name: "void", Final: true},
	),
	Transitions: append(issuedByFinance("issued", "mailed"),
		Transition{Action: ActionMail, From: []string{"issued"}, To: "mailed", Roles: []Role{Clerk, Supervisor, Finance}, NeedsForm: true}),
}

// issuedByFinance is the way of an invoice and of a credit: drafted by
// the desk, checked by a second person, issued by finance with its number
// (who may send it back first); voided by the desk until issued, by
// finance from the issued states.
func issuedByFinance(issued ...string) []Transition {
	return []Transition{
		submitDraft(deskRoles),
		{Action: ActionApprove, From: []string{"submitted"}, To: "checked", Roles: []Role{Supervisor, Clerk}, SignOff: true},
		{Action: ActionSendBack, From: []string{"submitted"}, To: "sent_back", Roles: []Role{Supervisor, Clerk}, SignOff: true, NeedsComment: true},
		{Action: ActionSendBack, From: []string{"checked"}, To: "sent_back", Roles: []Role{Finance}, SignOff: true, NeedsComment: true},
		{Action: ActionResubmit, From: []string{"sent_back"}, To: "submitted", Roles: deskRoles, MakerOnly: true},
		{Action: ActionIssue, From: []string{"checked"}, To: "issued", Roles: []Role{Finance}, SignOff: true, NeedsForm: true},
		{Action: ActionVoid, From: []string{"draft", "submitted", "sent_back", "checked"}, To: "void",
			Roles: []Role{Clerk, Supervisor}, NeedsComment: true},
		{Action: ActionVoid, From: issued, To: "void", Roles: []Role{Finance}, NeedsComment: true},
	}
}
