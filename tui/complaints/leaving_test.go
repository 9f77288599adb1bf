package complaints_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// The quick form asks before it drops what was typed, as every form
// does; one opened with C from the customer list goes back there once
// the clerk confirms, not to the complaints.
func TestTeaComplaintFormAsksBeforeDroppingWhatWasTyped(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.Clerk, "zh", "screen.customers")
	scr.WaitText(t, "鞍山恒达")
	scr.Send(tuitest.Keys("Cashd\r\r1\r表面有锈")...)
	scr.WaitText(t, "记录投诉", "表面有锈")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃", "记录投诉", "表面有锈")
	scr.Send(tuitest.Keys("!")...) // any other key goes on typing
	scr.WaitText(t, "表面有锈!")
	scr.Send(tuitest.Key("esc"))
	scr.WaitText(t, "放弃已录入的内容?再按 esc 放弃")
	scr.Send(tuitest.Key("esc"))
	scr.WaitGone(t, "记录投诉")
	scr.WaitText(t, "鞍山恒达重工机械有限公司", "助记码")
	scr.Quit(t)
}
