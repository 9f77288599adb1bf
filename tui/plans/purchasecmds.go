package plans

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/workflow"
)

// loadPurchase reads a purchase plan with its lines.
func loadPurchase(ctx context.Context, desk *workflow.Desk, req int, id int64) tea.Cmd {
	return func() tea.Msg {
		msg := detailMsg{req: req}
		msg.buy, msg.err = desk.PurchasePlan(ctx, id)
		return msg
	}
}

// act runs one step on a document (a submit, a send) and says how it
// went under what, the catalogue key of the success text.
func act(id int64, ref, what string, step func() error) tea.Cmd {
	return func() tea.Msg { return doneMsg{id: id, ref: ref, what: what, err: step()} }
}

// savePurchase derives a draft for month (docID 0), or writes the edits
// of the purchase plan docID as of version seen.
func savePurchase(ctx context.Context, desk *workflow.Desk, form int, docID, seen int64, month string, in workflow.PurchasePlanInput) tea.Cmd {
	return func() tea.Msg {
		msg := savedMsg{form: form, id: docID, purchase: true}
		if docID == 0 {
			msg.id, msg.err = desk.CreatePurchasePlan(ctx, month)
			return msg
		}
		msg.err = desk.UpdatePurchasePlan(ctx, docID, seen, in)
		return msg
	}
}

// collectionMsg is the month's collection plan.
type collectionMsg struct {
	req   int
	month string
	rows  []workflow.PlanLine
	err   error
}

func loadCollection(ctx context.Context, desk *workflow.Desk, req int, month string) tea.Cmd {
	return func() tea.Msg {
		msg := collectionMsg{req: req, month: month}
		msg.rows, msg.err = desk.CollectionPlan(ctx, month)
		return msg
	}
}
