package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// What the shipping kinds do around a transition, whatever path took it;
// the database checks the same again with its own triggers.

// checkNote refuses to submit or sign off a note with no lines or for
// an order not signed back, and takes the release, load and dispatch
// steps only with what their own calls record.
func (e *Engine) checkNote(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionSubmit, ActionResubmit, ActionApprove:
		n, err := tx.DeliveryNote(ctx, m.doc.ID)
		if err != nil {
			return err
		}
		if len(n.Lines) == 0 {
			return &Refusal{Code: NoLines, Action: m.t.Action}
		}
		od, err := tx.Document(ctx, n.OrderID)
		if err == nil && !slices.Contains(ShippableOrderStatuses, od.Status) {
			err = &Refusal{Code: OrderNotSigned, Action: m.t.Action}
		}
		return err
	case ActionRelease:
		rel, err := tx.DeliveryReleaseOf(ctx, m.doc.ID)
		if err == nil && (rel == nil || rel.ByID != m.actor.ID) {
			err = &Refusal{Code: ReleaseMissing, Action: m.t.Action}
		}
		return err
	}
	return carried(m, map[string]Code{ActionLoad: LoadMissing, ActionDispatch: DispatchMissing}) // through Load and Dispatch
}

// noteMoved: a note signed off is released at once if the gate is open
// (per contract, or paid) and a supervisor signed; a note handed to the
// carrier moves its order to partly shipped or shipped.
func (e *Engine) noteMoved(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionApprove:
		n, err := tx.DeliveryHeader(ctx, m.doc.ID)
		if err != nil {
			return err
		}
		m.changed(Change{Kind: store.OrderKind, ID: n.OrderID})
		g, err := e.gate(ctx, tx, n, m.actor)
		if err != nil || !g.Open() || !slices.Contains(hasRoles(m.actor), Supervisor) {
			return err
		}
		return e.releaseTx(ctx, tx, m.actor, m.doc.ID, 0, 0, "", m.changes)
	case ActionDispatch:
		n, err := tx.DeliveryHeader(ctx, m.doc.ID)
		if err != nil {
			return err
		}
		return e.orderFollows(ctx, tx, m.actor, n.OrderID, m.changes)
	case ActionVoid:
		n, err := tx.DeliveryHeader(ctx, m.doc.ID)
		if err == nil {
			m.changed(Change{Kind: store.OrderKind, ID: n.OrderID})
		}
		return err
	}
	return nil
}

// checkOverride refuses to sign off an override of a note not held at
// the gate, or by the note's maker.
func (e *Engine) checkOverride(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionApprove {
		return nil
	}
	o, err := tx.ShippingOverrideOf(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	nd, err := tx.Document(ctx, o.NoteID)
	if err != nil {
		return err
	}
	if nd.Status != "approved" {
		return &Refusal{Code: NotHeld, Action: m.t.Action}
	}
	if nd.MakerID == m.actor.ID {
		return &Refusal{Code: MakerCannotSignOff, Action: m.t.Action}
	}
	return nil
}

// releaseOverridden: an approved override releases its note.
func (e *Engine) releaseOverridden(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionApprove {
		return nil
	}
	o, err := tx.ShippingOverrideOf(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	return e.releaseTx(ctx, tx, m.actor, o.NoteID, 0, m.doc.ID, "", m.changes)
}

// hasRoles lists the roles a user holds.
func hasRoles(u store.User) []Role {
	out := make([]Role, 0, len(u.Roles))
	for _, r := range u.Roles {
		out = append(out, Role(r))
	}
	return out
}

// orderFollows moves an order to shipped once every line left in full,
// or to partly shipped from signed or in fulfilment.
func (e *Engine) orderFollows(ctx context.Context, tx *store.Tx, actor store.User, orderID int64, changes *[]Change) error {
	od, err := tx.Document(ctx, orderID)
	if err != nil {
		return err
	}
	lines, err := tx.OpenLines(ctx, orderID)
	if err != nil {
		return err
	}
	all := true
	for _, l := range lines {
		if l.Shipped < l.Qty {
			all = false
		}
	}
	action := ActionShipPart
	if all {
		action = ActionShipAll
	}
	if _, ok := Order.find(action, od.Status); !ok {
		return nil
	}
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: orderID, action: action, internal: true}, changes)
}
