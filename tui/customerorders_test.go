package tui_test

import (
	"context"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A customer's orders are one key from their file: "j enter o enter",
// typed in one burst from the customer list, opens the second
// customer's order, never the first's.
func TestACustomersOrdersAreOneKeyFromTheFile(t *testing.T) {
	f := tuitest.NewAtClock(t)
	ctx := context.Background()
	d := f.Engine.Desk(f.Clerk)
	for _, c := range []struct{ name, spec string }{{"鞍山恒达重工机械有限公司", "10×1500×6000"}, {"大连重型机械有限公司", "20×2000×8000"}} {
		id, _, err := d.CreateCustomer(ctx, workflow.CustomerInput{Name: c.name, Phone: "0411-5551234", Contact: "李经理", PaymentTerms: store.TermsPrepaid})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := d.CreateOrder(ctx, workflow.OrderInput{CustomerID: id, CustomerName: c.name, Contact: "李经理", Phone: "0411-5551234",
			OrderDate: "2026-11-26", DeliveryDate: "2026-12-20", SigningPlace: "沈阳", ShipTo: "大连市",
			Lines: []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: c.spec, Quantity: "30", Unit: "t", Price: "4380"}}}); err != nil {
			t.Fatal(err)
		}
	}
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.Send(tuitest.Keys("j\ro\r")...) // before the customer list has even loaded
	scr.WaitText(t, "销售订单 DD2026-000002", "大连重型机械有限公司", "20×2000×8000")
	if got := scr.Text(); strings.Contains(got, "10×1500×6000") {
		t.Fatalf("the first customer's order showed:\n%s", got)
	}
	scr.Quit(t)
}
