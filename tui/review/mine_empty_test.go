package review_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// The "mine" view with nothing of the user's waiting says so, in each
// language, and not that nothing waits for their sign-off.
func TestMineViewSaysNothingOfYoursWaits(t *testing.T) {
	f := tuitest.New(t)
	for _, tc := range []struct{ lang, heading, empty string }{
		{"en", "Mine, waiting for others (0)", "nothing of yours waits for others"},
		{"zh", "我制作、待他人审核(0)", "没有您制作、待他人审核的单据"},
	} {
		scr := tuitest.Run(t, f.App(f.Supervisor, tc.lang))
		scr.Send(key('9'))
		scr.Send(key('m'))
		scr.WaitText(t, tc.heading, tc.empty)
		scr.Quit(t)
	}
}
