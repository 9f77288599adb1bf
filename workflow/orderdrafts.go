package workflow

import (
	"context"

	"orderdesk/store"
)

// A delivery note and an invoice request are the same kind of thing at
// the desk: a draft drawn from an order's open lines, saved by its maker
// until submitted, refused when someone changed it meanwhile. These are
// the steps they share; each kind's file says only what is its own.

// draftHead is what the shared steps read of a draft's header.
type draftHead struct {
	Ref, Maker, Status string
	Version            int64
}

// createFromOrder drafts a document of kind from order with create,
// which writes it in the transaction and returns its id.
func (d *Desk) createFromOrder(ctx context.Context, p Permission, kind string, order int64,
	create func(tx *store.Tx) (int64, error)) (id int64, err error) {
	if err := permit(d.User, p, ""); err != nil {
		return 0, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		id, err = create(tx)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "save")
	}
	d.e.publish([]Change{{Kind: kind, ID: id}, {Kind: store.OrderKind, ID: order}})
	return id, nil
}

// updateFromOrder saves a draft (or one sent back) typed over the
// version seen: head reads it as it is now, save writes it. Anyone's
// change since is a *store.ConflictError; a submitted document is not
// editable.
func (d *Desk) updateFromOrder(ctx context.Context, p Permission, kind string, docID, order, seen int64,
	head func(tx *store.Tx) (draftHead, error), save func(tx *store.Tx) error) error {
	if err := permit(d.User, p, ""); err != nil {
		return err
	}
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		cur, err := head(tx)
		if err != nil {
			return err
		}
		if cur.Version != seen {
			return &store.ConflictError{What: cur.Ref, By: cur.Maker, Fields: []string{"status " + cur.Status}}
		}
		if !(cur.Status == "draft" || cur.Status == "sent_back") {
			return &Refusal{Code: NotEditable, Action: "save"}
		}
		return save(tx)
	})
	if err != nil {
		return refusalFromStore(err, "save")
	}
	d.e.publish([]Change{{Kind: kind, ID: docID}, {Kind: store.OrderKind, ID: order}})
	return nil
}

// actWithReason takes action on a document as of version seen; the
// reason is required and kept with the transition.
func (d *Desk) actWithReason(ctx context.Context, docID, seen int64, action, reason string) error {
	if fe := CheckText(FReason, reason, true, MaxShort); fe != nil {
		return FieldErrors{fe}
	}
	return d.ActOn(ctx, docID, seen, action, reason)
}
