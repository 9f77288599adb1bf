package visits_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// x cancels a planned visit with the reason typed under it; once it is
// cancelled the line asking why goes, as every step's prompt does (it
// stayed, asking for the reason of a cancellation already made, enter
// there refused as the visit closed).
func TestCancelledVisitClosesItsReasonLine(t *testing.T) {
	d := newDesk(t)
	scr := d.agendaWithAVisit(t)
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "BF2026-000001", "planned")
	scr.Send(tuitest.Keys("xclient away\r")...)
	scr.WaitText(t, "visit cancelled", "Cancelled: client away")
	scr.WaitGone(t, "Why it is cancelled")
	scr.Quit(t)
	if vs := d.visits(t, d.rep); len(vs) != 1 || vs[0].Status != "cancelled" {
		t.Fatalf("visits: %+v", vs)
	}
}
