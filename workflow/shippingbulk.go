package workflow

import (
	"context"

	"orderdesk/store"
)

// Shipping steps inside the caller's transaction, with every check the
// desk makes, for bulk writers (the demo generator, an import). Nothing
// goes on the feed.

// DraftDeliveryIn drafts a note of an order as actor and returns its id.
func (e *Engine) DraftDeliveryIn(ctx context.Context, tx *store.Tx, actor store.User, in DeliveryInput) (int64, error) {
	if err := permit(actor, EditDeliveries, ""); err != nil {
		return 0, err
	}
	n, err := e.Desk(actor).buildNote(ctx, tx, in, nil)
	if err != nil {
		return 0, err
	}
	id, _, err := tx.CreateDeliveryNote(ctx, actor.ID, DeliveryNote.Initial(), n)
	return id, err
}

// ConfirmPaymentIn records finance's confirmation of amount for a note
// on day, and releases a prepaid note it now covers, as actor.
func (e *Engine) ConfirmPaymentIn(ctx context.Context, tx *store.Tx, actor store.User, noteID int64, amount store.Money, day string) error {
	n, err := tx.DeliveryHeader(ctx, noteID)
	if err != nil {
		return err
	}
	if _, err := tx.ConfirmPayment(ctx, actor.ID, store.PaymentConfirmation{CustomerID: n.CustomerID, OrderID: n.OrderID, NoteID: noteID,
		Amount: amount, ReceivedOn: day, Method: "电汇"}); err != nil {
		return err
	}
	if n.Status != "approved" {
		return nil
	}
	g, err := e.gate(ctx, tx, n, actor)
	if err != nil || g.Basis != store.BasisPrepaid {
		return err
	}
	var changes []Change
	return e.releaseTx(ctx, tx, actor, noteID, 0, 0, "", &changes)
}

// ReleaseIn releases a note past the gate as actor.
func (e *Engine) ReleaseIn(ctx context.Context, tx *store.Tx, actor store.User, noteID int64) error {
	var changes []Change
	return e.releaseTx(ctx, tx, actor, noteID, 0, 0, "", &changes)
}

// GateIn is what the gate says of a note for actor, inside tx.
func (e *Engine) GateIn(ctx context.Context, tx *store.Tx, actor store.User, noteID int64) (Gate, error) {
	n, err := tx.DeliveryHeader(ctx, noteID)
	if err != nil {
		return Gate{}, err
	}
	return e.gate(ctx, tx, n, actor)
}

// LoadIn records, as a warehouse user, each line loaded with the weight
// weigh gives it (the note's weight when nil), and marks the note loaded.
func (e *Engine) LoadIn(ctx context.Context, tx *store.Tx, actor store.User, noteID int64, weigh func(store.Milli) store.Milli) error {
	lines, err := tx.DeliveryLines(ctx, noteID, false)
	if err != nil {
		return err
	}
	for _, l := range lines {
		w := l.Weight
		if weigh != nil {
			w = weigh(w)
		}
		if err := tx.InsertLoad(ctx, actor.ID, noteID, l.ID, l.Qty, w, ""); err != nil {
			return err
		}
	}
	var changes []Change
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: noteID, action: ActionLoad, internal: true}, &changes)
}

// DispatchIn records the hand-over to the carrier (times already in the
// desk's form: shippedAt "YYYY-MM-DD HH:MM") and moves the note in
// transit, as actor; the order follows.
func (e *Engine) DispatchIn(ctx context.Context, tx *store.Tx, actor store.User, noteID int64, d store.DeliveryDispatch) error {
	if err := tx.InsertDispatch(ctx, actor.ID, noteID, d); err != nil {
		return err
	}
	var changes []Change
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: noteID, action: ActionDispatch, internal: true}, &changes)
}

// RequestOverrideIn asks, as actor, for an override of a held note.
func (e *Engine) RequestOverrideIn(ctx context.Context, tx *store.Tx, actor store.User, noteID int64, reason string) (int64, error) {
	n, err := tx.DeliveryHeader(ctx, noteID)
	if err != nil {
		return 0, err
	}
	g, err := e.gate(ctx, tx, n, actor)
	if err != nil {
		return 0, err
	}
	if g.Open() {
		return 0, &Refusal{Code: NotHeld, Action: "override"}
	}
	due := g.Due
	if due == 0 {
		due = n.Total
	}
	id, _, err := tx.CreateShippingOverride(ctx, actor.ID, ShippingOverride.Initial(), store.ShippingOverride{
		NoteID: noteID, NoteRef: n.Ref, CustomerID: n.CustomerID, Gate: g.Held, AmountDue: due, Reason: reason})
	return id, err
}
