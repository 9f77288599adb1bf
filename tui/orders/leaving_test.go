package orders_test

import (
	"testing"

	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The stock-up request under an order asks before esc drops what was
// typed, as every form does.
func TestStockUpRequestAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	f := tuitest.New(t)
	id := f.DraftOrder(f.PrepaidCustomer(), "沈阳", workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "12", Unit: "t", Price: "4500"})
	open := func() *tui.App {
		app := f.OpenOn(f.Clerk, "en", "screen.orders", 120, 40)
		tuitest.Press(app, common.OpenMsg{Screen: "screen.orders", DocID: id}, tuitest.Key("u"))
		return app
	}
	tuitest.AsksBeforeDropping(t, open, tuitest.Keys("2\t每月约10吨"), "每月约10吨")
}
