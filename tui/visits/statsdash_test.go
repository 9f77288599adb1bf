package visits_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/tui/tuitest/screenrig"
)

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
