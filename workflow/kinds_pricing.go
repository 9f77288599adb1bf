package workflow

import (
	"slices"

	"orderdesk/store"
)

// Actions of the pricing kinds.
const (
	ActionStartQuote = "start_quote" // inquiry: its first quote was drafted
	ActionQuoteSent  = "quote_sent"  // inquiry: its quote went to the customer
	ActionRequote    = "requote"     // inquiry: the customer's feedback asks for a revision
	ActionWin        = "win"
	ActionLose       = "lose"
	ActionExpire     = "expire"
	ActionMarkSent   = "mark_sent" // quote: sent to the customer after sign-off
	ActionRevise     = "revise"    // quote: superseded by a new version
	ActionAnswer     = "answer"    // price request: purchasing gives the price
)

// deskRoles draft and move the sales desk's documents.
var deskRoles = []Role{Clerk, SalesRep, Supervisor}

// Inquiry (询价单) is what a customer asked for. It follows its quote:
// drafting the first quote starts quoting, sending it makes the inquiry
// quoted, a revision takes it back to quoting, and winning, losing or
// expiring the quote closes it the same way. It can also be lost (with
// the reason) or expired by hand while still open.
var Inquiry = &Kind{
	Name: store.InquiryKind,
	States: []State{
		{Name: "new", Initial: true, Editable: true},
		{Name: "quoting", Editable: true},
		{Name: "quoted"},
		{Name: "won", Final: true},
		{Name: "lost", Final: true},
		{Name: "expired", Final: true},
	},
	Transitions: []Transition{
		{Action: ActionStartQuote, From: []string{"new"}, To: "quoting", Roles: deskRoles, Internal: true},
		{Action: ActionQuoteSent, From: []string{"quoting"}, To: "quoted", Roles: deskRoles, Internal: true},
		{Action: ActionRequote, From: []string{"quoted"}, To: "quoting", Roles: deskRoles, Internal: true},
		{Action: ActionWin, From: []string{"quoted"}, To: "won", Roles: deskRoles, Internal: true},
		{Action: ActionLose, From: []string{"new", "quoting", "quoted"}, To: "lost", Roles: deskRoles, NeedsComment: true},
		{Action: ActionExpire, From: []string{"new", "quoting", "quoted"}, To: "expired", Roles: deskRoles},
	},
}

// OpenInquiryStatuses are the statuses of inquiries still waiting for
// an answer or for the customer.
var OpenInquiryStatuses = []string{"new", "quoting", "quoted"}

// Quote (报价单) is drafted by the desk, signed off by a supervisor who
// neither made nor edited it (单价由内勤制作,销售主管审核), then sent. The
// customer's feedback leads to a revision, a new version that goes
// through review again while the earlier one is kept as "revised"; or the
// quote is won, lost (with the reason) or expires.
var Quote = &Kind{
	Name:    store.QuoteKind,
	before:  (*Engine).checkQuote, // pricingflow.go
	after:   (*Engine).inquiryFollowsQuote,
	explain: explainQuote,
	States: drafted(
		State{Name: "approved"},
		State{Name: "sent"},
		State{Name: "won", Final: true},
		State{Name: "lost", Final: true},
		State{Name: "expired", Final: true},
		State{Name: "revised", Final: true},
		State{Name: "withdrawn", Final: true},
	),
	Transitions: slices.Concat([]Transition{submitDraft(deskRoles)}, reviewed("approved", []Role{Supervisor}, deskRoles, "draft", "submitted", "sent_back"), []Transition{
		{Action: ActionMarkSent, From: []string{"approved"}, To: "sent", Roles: deskRoles},
		{Action: ActionWin, From: []string{"sent"}, To: "won", Roles: deskRoles},
		{Action: ActionLose, From: []string{"sent"}, To: "lost", Roles: deskRoles, NeedsComment: true},
		{Action: ActionExpire, From: []string{"approved", "sent"}, To: "expired", Roles: deskRoles},
		{Action: ActionRevise, From: []string{"approved", "sent"}, To: "revised", Roles: deskRoles},
	}),
}

// LiveQuoteStatuses are the statuses of a quote still in play: an
// inquiry with one gets no second quote.
var LiveQuoteStatuses = []string{"draft", "submitted", "sent_back", "approved", "sent", "won"}

// PriceChange is a change to the price list: drafted by the desk or
// purchasing, signed off by a supervisor; the database writes the
// approved prices into the list.
var PriceChange = &Kind{
	Name:        store.PriceChangeKind,
	after:       (*Engine).pricesListed, // pricingflow.go
	States:      submittedStates(),
	Transitions: reviewed("approved", []Role{Supervisor}, []Role{Clerk, Supervisor, Purchasing}, "submitted", "sent_back"),
}

// PriceRequest (单价申请) asks purchasing for the price of a line. The
// answer is a sign-off by purchasing: someone other than the requester
// gives the price, and it waits in purchasing's inbox until then.
var PriceRequest = &Kind{
	Name:   store.PriceRequestKind,
	before: (*Engine).checkAnswer, // pricingflow.go
	States: []State{
		{Name: "open", Initial: true, Editable: true},
		{Name: "answered", Final: true},
		{Name: "withdrawn", Final: true},
	},
	Transitions: []Transition{
		{Action: ActionAnswer, From: []string{"open"}, To: "answered", Roles: []Role{Purchasing}, SignOff: true, NeedsPrice: true},
		{Action: ActionWithdraw, From: []string{"open"}, To: "withdrawn", Roles: deskRoles, MakerOnly: true},
	},
}
