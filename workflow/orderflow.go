package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// What the order kinds do around a transition, whatever path took it;
// the database checks the same again with its own triggers.

// checkOrder refuses to submit or sign off an order the contract check
// fails, or a revision of a version no longer in force, and to take the
// sign-back step without the signed copy recorded.
func (e *Engine) checkOrder(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionSubmit, ActionResubmit, ActionApprove:
		o, err := tx.Order(ctx, m.doc.ID)
		if err != nil {
			return err
		}
		if m.t.Action == ActionApprove && o.RevisesID != 0 {
			prev, err := tx.Document(ctx, o.RevisesID)
			if err != nil {
				return err
			}
			if !slices.Contains(LiveOrderStatuses, prev.Status) {
				return &Refusal{Code: NotRevisable, Action: m.t.Action}
			}
		}
		return ContractCheck(o)
	case ActionSignBack:
		sb, err := tx.OrderSignBack(ctx, m.doc.ID)
		if err == nil && sb == nil {
			err = &Refusal{Code: SignBackMissing, Action: m.t.Action}
		}
		return err
	}
	return nil
}

// orderSignedOff: a first version's sign-off draws its number; a
// revision's sign-off retires the version it revises.
func (e *Engine) orderSignedOff(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionApprove {
		return nil
	}
	o, err := tx.OrderHeader(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	if o.RevisesID != 0 {
		return e.applyTx(ctx, tx, applyReq{actor: m.actor, docID: o.RevisesID, action: ActionRevise, internal: true}, m.changes)
	}
	if o.OrderNo != "" {
		return nil
	}
	c, err := tx.Customer(ctx, o.CustomerID)
	if err != nil {
		return err
	}
	_, err = tx.DrawOrderNumber(ctx, m.actor.ID, m.doc.ID, e.series.SeriesFor(c, o.OrderDate), e.series.Digits)
	return err
}

// checkCancel refuses to sign off a cancellation of an order no longer
// in force.
func (e *Engine) checkCancel(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionApprove {
		return nil
	}
	c, err := tx.OrderCancelOf(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	od, err := tx.Document(ctx, c.OrderID)
	if err == nil && !slices.Contains(LiveOrderStatuses, od.Status) {
		err = &Refusal{Code: NotCancellable, Action: m.t.Action}
	}
	return err
}

// cancelOrder: a cancellation's sign-off cancels its order.
func (e *Engine) cancelOrder(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionApprove {
		return nil
	}
	c, err := tx.OrderCancelOf(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	return e.applyTx(ctx, tx, applyReq{actor: m.actor, docID: c.OrderID, action: ActionCancel, comment: c.Reason, internal: true}, m.changes)
}

// checkReply refuses purchasing's reply step without the reply recorded
// by the one who takes it.
func (e *Engine) checkReply(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.Action != ActionReply {
		return nil
	}
	sr, err := tx.StockRequest(ctx, m.doc.ID)
	if err == nil && (!sr.Replied || sr.RepliedByID != m.actor.ID) {
		err = &Refusal{Code: AnswerMissing, Action: m.t.Action}
	}
	return err
}

// SubmitOrder sends a draft (or a version sent back) for the contract's
// sign-off, after the contract check (ContractCheck), as of version seen.
func (d *Desk) SubmitOrder(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// RecordSignBack records that the customer signed, stamped and sent the
// contract back (回传) on signedOn (not in the future, not before the
// order date), and moves the order to signed: shipping waits for this.
func (d *Desk) RecordSignBack(ctx context.Context, docID, seen int64, signedOn, note string) error {
	if err := permit(d.User, EditOrders, ActionSignBack); err != nil {
		return err
	}
	day, fe := ParseDayField(FSignedOn, signedOn, d.e.today(), NotFuture)
	if err := requiredWithNote(FSignedOn, fe, day == "", note); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionSignBack, func(tx *store.Tx, changes *[]Change) error {
		o, err := tx.OrderHeader(ctx, docID)
		if err != nil {
			return err
		}
		if seen != 0 && o.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionSignBack}
		}
		if o.Status != "approved" {
			return &Refusal{Code: NoSuchTransition, Action: ActionSignBack}
		}
		if _, err := d.customerFor(ctx, tx, o.CustomerID, ActionSignBack); err != nil {
			return err
		}
		if day < o.OrderDate {
			return FieldErrors{{Field: FSignedOn, Code: DateOrder}}
		}
		if err := tx.RecordSignBack(ctx, d.User.ID, docID, day, CleanText(note, false)); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, seen: seen, action: ActionSignBack}, changes)
	})
}

// ReviseOrder drafts a revision of a signed-off order still in force, as
// of version seen: a copy, with the same number and the next revision,
// that goes through the contract check and a supervisor's sign-off
// again. The version revised stays in force, unchanged, until then;
// approved, the revision replaces it (marked revised). It returns the
// revision's id.
func (d *Desk) ReviseOrder(ctx context.Context, docID, seen int64) (id int64, err error) {
	if err := permit(d.User, EditOrders, ActionRevise); err != nil {
		return 0, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) (err error) {
		id, err = d.revise(ctx, tx, docID, seen)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, ActionRevise)
	}
	d.e.feed.Publish(Change{Kind: store.OrderKind, ID: id})
	return id, nil
}

// revise is ReviseOrder inside tx.
func (d *Desk) revise(ctx context.Context, tx *store.Tx, docID, seen int64) (int64, error) {
	o, err := tx.Order(ctx, docID)
	if err != nil {
		return 0, err
	}
	if seen != 0 && o.Version != seen {
		return 0, &Refusal{Code: StaleStatus, Action: ActionRevise}
	}
	if !slices.Contains(LiveOrderStatuses, o.Status) {
		return 0, &Refusal{Code: NotRevisable, Action: ActionRevise}
	}
	if open, err := tx.OrderRevisionOf(ctx, docID); err != nil || open != 0 {
		if err == nil {
			err = &Refusal{Code: RevisionOpen, Action: ActionRevise}
		}
		return 0, err
	}
	if _, err := d.customerFor(ctx, tx, o.CustomerID, ActionRevise); err != nil {
		return 0, err
	}
	if o.OrderNo == "" {
		return 0, &Refusal{Code: NumberMissing, Action: ActionRevise}
	}
	o.RevisesID, o.Revision, o.QuoteID, o.CopiedFromID = docID, o.Revision+1, 0, 0
	for i := range o.Lines {
		o.Lines[i].ID, o.Lines[i].DocID, o.Lines[i].Stock = 0, 0, nil
	}
	id, _, err := tx.CreateOrder(ctx, d.User.ID, Order.Initial(), o)
	if err != nil {
		return 0, err
	}
	// Planning's answers still hold for the same lines: the new version
	// keeps them rather than asking planning again.
	return id, tx.CarryStockAnswers(ctx, d.User.ID, docID, id)
}

// RequestCancel asks for a signed-off order to be cancelled, with the
// reason; a supervisor who did not ask signs the request off, which
// cancels the order (a draft is withdrawn instead: nothing was signed).
// It returns the request's id.
func (d *Desk) RequestCancel(ctx context.Context, docID, seen int64, reason string) (id int64, err error) {
	if err := permit(d.User, EditOrders, ActionCancel); err != nil {
		return 0, err
	}
	if fe := CheckText(FReason, reason, true, MaxShort); fe != nil {
		return 0, FieldErrors{fe}
	}
	var changes []Change
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		o, err := tx.OrderHeader(ctx, docID)
		if err != nil {
			return err
		}
		if seen != 0 && o.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionCancel}
		}
		if !slices.Contains(LiveOrderStatuses, o.Status) {
			return &Refusal{Code: NotCancellable, Action: ActionCancel}
		}
		if _, err := d.customerFor(ctx, tx, o.CustomerID, ActionCancel); err != nil {
			return err
		}
		cancels, err := tx.OrderCancels(ctx, docID)
		if err != nil {
			return err
		}
		for _, c := range cancels {
			if c.Status == "submitted" || c.Status == "sent_back" {
				return &Refusal{Code: CancelOpen, Action: ActionCancel}
			}
		}
		ref, err := tx.NextRef(ctx, store.OrderCancelKind, "QX"+tx.Now.Format("2006")+"-")
		if err != nil {
			return err
		}
		id, err = tx.CreateOrderCancel(ctx, d.User.ID, OrderCancel.Initial(), docID, ref, CleanText(reason, false))
		changes = append(changes, Change{Kind: store.OrderCancelKind, ID: id}, Change{Kind: store.OrderKind, ID: docID})
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, ActionCancel)
	}
	d.e.publish(changes)
	return id, nil
}
