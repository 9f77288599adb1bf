package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// Actions of a return.
const (
	ActionReceive   = "receive"    // return: the warehouse took the goods back in (taken with its receipt)
	ActionGoodsBack = "goods_back" // order: some of what shipped came back; open again for it
)

// Return statuses.
const (
	ReturnDraft     = "draft"
	ReturnSubmitted = "submitted"
	ReturnSentBack  = "sent_back"
	ReturnChecked   = "checked"
	ReturnReceived  = "received"
	ReturnVoid      = "void"
)

// Refusals of returns.
const (
	OverReturned   Code = "over_returned"    // more than the note line billed less other returns (the database's word)
	BeforeNote     Code = "before_note"      // a return dated before its note left
	NoteNotShipped Code = "note_not_shipped" // a return against a note that has not left
	ReceiptMissing Code = "receipt_missing"  // "receive" without the warehouse's receipt
	LineNotInNote  Code = "line_not_in_note" // a return's line from another note
	NotReturned    Code = "not_returned"     // an order marked open again with nothing back
	NotReceived    Code = "not_received"     // a credit drafted for goods the warehouse has not received back
	NotInvoiced    Code = "not_invoiced"     // a credit drafted for goods back that no issued invoice billed, or all credited
)

// returnCheckers check a return against its note: the desk's
// supervisor or another clerk, never its maker.
var returnCheckers = []Role{Supervisor, Clerk}

// ReturnNote (退货单) is drafted by the desk against the delivery note
// the goods left on: which lines, how much of each, why, and the
// complaint that led to it. A second person checks it (never its maker);
// the warehouse receives the goods (a sign-off too: never its maker),
// and then the books follow (0024_returns.sql): the month's shipped
// figure, the statistics, the exposure, and the order's lines, open
// again for what came back, from which an exchange draws a new note.
// It is voided with a reason until received; nothing is deleted.
var ReturnNote = &Kind{
	Name:   store.ReturnKind,
	before: (*Engine).checkReturn,
	after:  (*Engine).returnMoved,
	States: drafted(
		State{Name: ReturnChecked},
		State{Name: ReturnReceived, Final: true},
		State{Name: ReturnVoid, Final: true},
	),
	Transitions: slices.Concat([]Transition{submitDraft(deskRoles)}, reviewed(ReturnChecked, returnCheckers, deskRoles), []Transition{
		{Action: ActionReceive, From: []string{ReturnChecked}, To: ReturnReceived, Roles: []Role{Warehouse}, SignOff: true, NeedsForm: true},
		{Action: ActionVoid, From: []string{ReturnDraft, ReturnSubmitted, ReturnSentBack, ReturnChecked}, To: ReturnVoid,
			Roles: []Role{Clerk, Supervisor}, NeedsComment: true},
	}),
}

// checkReturn refuses to submit or check a return with no lines, and
// takes the receipt only through ReceiveReturn, which records it.
func (e *Engine) checkReturn(ctx context.Context, tx *store.Tx, m move) error {
	switch m.t.Action {
	case ActionSubmit, ActionResubmit, ActionApprove:
		r, err := tx.GoodsReturn(ctx, m.doc.ID)
		if err == nil && len(r.Lines) == 0 {
			err = &Refusal{Code: NoLines, Action: m.t.Action}
		}
		return err
	}
	return carried(m, map[string]Code{ActionReceive: ReceiptMissing})
}

// returnMoved: a received return puts a shipped order back to partly
// shipped (its lines are open again for what came back); any move of a
// return is news for its note and order.
func (e *Engine) returnMoved(ctx context.Context, tx *store.Tx, m move) error {
	r, err := tx.ReturnHeader(ctx, m.doc.ID)
	if err != nil {
		return err
	}
	m.changed(Change{Kind: store.DeliveryNoteKind, ID: r.NoteID}, Change{Kind: store.OrderKind, ID: r.OrderID})
	if m.t.Action != ActionReceive {
		return nil
	}
	od, err := tx.Document(ctx, r.OrderID)
	if err != nil {
		return err
	}
	if _, ok := Order.find(ActionGoodsBack, od.Status); !ok {
		return nil
	}
	return e.applyTx(ctx, tx, applyReq{actor: m.actor, docID: r.OrderID, action: ActionGoodsBack, internal: true}, m.changes)
}
