package visits_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
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

// The month's counts say "—" for the share reached of a person with no
// visit reviewed yet, as the Statistics screen does: 0.0% said every
// goal was missed.
func TestCountsWithNoneReviewedHaveNoShare(t *testing.T) {
	d := newDesk(t)
	scr := d.agendaWithAVisit(t)
	scr.Send(tuitest.Keys("t")...)
	scr.WaitText(t, "Visits 2026-11", "Total")
	for _, who := range []string{"刘洋", "Total"} {
		line := screenrig.LineWith(scr.Text(), who)
		if !strings.Contains(line, "—") || strings.Contains(line, "%") {
			t.Errorf("%s's counts with none reviewed: %q", who, line)
		}
	}
	scr.Quit(t)
}
