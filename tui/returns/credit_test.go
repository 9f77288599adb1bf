package returns_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestReturnCreditKey: on a received return whose goods were invoiced,
// the clerk's c drafts the credit of what came back against the invoice
// (off invoiced only: the return already took the goods off shipped).
func TestReturnCreditKey(t *testing.T) {
	d := newDesk(t)
	ctx, clerk, boss := d.Ctx, d.Engine.Desk(d.Clerk), d.Engine.Desk(d.Supervisor)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	in, _, err := clerk.NewInvoiceInput(ctx, d.order)
	must(err)
	inv, err := clerk.CreateInvoice(ctx, in)
	must(err)
	must(clerk.SubmitInvoice(ctx, inv, 0))
	must(boss.CheckInvoice(ctx, inv, 0))
	must(d.Engine.Desk(d.Finance).IssueInvoice(ctx, inv, 0, workflow.IssueInput{InvoiceNo: "26210000000000112233"}))
	rin, _, err := clerk.NewReturnInput(ctx, d.note.DocID)
	must(err)
	rin.Reason, rin.Lines[0].Quantity = "锈蚀", "2"
	back, err := clerk.CreateReturn(ctx, rin)
	must(err)
	must(clerk.SubmitReturn(ctx, back, 0))
	must(boss.CheckReturn(ctx, back, 0))
	must(d.Engine.Desk(d.wh).ReceiveReturn(ctx, back, 0))

	app := open(d.Fixture, d.Clerk, "en", "screen.returns", 120, 40)
	burst(app, tuitest.Keys("]]\r")...)
	mustShow(t, app, "c credit")
	burst(app, tuitest.Keys("c")...)
	mustShow(t, app, "the credit of the goods back is drafted")
	cs, err := clerk.Credits(ctx, store.CreditFilter{})
	if err != nil || len(cs) != 1 || cs[0].Basis != store.CreditReturn || cs[0].InvoiceID != inv {
		t.Fatalf("credits %+v %v", cs, err)
	}
}
