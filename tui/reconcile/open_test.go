package reconcile

import (
	"testing"

	"orderdesk/tui/common"
)

// A task opened from the Review inbox shows today's ladder with the
// cursor on its invoice, whatever month and view the screen was on.
func TestOpenMsgFocusesTheInvoice(t *testing.T) {
	d := lateInvoicesDesk(t)
	ctx, eng := d.Ctx, d.Engine
	clerk := demoUser(d, "wangli")
	tasks, err := eng.Desk(clerk).MyCollectionTasks(ctx, "")
	if err != nil || len(tasks) < 2 {
		t.Fatalf("clerk's tasks: %d %v", len(tasks), err)
	}
	want := tasks[len(tasks)-1]
	s := newLadder(t, d, clerk, "en")
	var status []string
	drive(t, s, s.Init(), &status)
	s.month = "2026-09" // elsewhere: an older month on the reconciliation view
	_, cmd := s.Update(common.OpenMsg{Screen: "screen.reconciliation", DocID: want.InvoiceID})
	drive(t, s, cmd, &status)
	if s.view != viewLadder || s.month != "2026-11" {
		t.Fatalf("view %d month %s, want the ladder of 2026-11", s.view, s.month)
	}
	if s.cursor.Pos >= len(s.coll.Items) || s.coll.Items[s.cursor.Pos].InvoiceID != want.InvoiceID {
		t.Fatalf("cursor %d not on %s", s.cursor.Pos, want.InvoiceNo)
	}
	if len(status) != 0 {
		t.Fatalf("status %v", status)
	}
}
