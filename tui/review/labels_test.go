package review_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestOverrideReasonLabel: a release override in finance's inbox labels
// its reason 原因 (not 变更原因, a terms change's), and the note's own
// remarks 备注.
func TestOverrideReasonLabel(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	clerk := f.Engine.Desk(f.Clerk)
	cust, _, err := clerk.CreateCustomer(ctx, workflow.CustomerInput{Name: "沈阳北方重工集团有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市铁西区北二路18号", PaymentTerms: store.TermsPrepaid})
	must(err)
	in, err := clerk.NewOrderInput(ctx, cust)
	must(err)
	in.DeliveryDate, in.SigningPlace = time.Now().AddDate(0, 0, 20).Format("2006-01-02"), "沈阳"
	in.Lines = []workflow.OrderLineInput{{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "12", Unit: "t", Price: "4500"}}
	order, _, err := clerk.CreateOrder(ctx, in)
	must(err)
	must(clerk.SubmitOrder(ctx, order, 0))
	must(f.Engine.Desk(f.Supervisor).Act(ctx, order, workflow.ActionApprove, ""))
	must(clerk.RecordSignBack(ctx, order, 0, time.Now().Format("2006-01-02"), ""))
	din, _, err := clerk.NewDeliveryInput(ctx, order)
	must(err)
	din.Notes = "卸货请用吊车"
	note, err := clerk.CreateDelivery(ctx, din)
	must(err)
	must(clerk.SubmitDelivery(ctx, note, 0))
	must(f.Engine.Desk(f.Supervisor).Act(ctx, note, workflow.ActionApprove, ""))
	_, err = clerk.RequestOverride(ctx, note, 0, "老客户,货款在途")
	must(err)

	scr := tuitest.Run(t, f.App(f.Finance, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "放行例外申请")
	scr.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	scr.WaitText(t, "老客户,货款在途")
	if text := scr.Text(); strings.Contains(text, "变更原因") || !strings.Contains(text, "原因") {
		t.Fatalf("the override's reason is not labelled 原因:\n%s", text)
	}
	scr.Quit(t)
}
