package invoices_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

var key = tuitest.Char

var enter, tab, right, ctrlU, ctrlS = tuitest.Key("enter"), tuitest.Key("tab"), tuitest.Key("right"), tuitest.Key("ctrl+u"), tuitest.Key("ctrl+s")

// shippedOrder makes a monthly customer's order of 25.35 t at 4,120.00
// and ships all of it: the supervisor's sign-off releases the note per
// contract, the warehouse loads it and the clerk hands it to the carrier.
// It returns the order's number.
func shippedOrder(t *testing.T, f *tuitest.Fixture) string {
	t.Helper()
	wh := f.AddUser("wu", "吴仓管", workflow.Warehouse)
	order := f.SignedOrder(f.MonthlyCustomer("500000"), "鞍山", tuitest.Plate())
	f.Dispatched(order, wh, workflow.DispatchInput{Carrier: "鞍山顺达物流", Vehicle: "辽C12345", SignedBy: "李师傅"})
	return f.OrderNumber(order)
}

func invoicesScreen(t *testing.T, f *tuitest.Fixture, u store.User) *tuitest.Screen {
	t.Helper()
	return f.RunOn(t, u, "en", "screen.invoices")
}

// TestTeaRequestCheckIssuePay: a clerk raises an invoice request from a
// shipment, may not check it herself, a supervisor checks it, finance
// issues it with its number, records a payment (a future day is refused
// at the field) and allocates it (beyond the receipt refused at the line);
// a second receipt, its customer typed, pays the rest (beyond the
// invoice's open amount refused at the line) and stays partly on account.
func TestTeaRequestCheckIssuePay(t *testing.T) {
	f := tuitest.New(t)
	number := shippedOrder(t, f)

	// The clerk raises the request from what shipped.
	scr := invoicesScreen(t, f, f.Clerk)
	scr.WaitText(t, "To invoice", number, "鞍山恒达重工")
	scr.Send(key('n'))
	scr.WaitText(t, "Invoice request", "25.35t")
	scr.Send(ctrlU)
	scr.Type("30")
	scr.Send(ctrlS)
	scr.WaitText(t, "at most 25.35")
	scr.Send(ctrlU)
	scr.Type("25.35")
	scr.Send(ctrlS)
	scr.WaitText(t, "invoice KP", "draft", "104,442.00")
	scr.Send(key('s'))
	scr.WaitText(t, "waiting for check")
	scr.Send(key('a'))
	scr.WaitText(t, "someone else must sign it off")
	scr.Quit(t)

	// The supervisor checks it against the order.
	scr = invoicesScreen(t, f, f.Supervisor)
	scr.WaitText(t, "To invoice")
	scr.Send(right, right)
	scr.WaitText(t, "Maker", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "waiting for check", "104,442.00")
	scr.Send(key('a'))
	scr.WaitText(t, "waiting for finance")
	scr.Quit(t)

	// Finance issues it with the number it gives.
	scr = invoicesScreen(t, f, f.Finance)
	scr.WaitText(t, "To issue", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "waiting for finance")
	scr.Send(key('i'))
	scr.WaitText(t, "Issue KP")
	scr.Send(ctrlS)
	scr.WaitText(t, "required")
	scr.Type("12345678")
	scr.Send(ctrlS)
	scr.WaitText(t, "issued", "Invoice 12345678")

	// A payment: a future day is refused at the field, the amount typed stays.
	scr.Send(key('p'))
	scr.WaitText(t, "Receipt from 鞍山恒达重工", "104442.00")
	scr.Send(ctrlU)
	scr.Type("50000")
	scr.Send(tab, ctrlU)
	scr.Type("2099-01-01")
	scr.Send(ctrlS)
	scr.WaitText(t, "the date is in the future", "50000")
	scr.Send(ctrlU)
	scr.Type(tuitest.Clock.Format("2006-01-02"))
	scr.Send(ctrlS)

	// Straight on to allocating it: more than the receipt is refused at the line.
	scr.WaitText(t, "Allocate receipt", "50,000.00 on account", "12345678", "50000.00")
	scr.Send(ctrlU)
	scr.Type("104442")
	scr.Send(ctrlS)
	scr.WaitText(t, "more than the receipt has left: 50000.00")
	scr.Send(ctrlU)
	scr.Type("30000")
	scr.Send(ctrlS)
	scr.WaitText(t, "allocated")
	scr.Send(right, right)
	scr.WaitText(t, "Late", "74,442.00")
	scr.Send(right)
	scr.WaitText(t, "On account", "20,000.00")

	// A receipt typed from the list, the customer by name: more than the
	// invoice has open is refused at the line with what it has.
	scr.Send(key('n'))
	scr.WaitText(t, "Receipt from", "bank")
	scr.Type("鞍山恒达重工机械有限公司")
	scr.Send(tab)
	scr.Type("200000")
	scr.Send(ctrlS)
	scr.WaitText(t, "Allocate receipt", "200,000.00 on account", "74442.00")
	scr.Send(ctrlU)
	scr.Type("80000")
	scr.Send(ctrlS)
	scr.WaitText(t, "more than the invoice has open: at most 74442.00", "80000")
	scr.Send(ctrlU)
	scr.Type("74442")
	scr.Send(ctrlS)
	scr.WaitText(t, "allocated", "125,558.00", "20,000.00")
	scr.Quit(t)
}
