package complaints_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A complaint's life at the real program's keys: the supervisor, on the
// phone at the customer list, records it with C in a few keys; it is
// routed to the warehouse; a clerk logs an action, is refused a
// resolution left unpicked (the note typed kept), resolves it, and is
// refused its close, as is its maker; a second clerk closes it and
// records the follow-up call.
func TestComplaintLifeAtTheKeys(t *testing.T) {
	d := newDesk(t)
	call := d.call()
	if n := tuitest.KeysBeyondData(call); n >= 12 {
		t.Fatalf("recording a complaint takes %d keys beyond what is typed", n)
	}
	boss := d.RunOn(t, d.Supervisor, "zh", "screen.customers")
	boss.WaitText(t, "鞍山恒达")
	boss.Send(tuitest.StrokeKeys(call)...)
	boss.WaitText(t, "投诉已记录", "少发", "仓库", d.note.Ref, "少了一捆")
	xs := d.complaints(t)
	if len(xs) != 1 || xs[0].RouteRole != string(workflow.Warehouse) || xs[0].Type != "short" || xs[0].Channel != "phone" {
		t.Fatalf("recorded: %+v", xs)
	}
	ref := xs[0].Ref
	boss.Quit(t)

	clerk := d.RunOn(t, d.Clerk, "zh", "screen.complaints")
	clerk.WaitText(t, ref)
	clerk.Send(tuitest.Keys("\rt复磅,确实少 0.2 吨\r")...)
	clerk.WaitText(t, "处理已记录", "王丽: 复磅,确实少 0.2 吨", "处理中")
	clerk.Send(tuitest.Keys("r\t补发 0.2 吨")...)
	clerk.Send(tuitest.Key("ctrl+s"))
	clerk.WaitText(t, "结案须填写处理结果", "补发 0.2 吨")
	clerk.Send(tuitest.Key("right"), tuitest.Key("right"), tuitest.Key("ctrl+s")) // the focus is at the refused field
	clerk.WaitText(t, "待另一人复核结案", "待结案", "换货/补发")
	clerk.Send(tuitest.Keys("c")...)
	clerk.WaitText(t, "处理人不能为自己的处理结果结案")
	clerk.Quit(t)

	boss = d.RunOn(t, d.Supervisor, "zh", "screen.complaints")
	boss.WaitText(t, ref)
	boss.Send(tuitest.Keys("\rc")...)
	boss.WaitText(t, "须由他人审核", "待结案")
	boss.Quit(t)

	second := d.RunOn(t, d.clerk2, "zh", "screen.complaints")
	second.WaitText(t, ref)
	second.Send(tuitest.Keys("\rc")...)
	second.WaitText(t, "已结案", "结案 ")
	second.Send(tuitest.Keys("fy\r很满意,补货很快\r")...)
	second.WaitText(t, "回访结果已记入客户档案", "满意", "很满意,补货很快")
	second.Quit(t)

	file := d.RunOn(t, d.Clerk, "zh", "screen.customers")
	file.WaitText(t, "鞍山恒达")
	file.Send(tuitest.Key("enter"))
	file.WaitText(t, "售后记录(投诉 1,回访 1)", ref, "少发", "已结案", "换货/补发", "投诉回访", "很满意,补货很快")
	file.Quit(t)
	if x := d.complaints(t)[0]; x.Status != workflow.ComplaintClosed || !strings.Contains(x.Resolution, "replaced") {
		t.Fatalf("after its life: %+v", x)
	}
}
