package review_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// TestInboxShowsWholeNumbers: a supervisor tells documents apart by their
// numbers (BJ2026-000072, LNSYNO.0001/2), so the inbox never cuts one.
func TestInboxShowsWholeNumbers(t *testing.T) {
	f := tuitest.New(t)
	_, _, buyer := priceRequest(t, f)
	scr := tuitest.Run(t, f.App(buyer, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "单价申请", "DJ2026-000001 ")
	scr.Quit(t)
}
