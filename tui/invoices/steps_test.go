package invoices_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
)

// TestTeaMailOnDraftRefused: `m` on a draft request says the step is not
// possible now instead of opening a mailing form whose save is refused;
// the detail stays.
func TestTeaMailOnDraftRefused(t *testing.T) {
	f := tuitest.New(t)
	number := shippedOrder(t, f)
	scr := invoicesScreen(t, f, f.Clerk)
	scr.WaitText(t, "To invoice", number)
	scr.Send(key('n'))
	scr.WaitText(t, "Invoice request", "25.35t")
	scr.Send(ctrlS)
	scr.WaitText(t, "invoice KP", "draft")
	scr.Send(key('m'))
	scr.WaitText(t, "not possible in the document's current status")
	if strings.Contains(scr.Text(), "Mailing of") {
		t.Fatalf("a mailing form opened on a draft:\n%s", scr.Text())
	}
	scr.Send(key('i'))
	scr.WaitText(t, "invoice KP", "draft")
	if strings.Contains(scr.Text(), "Issue KP") {
		t.Fatalf("the issue form opened for a clerk on a draft:\n%s", scr.Text())
	}
	scr.Quit(t)
}
