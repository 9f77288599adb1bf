package materials_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The receipt's form opens on its day, today's, selected as a filled
// field the focus lands on is: a day typed replaces it (it was typed on
// after it, 2026-11-2611-25, and refused as no day).
func TestReceiptDayTypedReplacesToday(t *testing.T) {
	d := newDesk(t)
	d.send(t, d.Clerk, "2026-11-20", "SF1234567890123")
	scr := d.RunOn(t, d.Clerk, "en", "screen.materials")
	scr.WaitText(t, "JC2026-000001")
	scr.Send(tuitest.Keys("\rc")...)
	scr.WaitText(t, "Receipt of JC2026-000001", "2026-11-26")
	scr.Send(tuitest.Keys("11-25")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "2026-11-25", "张经理")
	scr.Quit(t)
	if ms := d.rows(t, d.Clerk); len(ms) != 1 || ms[0].Status != workflow.MaterialReceived || ms[0].ReceivedOn != "2026-11-25" {
		t.Fatalf("the register: %+v", ms)
	}
}
