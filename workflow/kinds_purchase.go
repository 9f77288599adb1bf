package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// ActionSendToPurchasing: an approved purchase plan goes to purchasing,
// its last step.
const ActionSendToPurchasing = "send_to_purchasing"

// purchasePlanMakers draft purchase plans and send them on: the desk and
// supervisors (a supervisor other than the maker signs them off).
var purchasePlanMakers = []Role{Clerk, Supervisor}

// PurchasePlan (月采购计划) is a month's purchase plan, derived from the
// approved month sales plans and the stock answers of open orders: the
// desk drafts it and edits what to buy, a supervisor who did not make it
// approves it or sends it back with the reason, and the desk sends it to
// purchasing. An approved plan is voided with the reason, which frees
// its month for another; one month has one approved plan (checked here
// and by trigger).
var PurchasePlan = &Kind{
	Name:   store.PurchasePlanKind,
	before: (*Engine).checkPurchasePlan,
	States: drafted(
		State{Name: "approved"},
		State{Name: "sent", Final: true},
		State{Name: "void", Final: true},
		State{Name: "withdrawn", Final: true},
	),
	Transitions: slices.Concat([]Transition{submitDraft(purchasePlanMakers)},
		reviewed("approved", planSigners, purchasePlanMakers, "draft", "submitted", "sent_back"),
		[]Transition{
			{Action: ActionSendToPurchasing, From: []string{"approved"}, To: "sent", Roles: purchasePlanMakers},
			{Action: ActionVoid, From: []string{"approved"}, To: "void", Roles: planSigners, NeedsComment: true},
		}),
}

// checkPurchasePlan refuses to submit an empty plan, and to submit or
// approve a second plan of a month that has an approved one.
func (e *Engine) checkPurchasePlan(ctx context.Context, tx *store.Tx, m move) error {
	if m.t.To != "submitted" && m.t.To != "approved" {
		return nil
	}
	p, err := tx.PurchasePlan(ctx, m.docID)
	if err != nil {
		return err
	}
	if p.Tonnes == 0 {
		return &Refusal{Code: NoLines, Action: m.t.Action}
	}
	ref, err := tx.ApprovedPurchasePlan(ctx, p.Month, p.DocID)
	if err == nil && ref != "" {
		return &Refusal{Code: PlanOverlap, Action: m.t.Action}
	}
	return err
}
