package invoices_test

import (
	"context"
	"testing"
	"time"

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
	return shippedOrderOn(t, f, time.Now().Format("2006-01-02"))
}

// shippedOrderOn is shippedOrder with the day the note planned to ship
// on ("": none planned); the carrier takes it today all the same.
func shippedOrderOn(t *testing.T, f *tuitest.Fixture, shipOn string) string {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sys, _ := f.Engine.SystemUser(ctx)
	wh, err := f.Engine.AddUser(ctx, sys, "wu", "吴仓管", "", []workflow.Role{workflow.Warehouse})
	must(err)
	clerk, boss := f.Engine.Desk(f.Clerk), f.Engine.Desk(f.Supervisor)
	cust, terms, err := clerk.CreateCustomer(ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械有限公司", Province: "辽宁", City: "鞍山",
		Address: "鞍山市铁东区1号", Contact: "刘经理", Phone: "0412-2345678", PaymentTerms: store.TermsMonthly, TermsDays: "30", CreditLimit: "500000"})
	must(err)
	must(boss.Act(ctx, terms, workflow.ActionApprove, ""))
	in, err := clerk.NewOrderInput(ctx, cust)
	must(err)
	in.DeliveryDate, in.SigningPlace = time.Now().AddDate(0, 0, 20).Format("2006-01-02"), "鞍山"
	in.Lines = []workflow.OrderLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.35", Unit: "t", Price: "4120"}}
	order, _, err := clerk.CreateOrder(ctx, in)
	must(err)
	must(clerk.SubmitOrder(ctx, order, 0))
	must(boss.Act(ctx, order, workflow.ActionApprove, ""))
	today := time.Now().Format("2006-01-02")
	must(clerk.RecordSignBack(ctx, order, 0, today, ""))
	din, _, err := clerk.NewDeliveryInput(ctx, order)
	must(err)
	din.ShipOn = shipOn
	note, err := clerk.CreateDelivery(ctx, din)
	must(err)
	must(clerk.SubmitDelivery(ctx, note, 0))
	must(boss.Act(ctx, note, workflow.ActionApprove, ""))
	dd, err := f.Engine.Desk(wh).Delivery(ctx, note)
	must(err)
	l := dd.Note.Lines[0]
	must(f.Engine.Desk(wh).Load(ctx, note, 0, []workflow.LoadInput{{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()}}))
	must(clerk.Dispatch(ctx, note, 0, workflow.DispatchInput{Carrier: "鞍山顺达物流", Vehicle: "辽C12345", ShippedAt: today + " 08:00",
		ExpectedOn: today, SignedBy: "李师傅", SignedOn: today}))
	od, err := clerk.Order(ctx, order)
	must(err)
	return od.Order.Number()
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
	scr.Retype("30")
	scr.Send(ctrlS)
	scr.WaitText(t, "at most 25.35")
	scr.Retype("25.35")
	scr.Send(ctrlS)
	scr.WaitText(t, "Invoice KP", "draft", "104,442.00")
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
	scr.Type("ABC123")
	scr.Send(ctrlS)
	scr.WaitText(t, "20 digits, or code (10 or 12 digits) and number (8): 2100211130 01234567")
	scr.Retype("2100211130 01234567")
	scr.Send(ctrlS)
	scr.WaitText(t, "issued", "Invoice 2100211130-01234567")

	// A payment: a future day is refused at the field, the amount typed stays.
	scr.Send(key('p'))
	scr.WaitText(t, "Receipt from 鞍山恒达重工", "104442.00")
	scr.Retype("50000")
	scr.Send(tab, ctrlU)
	scr.Type("2099-01-01")
	scr.Send(ctrlS)
	scr.WaitText(t, "the date is in the future", "50000")
	scr.Retype(tuitest.Clock.Format("2006-01-02"))
	scr.Send(ctrlS)

	// Straight on to allocating it: more than the receipt is refused at the line.
	scr.WaitText(t, "Allocate receipt", "50,000.00 on account", "2100211130-01234567", "50000.00")
	scr.Retype("104442")
	scr.Send(ctrlS)
	scr.WaitText(t, "more than the receipt has left: 50000.00")
	scr.Retype("30000")
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
	scr.Retype("80000")
	scr.Send(ctrlS)
	scr.WaitText(t, "more than the invoice has open: at most 74442.00", "80000")
	scr.Retype("74442")
	scr.Send(ctrlS)
	scr.WaitText(t, "allocated", "125,558.00", "20,000.00")
	scr.Quit(t)
}
