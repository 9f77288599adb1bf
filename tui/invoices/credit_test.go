package invoices_test

import (
	"context"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// issuedInvoice ships an order and takes its invoice through the check
// and finance's issue; it returns the invoice's id.
func issuedInvoice(t *testing.T, f *tuitest.Fixture) int64 {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	shippedOrder(t, f)
	clerk := f.Engine.Desk(f.Clerk)
	orders, err := clerk.OrdersToInvoice(ctx, store.Page{Limit: 5})
	must(err)
	in, _, err := clerk.NewInvoiceInput(ctx, orders[0].OrderID)
	must(err)
	id, err := clerk.CreateInvoice(ctx, in)
	must(err)
	must(clerk.SubmitInvoice(ctx, id, 0))
	must(f.Engine.Desk(f.Supervisor).CheckInvoice(ctx, id, 0))
	must(f.Engine.Desk(f.Finance).IssueInvoice(ctx, id, 0, workflow.IssueInput{InvoiceNo: "26210000000000112233"}))
	return id
}

// TestTeaCreditAllowance: on an issued invoice the clerk drafts an
// allowance (more than the invoice is refused at the amount, the typed
// text kept), which goes to the check; a supervisor checks it; finance
// issues it with its number, and the invoice shows it and what is open.
func TestTeaCreditAllowance(t *testing.T) {
	f := tuitest.New(t)
	inv := issuedInvoice(t, f)

	scr := invoicesScreen(t, f, f.Clerk)
	scr.WaitText(t, "To invoice")
	scr.Send(right, right, right, right)
	scr.WaitText(t, "26210000000000112233", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "issued", "104,442.00")
	scr.Send(key('r'))
	// Nothing came back on a return note: no goods to credit, only an allowance.
	scr.WaitText(t, "Credit of invoice 26210000000000112233", "up to 104,442.00", "20×1500×6000  0t")
	scr.Type("表面锈蚀 协商折让")
	scr.Send(tab)
	scr.Type("200000")
	scr.Send(ctrlS)
	scr.WaitText(t, "more than is left to credit: at most 104442.00", "200000", "表面锈蚀")
	scr.Retype("4442")
	scr.Send(ctrlS)
	scr.WaitText(t, "credit submitted for check", "Credits", "allowance", "-4,442.00", "waiting for check")
	scr.Quit(t)

	ctx := context.Background()
	cs, err := f.Engine.Desk(f.Supervisor).Credits(ctx, store.CreditFilter{InvoiceID: inv})
	if err != nil || len(cs) != 1 {
		t.Fatalf("credits %v %v", cs, err)
	}
	if err := f.Engine.Desk(f.Supervisor).CheckCredit(ctx, cs[0].DocID, 0); err != nil {
		t.Fatal(err)
	}

	scr = invoicesScreen(t, f, f.Finance)
	scr.WaitText(t, "To issue")
	scr.Send(right, right)
	scr.WaitText(t, "26210000000000112233", "rows 1–1")
	scr.Send(enter)
	scr.WaitText(t, "waiting for finance", "-4,442.00")
	scr.Send(key('I'))
	scr.WaitText(t, "Issue credit HZ")
	scr.Type("26210000000000112299")
	scr.Send(tab, ctrlU)
	scr.Type(time.Now().Format("2006-01-02")) // the day the invoice was issued on, by the desk's clock
	scr.Send(ctrlS)
	scr.WaitText(t, "issued  26210000000000112299", "open 100,000.00")
	scr.Quit(t)
}
