package workflow

import (
	"slices"

	"orderdesk/store"
)

// Actions of the shipping kinds.
const (
	ActionRelease  = "release"   // delivery note: past the payment gate, to the warehouse
	ActionLoad     = "load"      // delivery note: the warehouse loaded it
	ActionDispatch = "dispatch"  // delivery note: handed to the carrier, who signed
	ActionDeliver  = "deliver"   // delivery note: arrived
	ActionVoid     = "void"      // delivery note: cancelled with a reason
	ActionShipPart = "ship_part" // order: some of it left
	ActionShipAll  = "ship_all"  // order: all of it left
)

// DeliveryNote (发货单) is drafted by the desk from a signed order's open
// quantities, checked against the order by a supervisor who neither made
// nor edited it (发货双人复核), released past the payment gate (gate.go),
// loaded by the warehouse (a sign-off: never by its maker), handed to
// the carrier and delivered. It is voided with a reason until it is
// loaded; nothing is deleted.
var DeliveryNote = &Kind{
	Name:   store.DeliveryNoteKind,
	before: (*Engine).checkNote, // shippingflow.go
	after:  (*Engine).noteMoved,
	States: drafted(
		State{Name: "approved"}, // signed off; held at the payment gate until released
		State{Name: "released"},
		State{Name: "loaded"},
		State{Name: "in_transit"},
		State{Name: "delivered", Final: true},
		State{Name: "void", Final: true},
	),
	Transitions: slices.Concat([]Transition{submitDraft(deskRoles)}, reviewed("approved", []Role{Supervisor}, deskRoles), []Transition{
		{Action: ActionRelease, From: []string{"approved"}, To: "released", Roles: []Role{Clerk, Supervisor, Finance}, NeedsForm: true},
		{Action: ActionLoad, From: []string{"released"}, To: "loaded", Roles: []Role{Warehouse}, SignOff: true, NeedsForm: true},
		{Action: ActionDispatch, From: []string{"loaded"}, To: "in_transit", Roles: deskRoles, NeedsForm: true},
		{Action: ActionDeliver, From: []string{"in_transit"}, To: "delivered", Roles: deskRoles},
		{Action: ActionVoid, From: []string{"draft", "submitted", "sent_back", "approved", "released"}, To: "void",
			Roles: []Role{Clerk, Supervisor}, NeedsComment: true},
	}),
}

// ShippingOverride is a reasoned exception to the payment gate: the desk
// asks; a finance user or supervisor who neither asked nor made the note
// signs it off, which releases the note in the same step.
var ShippingOverride = &Kind{
	Name:        store.ShippingOverrideKind,
	before:      (*Engine).checkOverride, // shippingflow.go
	after:       (*Engine).releaseOverridden,
	States:      requestStates(),
	Transitions: requested([]Role{Finance, Supervisor}, []Role{Clerk, Supervisor, SalesRep}),
}

// ShippableOrderStatuses are an order's statuses from which notes are
// drawn: signed back by the customer and not yet shipped in full.
var ShippableOrderStatuses = []string{"signed", "in_fulfilment", "partly_shipped"}
