package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// What the shipping kinds do around a transition, whatever path took it;
// the database checks the same again with its own triggers.

// shippingBefore runs after the rule check and ahead of a transition of
// a shipping kind; handled is false for other kinds.
func (e *Engine) shippingBefore(ctx context.Context, tx *store.Tx, r applyReq, doc store.Document, t Transition) (handled bool, err error) {
	switch doc.Kind {
	case store.DeliveryNoteKind:
		switch t.Action {
		case ActionSubmit, ActionResubmit, ActionApprove:
			n, err := tx.DeliveryNote(ctx, doc.ID)
			if err != nil {
				return true, err
			}
			if len(n.Lines) == 0 {
				return true, &Refusal{Code: NoLines, Action: t.Action}
			}
			od, err := tx.Document(ctx, n.OrderID)
			if err == nil && !slices.Contains(ShippableOrderStatuses, od.Status) {
				err = &Refusal{Code: OrderNotSigned, Action: t.Action}
			}
			return true, err
		case ActionRelease:
			rel, err := tx.DeliveryReleaseOf(ctx, doc.ID)
			if err == nil && (rel == nil || rel.ByID != r.actor.ID) {
				err = &Refusal{Code: ReleaseMissing, Action: t.Action}
			}
			return true, err
		case ActionLoad, ActionDispatch:
			if !r.internal { // taken with its figures through Load and Dispatch
				code := LoadMissing
				if t.Action == ActionDispatch {
					code = DispatchMissing
				}
				return true, &Refusal{Code: code, Action: t.Action}
			}
		}
		return true, nil
	case store.ShippingOverrideKind:
		if t.Action == ActionApprove {
			o, err := tx.ShippingOverrideOf(ctx, doc.ID)
			if err != nil {
				return true, err
			}
			nd, err := tx.Document(ctx, o.NoteID)
			if err != nil {
				return true, err
			}
			if nd.Status != "approved" {
				return true, &Refusal{Code: NotHeld, Action: t.Action}
			}
			if nd.MakerID == r.actor.ID {
				return true, &Refusal{Code: MakerCannotSignOff, Action: t.Action}
			}
		}
		return true, nil
	}
	return false, nil
}

// shippingAfter runs once a transition of a shipping kind is in: a note
// signed off is released at once if the gate is open (per contract, or
// paid); an approved override releases its note; a note handed to the
// carrier moves its order to partly shipped or shipped.
func (e *Engine) shippingAfter(ctx context.Context, tx *store.Tx, r applyReq, doc store.Document, t Transition, changes *[]Change) (handled bool, err error) {
	switch {
	case doc.Kind == store.DeliveryNoteKind && t.Action == ActionApprove:
		n, err := tx.DeliveryHeader(ctx, doc.ID)
		if err != nil {
			return true, err
		}
		*changes = append(*changes, Change{Kind: store.OrderKind, ID: n.OrderID})
		g, err := e.gate(ctx, tx, n, r.actor)
		if err != nil || !g.Open() || !slices.Contains(hasRoles(r.actor), Supervisor) {
			return true, err
		}
		return true, e.releaseTx(ctx, tx, r.actor, doc.ID, 0, 0, "", changes)
	case doc.Kind == store.DeliveryNoteKind && t.Action == ActionDispatch:
		n, err := tx.DeliveryHeader(ctx, doc.ID)
		if err != nil {
			return true, err
		}
		return true, e.orderFollows(ctx, tx, r.actor, n.OrderID, changes)
	case doc.Kind == store.DeliveryNoteKind && t.Action == ActionVoid:
		n, err := tx.DeliveryHeader(ctx, doc.ID)
		if err == nil {
			*changes = append(*changes, Change{Kind: store.OrderKind, ID: n.OrderID})
		}
		return true, err
	case doc.Kind == store.ShippingOverrideKind && t.Action == ActionApprove:
		o, err := tx.ShippingOverrideOf(ctx, doc.ID)
		if err != nil {
			return true, err
		}
		return true, e.releaseTx(ctx, tx, r.actor, o.NoteID, 0, doc.ID, "", changes)
	case doc.Kind == store.DeliveryNoteKind || doc.Kind == store.ShippingOverrideKind:
		return true, nil
	}
	return false, nil
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
