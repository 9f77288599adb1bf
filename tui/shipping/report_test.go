package shipping_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestTeaOverridesReportWholeAndScrolls: at 120 columns the report shows
// each override's day (it was cut off the edge); in a short window the
// overrides beyond the first screenful are reached with the arrow keys.
func TestTeaOverridesReportWholeAndScrolls(t *testing.T) {
	f := tuitest.New(t)
	signedOrder(t, f)
	ctx := context.Background()
	clerk := f.Engine.Desk(f.Clerk)
	rows, err := clerk.OrdersToShip(ctx, store.Page{})
	if err != nil || len(rows) != 1 {
		t.Fatal(rows, err)
	}
	for i, reason := range []string{"第一次例外", "第二次例外"} {
		id := f.SignedOffNote(rows[0].ID, func(in *workflow.DeliveryInput) {
			if i == 0 {
				in.Lines[0].Quantity = "10"
			}
		})
		if _, err := clerk.RequestOverride(ctx, id, 0, reason); err != nil {
			t.Fatal(err)
		}
	}
	scr := shippingScreen(t, f, f.Clerk)
	scr.WaitText(t, "To draft")
	scr.Send(key('R'))
	scr.WaitText(t, "Overrides report", "第一次例外", "第二次例外", "made on")
	scr.Send(tea.WindowSizeMsg{Width: 120, Height: 7})
	scr.WaitGone(t, "第一次例外") // newest first: one row fits
	scr.Send(key('G'))
	scr.WaitText(t, "第一次例外")
	scr.Send(key('g'))
	scr.WaitText(t, "第二次例外")
	scr.Quit(t)
}
