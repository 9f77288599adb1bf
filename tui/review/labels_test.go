package review_test

import (
	"context"
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestOverrideReasonLabel: a release override in finance's inbox labels
// its reason 原因 (not 变更原因, a terms change's), and the note's own
// remarks 备注.
func TestOverrideReasonLabel(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	must := f.Must
	clerk := f.Engine.Desk(f.Clerk)
	order := f.SignedOrder(f.PrepaidCustomer(), "沈阳", workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "12", Unit: "t", Price: "4500"})
	note := f.SignedOffNote(order, func(in *workflow.DeliveryInput) { in.Notes = "卸货请用吊车" })
	_, err := clerk.RequestOverride(ctx, note, 0, "老客户,货款在途")
	must(err)

	scr := tuitest.Run(t, f.App(f.Finance, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "放行例外申请")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "老客户,货款在途")
	if text := scr.Text(); strings.Contains(text, "变更原因") || !strings.Contains(text, "原因") {
		t.Fatalf("the override's reason is not labelled 原因:\n%s", text)
	}
	scr.Quit(t)
}

// TestOrderUnderReviewShowsItsWeighingBasis: the supervisor signing a
// contract off sees what it bills on (理计 here, from the order).
func TestOrderUnderReviewShowsItsWeighingBasis(t *testing.T) {
	f := tuitest.New(t)
	clerk := f.Engine.Desk(f.Clerk)
	in, err := clerk.NewOrderInput(f.Ctx, f.PrepaidCustomer())
	f.Must(err)
	in.DeliveryDate, in.SigningPlace, in.Weighing = tuitest.DeliveryDate(), "沈阳", "theoretical"
	in.Lines = []workflow.OrderLineInput{tuitest.Plate()}
	order, _, err := clerk.CreateOrder(f.Ctx, in)
	f.Must(err)
	f.Must(clerk.SubmitOrder(f.Ctx, order, 0))

	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "沈阳北方重工")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "计重方式", "理计")
	scr.Quit(t)
}
