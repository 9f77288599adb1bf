package upgradetest

import (
	"fmt"

	"orderdesk/store"
	"orderdesk/workflow"
)

// formSteps take, by kind and action, the steps whose screens collect
// more than a word, with what those screens would: the day a contract
// came back, the invoice's number, the loaded quantities, purchasing's
// reply. The release past the payment gate, the mailing and the
// carrier's hand-over are left to their own tests.
var formSteps = map[string]func(d *desk, by store.User, id int64) error{
	store.OrderKind + " " + workflow.ActionSignBack: func(d *desk, by store.User, id int64) error {
		return d.e.Desk(by).RecordSignBack(d.ctx, id, 0, d.e.Now().Format("2006-01-02"), "升级后回传")
	},
	store.InvoiceKind + " " + workflow.ActionIssue: func(d *desk, by store.User, id int64) error {
		return d.e.Desk(by).IssueInvoice(d.ctx, id, 0, workflow.IssueInput{InvoiceNo: fmt.Sprintf("26%018d", id)})
	},
	store.DeliveryNoteKind + " " + workflow.ActionLoad: func(d *desk, by store.User, id int64) error {
		note, err := d.e.Desk(d.all).Delivery(d.ctx, id)
		if err != nil {
			return err
		}
		var lines []workflow.LoadInput
		for _, l := range note.Note.Lines {
			lines = append(lines, workflow.LoadInput{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()})
		}
		return d.e.Desk(by).Load(d.ctx, id, 0, lines)
	},
	store.StockRequestKind + " " + workflow.ActionReply: func(d *desk, by store.User, id int64) error {
		return d.e.Desk(by).ReplyStockRequest(d.ctx, id, 0, workflow.StockReplyInput{Reply: store.ReplyWillBuy,
			ArriveOn: d.e.Now().AddDate(0, 0, 10).Format("2006-01-02"), Note: "升级后答复"})
	},
}
