package returns_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
)

// The credit drafted from a received return (2 t back) is typed over
// in the real program (teatest) before it goes for the check: R on its
// invoice opens it as drafted; more than came back is refused at the
// field with the typed text kept; 1.5 t is saved and submitted.
func TestEditTheReturnsDraftedCreditInTheProgram(t *testing.T) {
	d := newDesk(t)
	ctx, clerk := d.Ctx, d.Engine.Desk(d.Clerk)
	inv, back := d.invoicedAndBack("2")
	ids, err := clerk.DraftReturnCredit(ctx, back)
	d.Must(err)

	scr := d.RunOn(t, d.Clerk, "en", "screen.invoices")
	scr.Send(common.OpenMsg{Screen: "screen.invoices", DocID: inv})
	scr.WaitText(t, "26210000000000112233", "R edit drafted credit")
	scr.Send(tuitest.Keys("R")...)
	scr.WaitText(t, "Edit credit HZ2026-000001 of invoice 26210000000000112233")
	scr.Send(tuitest.Keys("\r\r2.5")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "at most 2", "2.5")
	scr.Send(tuitest.Key("backspace"), tuitest.Key("backspace"), tuitest.Key("backspace"))
	scr.Send(tuitest.Keys("1.5")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "credit saved as edited and submitted for check")
	scr.Quit(t)
	c, err := clerk.Credit(ctx, ids[0])
	d.Must(err)
	if c.Status != "submitted" || len(c.Lines) != 1 || c.Lines[0].Qty != store.Milli(1500) {
		t.Fatalf("the credit after the edit: %s %+v", c.Status, c.Lines)
	}
}
