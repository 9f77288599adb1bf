package workflow

import (
	"context"

	"orderdesk/store"
)

// Order steps inside the caller's transaction, with every check the
// desk makes, for bulk writers (the demo generator, an import) that
// write many documents in one transaction. Nothing goes on the feed.

// OrderFromQuoteIn makes the draft order of a won quote as actor.
func (e *Engine) OrderFromQuoteIn(ctx context.Context, tx *store.Tx, actor store.User, quoteID int64) (int64, error) {
	return e.Desk(actor).orderFromQuote(ctx, tx, quoteID)
}

// SignBackIn records the day the customer's signed contract came back
// and moves the order to signed, as actor.
func (e *Engine) SignBackIn(ctx context.Context, tx *store.Tx, actor store.User, docID int64, day string) error {
	if err := tx.RecordSignBack(ctx, actor.ID, docID, day, ""); err != nil {
		return err
	}
	return e.ApplyIn(ctx, tx, actor, docID, ActionSignBack, "")
}

// ReviseOrderIn drafts a revision of a signed-off order as actor.
func (e *Engine) ReviseOrderIn(ctx context.Context, tx *store.Tx, actor store.User, docID int64) (int64, error) {
	return e.Desk(actor).revise(ctx, tx, docID, 0)
}

// RequestCancelIn asks, as actor, for an order to be cancelled.
func (e *Engine) RequestCancelIn(ctx context.Context, tx *store.Tx, actor store.User, docID int64, reason string) (int64, error) {
	ref, err := tx.NextRef(ctx, store.OrderCancelKind, "QX"+tx.Now.Format("2006")+"-")
	if err != nil {
		return 0, err
	}
	return tx.CreateOrderCancel(ctx, actor.ID, OrderCancel.Initial(), docID, ref, reason)
}
