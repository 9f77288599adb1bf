package returns_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
)

// TestReturnCreditKey: on a received return whose goods were invoiced,
// the clerk's c drafts the credit of what came back against the invoice
// (off invoiced only: the return already took the goods off shipped).
func TestReturnCreditKey(t *testing.T) {
	d := newDesk(t)
	ctx, clerk := d.Ctx, d.Engine.Desk(d.Clerk)
	inv, _ := d.invoicedAndBack("2")

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
