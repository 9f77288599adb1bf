package shipping_test

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestTeaLoadAsksTheReasonAtTheLine: the warehouse types a weighbridge
// figure 5% off the note's (the tolerance is 3%): the form asks for the
// reason under the line as it is typed; saved without one, the desk
// refuses it at the reason's cell, where the focus lands; with the
// reason it loads. A figure within the tolerance asks nothing.
func TestTeaLoadAsksTheReasonAtTheLine(t *testing.T) {
	f := tuitest.New(t)
	signedOrder(t, f)
	wh := f.AddUser("wu", "吴仓管", workflow.Warehouse)
	ctx := context.Background()
	clerk := f.Engine.Desk(f.Clerk)
	rows, err := clerk.OrdersToShip(ctx, store.Page{})
	f.Must(err)
	in, _, err := clerk.NewDeliveryInput(ctx, rows[0].ID)
	f.Must(err)
	in.Lines[0].Quantity, in.Lines[0].Weight = "10", ""
	id, err := clerk.CreateDelivery(ctx, in)
	f.Must(err)
	f.Must(clerk.SubmitDelivery(ctx, id, 0))
	f.Must(f.Engine.Desk(f.Supervisor).Act(ctx, id, workflow.ActionApprove, ""))
	f.Must(f.Engine.Desk(f.Finance).ConfirmPayment(ctx, workflow.PaymentInput{NoteID: id, Amount: "41200", Method: "bank"}))

	scr := shippingScreen(t, f, wh)
	scr.WaitText(t, "Made by", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "released")
	scr.Send(key('l'))
	scr.WaitText(t, "Loading")
	scr.Send(tab, ctrlU)
	scr.Type("10.2") // 2%: nothing to say
	scr.WaitText(t, "10.2")
	scr.WaitGone(t, "give the reason")
	scr.Retype("10.5")
	scr.WaitText(t, "more than 3% off the note's 10 t: give the reason in its column")
	scr.Send(ctrlS)
	scr.WaitText(t, "the weight is off by more than the tolerance: give a reason")
	scr.Type("磅单为准") // the focus is at the reason's cell
	scr.WaitGone(t, "give the reason in its column")
	scr.Send(ctrlS)
	scr.WaitText(t, "loaded", "10 / 10.5")
	scr.Quit(t)
	dd, err := f.Engine.Desk(f.Clerk).Delivery(ctx, id)
	f.Must(err)
	if l := dd.Note.Lines[0]; l.Loaded == nil || l.Loaded.Reason != "磅单为准" || l.Billed.Weight != 10500 {
		t.Fatalf("loaded %+v, bills %+v", l.Loaded, l.Billed)
	}
}
