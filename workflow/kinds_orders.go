package workflow

import (
	"slices"

	"orderdesk/store"
)

// Actions of the order kinds.
const (
	ActionSignBack        = "sign_back"        // order: the customer's signed copy came back (回传)
	ActionStartFulfilment = "start_fulfilment" // order: stock and shipping work begins
	ActionClose           = "close"            // order: done
	ActionCancel          = "cancel"           // order: its cancellation was signed off
	ActionReply           = "reply"            // stock-up request: purchasing answers
)

// Order (销售订单 / 合同) is entered by the desk, checked by the program
// (ContractCheck), signed off by a supervisor who neither made nor edited
// it, which draws its number; then the customer's signed copy is
// recorded, and it is fulfilled and closed. It changes only through a
// revision, a new version that is signed off again (the version revised
// is kept, marked revised once the revision is approved), and is
// cancelled only through a cancellation request a supervisor signs off.
// A draft never submitted (or sent back) is withdrawn by its maker:
// nothing was signed.
var Order = &Kind{
	Name:   store.OrderKind,
	before: (*Engine).checkOrder, // orderflow.go
	after:  (*Engine).orderSignedOff,
	States: drafted(
		State{Name: "approved"},
		State{Name: "signed"},
		State{Name: "in_fulfilment"},
		State{Name: "partly_shipped"}, // some has left on delivery notes (kinds_shipping.go)
		State{Name: "shipped"},        // every line has left in full
		State{Name: "closed", Final: true},
		State{Name: "cancelled", Final: true},
		State{Name: "revised", Final: true},
		State{Name: "withdrawn", Final: true},
	),
	Transitions: slices.Concat([]Transition{submitDraft(deskRoles)}, reviewed("approved", []Role{Supervisor}, deskRoles, "draft", "submitted", "sent_back"), []Transition{
		{Action: ActionSignBack, From: []string{"approved"}, To: "signed", Roles: deskRoles, NeedsForm: true},
		{Action: ActionStartFulfilment, From: []string{"signed"}, To: "in_fulfilment", Roles: deskRoles},
		{Action: ActionClose, From: []string{"in_fulfilment", "shipped"}, To: "closed", Roles: deskRoles},
		{Action: ActionShipPart, From: []string{"signed", "in_fulfilment"}, To: "partly_shipped", Roles: deskRoles, Internal: true},
		{Action: ActionShipAll, From: []string{"signed", "in_fulfilment", "partly_shipped"}, To: "shipped", Roles: deskRoles, Internal: true},
		// Goods came back on a return the warehouse received (kinds_returns.go).
		{Action: ActionGoodsBack, From: []string{"shipped"}, To: "partly_shipped", Roles: []Role{Warehouse}, Internal: true},
		{Action: ActionCancel, From: LiveOrderStatuses, To: "cancelled", Roles: []Role{Supervisor}, Internal: true},
		{Action: ActionRevise, From: LiveOrderStatuses, To: "revised", Roles: []Role{Supervisor}, Internal: true},
	}),
}

// LiveOrderStatuses are the statuses of a signed-off order still in
// force: it can be revised or cancelled.
var LiveOrderStatuses = []string{"approved", "signed", "in_fulfilment"}

// OpenOrderStatuses are the statuses of an order not yet done with.
var OpenOrderStatuses = []string{"draft", "submitted", "sent_back", "approved", "signed", "in_fulfilment"}

// OrderCancel (取消申请) asks to cancel a signed-off order, with the
// reason; a supervisor who did not ask signs it off, and the order is
// cancelled in the same step.
var OrderCancel = &Kind{
	Name:        store.OrderCancelKind,
	before:      (*Engine).checkCancel, // orderflow.go
	after:       (*Engine).cancelOrder,
	States:      submittedStates(),
	Transitions: reviewed("approved", []Role{Supervisor}, deskRoles, "submitted", "sent_back"),
}

// StockRequest (备货申请) asks purchasing to stock up for an order line.
// The reply is a sign-off by purchasing: someone other than the
// requester answers, and it waits in purchasing's inbox until then.
var StockRequest = &Kind{
	Name:   store.StockRequestKind,
	before: (*Engine).checkReply, // orderflow.go
	States: []State{
		{Name: "open", Initial: true, Editable: true},
		{Name: "answered", Final: true},
		{Name: "withdrawn", Final: true},
	},
	Transitions: []Transition{
		{Action: ActionReply, From: []string{"open"}, To: "answered", Roles: []Role{Purchasing}, SignOff: true, NeedsForm: true},
		{Action: ActionWithdraw, From: []string{"open"}, To: "withdrawn", Roles: deskRoles, MakerOnly: true},
	},
}
