package returns_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A clerk mistyped a drafted return's quantity (2.5 t for 1.5): in the
// real program (teatest) e on the draft opens its form as saved; more
// than can come back is refused at the field with the typed text kept;
// the quantity typed again is saved, and the draft shows it; once
// submitted, e is no longer offered.
func TestEditADraftedReturnInTheProgram(t *testing.T) {
	d := newDesk(t)
	clerk := d.Engine.Desk(d.Clerk)
	in, _, err := clerk.NewReturnInput(d.Ctx, d.note.DocID)
	d.Must(err)
	in.Reason, in.Lines[0].Quantity = "锈蚀拒收", "2.5"
	id, err := clerk.CreateReturn(d.Ctx, in)
	d.Must(err)

	scr := d.RunOn(t, d.Clerk, "en", "screen.returns")
	scr.WaitText(t, "TH2026-000001")
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "TH2026-000001", "e edit")
	scr.Send(tuitest.Keys("e")...)
	scr.WaitText(t, "Edit return TH2026-000001", "锈蚀拒收", "2.5")
	scr.Send(tuitest.Keys("\r\r30")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "more than can come back: at most 25.35", " 30 ", "锈蚀拒收")
	// The refused cell keeps the focus and the text: rubbed out, typed again.
	scr.Send(tuitest.Key("backspace"), tuitest.Key("backspace"))
	scr.Send(tuitest.Keys("1.5")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "return saved as edited: TH2026-000001", "1.5t")
	// Submitted, it is no longer offered for editing.
	scr.Send(tuitest.Keys("s")...)
	scr.WaitGone(t, "e edit")
	scr.Quit(t)
	rd, err := d.Engine.Desk(d.Supervisor).Return(d.Ctx, id)
	d.Must(err)
	if r := rd.Return; rd.Status != workflow.ReturnSubmitted || len(r.Lines) != 1 || r.Lines[0].Qty != store.Milli(1500) {
		t.Fatalf("saved as %s %+v", rd.Status, r.Lines)
	}
}
