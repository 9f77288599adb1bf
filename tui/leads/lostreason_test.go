package leads_test

import (
	"testing"

	"orderdesk/tui/tuitest"
)

// A lead marked lost with no reason is refused at the reason, said
// beside it, with the lead still open; the reason typed then loses it.
func TestLostWithoutAReasonSaysSoAtTheReason(t *testing.T) {
	d := newDesk(t)
	_, _, err := d.Engine.Desk(d.rep).CreateLead(d.Ctx, tuitestLead())
	d.Must(err)
	scr := d.RunOn(t, d.rep, "zh", "screen.leads")
	scr.WaitText(t, "营口新港机械制造有限公司")
	scr.Send(tuitest.Keys("\rl")...)
	scr.WaitText(t, "营口新港机械制造有限公司 流失")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "营口新港机械制造有限公司 流失", "必填")
	if ls := d.leads(t, d.rep); ls[0].Status != "new" {
		t.Fatalf("lost without a reason: %+v", ls[0])
	}
	scr.Send(tuitest.Keys("对方已有长期供应商\r")...)
	scr.WaitText(t, "已流失", "对方已有长期供应商")
	scr.Quit(t)
}
