package materials_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A row shows the steps it can take: one waiting offers its receipt,
// one received no longer does (c was offered there, refused once
// pressed), and a contract offers its order.
func TestRowOffersTheStepsItCanTake(t *testing.T) {
	d := newDesk(t)
	cust := d.PrepaidCustomer()
	order := d.DraftOrder(cust, "沈阳", tuitest.Plate())
	desk := d.Engine.Desk(d.Clerk)
	d.Must(desk.SubmitOrder(d.Ctx, order, 0))
	d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, order, workflow.ActionApprove, ""))
	_, err := desk.SendMaterial(d.Ctx, workflow.MaterialInput{CustomerID: cust, Contact: "张经理", What: "contract",
		Order: d.OrderNumber(order), SentOn: "2026-11-25", Via: "courier", Courier: "sf", Tracking: "SF1234567890123"})
	d.Must(err)
	catalogue := d.send(t, d.Clerk, "2026-11-24", "SF9876543210987")
	scr := d.RunOn(t, d.Clerk, "en", "screen.materials")
	scr.WaitText(t, catalogue.Ref)
	scr.Send(tuitest.Keys("/" + catalogue.Ref + "\r\r")...)
	scr.WaitText(t, "Materials sent "+catalogue.Ref, "c confirm receipt", "x void")
	if contains(scr.Text(), "open its document") {
		t.Fatalf("a catalogue offers a document it has none of:\n%s", scr.Text())
	}
	scr.Send(tuitest.Keys("c")...)
	scr.WaitText(t, "Receipt of "+catalogue.Ref)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "confirmed by 张经理")
	scr.WaitGone(t, "confirm receipt")
	scr.Send(tuitest.Key("esc"), tuitest.Key("esc"))
	scr.Send(tuitest.Keys("/contract\r\r")...)
	scr.WaitText(t, "contract", "o open its document", "c confirm receipt")
	scr.Quit(t)
}
