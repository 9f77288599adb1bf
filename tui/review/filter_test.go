package review_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest"
)

// The inbox filters as keys come: "9 / <a customer's code> enter a
// enter" approves that customer's terms change and no other, typed in one
// burst (before the inbox has loaded) as typed slowly; the digits of the
// code go into the filter, not to the screens they name. esc then drops
// the filter and the other two show again.
func TestFilterTheInboxThenApproveInOneBurst(t *testing.T) {
	for _, burst := range []bool{false, true} {
		f := tuitest.New(t)
		ids := pendingThree(t, f)
		file, err := f.Engine.Desk(f.Clerk).CustomerFile(context.Background(), ids[1])
		if err != nil {
			t.Fatal(err)
		}
		scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
		keys := []tea.Msg{key('9'), key('/')}
		for _, r := range file.Code {
			keys = append(keys, key(r))
		}
		keys = append(keys, tuitest.Key("enter"), key('a'), tuitest.Key("enter"))
		if burst {
			scr.Send(keys...)
		} else {
			scr.Send(keys[:2]...)
			scr.WaitText(t, "待我审核(3)")
			scr.Send(keys[2 : len(keys)-3]...)
			scr.WaitText(t, "待我审核(1)", file.Code, threeCustomers[1])
			scr.Send(keys[len(keys)-3:]...)
		}
		scr.WaitText(t, "已审核通过", "待我审核(0)")
		scr.Send(tuitest.Key("esc"))
		scr.WaitText(t, "待我审核(2)", threeCustomers[0], threeCustomers[2])
		scr.Quit(t)
		wantApprovedOnly(t, f, ids, 1, burst)
	}
}
