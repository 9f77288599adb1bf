package shipping_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

var key = tuitest.Char

var enter, tab, right, ctrlU, ctrlS = tuitest.Key("enter"), tuitest.Key("tab"), tuitest.Key("right"), tuitest.Key("ctrl+u"), tuitest.Key("ctrl+s")

// signedOrder makes a prepaid customer's order of 25.35 t at 4,120.00,
// signed off by the supervisor and signed back by the customer.
func signedOrder(t *testing.T, f *tuitest.Fixture) string {
	t.Helper()
	cust, _, err := f.Engine.Desk(f.Clerk).CreateCustomer(context.Background(), workflow.CustomerInput{Name: "沈阳北方重工集团有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市铁西区北二路18号", Contact: "张经理", Phone: "024-23456789", PaymentTerms: store.TermsPrepaid})
	f.Must(err)
	return f.OrderNumber(f.SignedOrder(cust, "沈阳", tuitest.Plate()))
}

func shippingScreen(t *testing.T, f *tuitest.Fixture, u store.User) *tuitest.Screen {
	t.Helper()
	return f.RunOn(t, u, "en", "screen.shipping")
}

// TestTeaDraftSignPayLoad: a clerk drafts a note of part of a signed
// order, a supervisor signs it off (the prepaid customer's note waits at
// the gate), finance confirms the payment (which releases it) and the
// warehouse loads it.
func TestTeaDraftSignPayLoad(t *testing.T) {
	f := tuitest.New(t)
	number := signedOrder(t, f)
	wh := f.AddUser("wu", "吴仓管", workflow.Warehouse)

	// The clerk drafts 10 of the 25.35 t open.
	scr := shippingScreen(t, f, f.Clerk)
	scr.WaitText(t, "To draft", number, "沈阳北方重工")
	scr.Send(key('n'))
	scr.WaitText(t, "New delivery note", "25.35t")
	for range 5 {
		scr.Send(tab) // the header's five fields, to the first line's quantity
	}
	scr.Retype("10")
	scr.Send(ctrlS)
	scr.WaitText(t, "Delivery note FH", "draft", "41,200.00")
	scr.Send(key('s'))
	scr.WaitText(t, "waiting for sign-off")
	scr.Quit(t)

	// The supervisor signs it off: prepaid, so it waits for finance.
	scr = shippingScreen(t, f, f.Supervisor)
	scr.WaitText(t, "To draft")
	scr.Send(right, right)
	scr.WaitText(t, "Made by", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "waiting for sign-off", "41,200.00")
	scr.Send(key('a'))
	scr.WaitText(t, "waiting for payment", "finance must confirm", "41,200.00 due")
	scr.Quit(t)

	// Finance sees it in its tasks with the amount due and confirms.
	scr = shippingScreen(t, f, f.Finance)
	scr.WaitText(t, "My tasks 1", "confirm payment 41,200.00")
	scr.WaitText(t, "Made by", "rows 1–1") // finance starts at the notes waiting for payment
	scr.Send(enter)
	scr.WaitText(t, "waiting for payment")
	scr.Send(key('p'))
	scr.WaitText(t, "Confirm payment", "41200.00")
	scr.Send(ctrlS)
	scr.WaitText(t, "Released:", "paid")
	scr.Quit(t)

	// The warehouse loads it, a little heavier than drafted.
	scr = shippingScreen(t, f, wh)
	scr.WaitText(t, "My tasks 1", "to load")
	scr.WaitText(t, "Made by", "rows 1–1") // the warehouse starts at the released notes
	scr.Send(enter)
	scr.WaitText(t, "released")
	scr.Send(key('l'))
	scr.WaitText(t, "Loading")
	scr.Send(tab, ctrlU)
	scr.Type("10.1")
	scr.Send(ctrlS)
	scr.WaitText(t, "loaded", "10 / 10.1")
	scr.Quit(t)
}

// TestTeaOverridesReport: an override asked at the desk is listed in
// the report with its reason, and a refusal of a release names finance.
func TestTeaOverridesReport(t *testing.T) {
	f := tuitest.New(t)
	signedOrder(t, f)
	ctx := context.Background()
	clerk := f.Engine.Desk(f.Clerk)
	rows, err := clerk.OrdersToShip(ctx, store.Page{})
	if err != nil || len(rows) != 1 {
		t.Fatal(rows, err)
	}
	f.SignedOffNote(rows[0].ID, nil)
	scr := shippingScreen(t, f, f.Clerk)
	scr.WaitText(t, "To draft")
	scr.Send(right, right, right)
	scr.WaitText(t, "Made by", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "waiting for payment")
	scr.Send(key('r'))
	scr.WaitText(t, "finance must confirm the payment arrived")
	scr.Send(key('o'))
	scr.WaitText(t, "Reason for the override")
	scr.Type("老客户货款在途")
	scr.Send(enter)
	scr.WaitText(t, "override asked", "FX2026-000001")
	scr.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	scr.WaitText(t, "To draft")
	scr.Send(key('R'))
	scr.WaitText(t, "Overrides report", "老客户货款在途", "FH2026-000001", "prepaid")
	scr.Quit(t)
}
