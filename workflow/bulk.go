package workflow

import (
	"context"

	"orderdesk/store"
)

// ApplyIn takes action on a document inside the caller's transaction,
// with every check Act makes and the same follow-on steps (an inquiry
// follows its quote; a revision is drafted). Nothing goes on the feed:
// a bulk writer (the demo generator, an import) writes many documents in
// one transaction and announces nothing until it is done.
func (e *Engine) ApplyIn(ctx context.Context, tx *store.Tx, actor store.User, docID int64, action, comment string) error {
	var changes []Change
	return e.applyTx(ctx, tx, applyReq{actor: actor, docID: docID, action: action, comment: comment}, &changes)
}

// StartQuoteIn moves an inquiry to quoting inside the caller's
// transaction, as drafting its first quote at the desk does.
func (e *Engine) StartQuoteIn(ctx context.Context, tx *store.Tx, actor store.User, inquiryID int64) error {
	var changes []Change
	return e.followInquiry(ctx, tx, actor, inquiryID, ActionStartQuote, "", &changes)
}
