package complaints_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// A complaint routed to the warehouse waits in the warehouse's Review
// inbox, where enter opens it on the Complaints screen; resolved, it
// waits for its close in the supervisor's inbox, shown with what was
// done and the resolution, where a signs it off.
func TestComplaintInReview(t *testing.T) {
	d := newDesk(t)
	id, err := d.Engine.Desk(d.Clerk).RecordComplaint(d.Ctx, workflow.ComplaintInput{CustomerID: d.cust, Concerns: d.note.Ref,
		Type: "damage", Words: "两张板边角压坏"})
	d.Must(err)
	ref := d.complaints(t)[0].Ref

	wh := d.RunOn(t, d.wh, "zh", "screen.review")
	wh.WaitText(t, ref, "运输损坏 · 鞍山恒达")
	wh.Send(tuitest.Key("enter"))
	wh.WaitText(t, "投诉 "+ref, "两张板边角压坏", "运输损坏 → 仓库")
	wh.Send(tuitest.Keys("t拍照取证\r")...)
	wh.WaitText(t, "吴仓管: 拍照取证")
	wh.Quit(t)

	d.Must(d.Engine.Desk(d.wh).ResolveComplaint(d.Ctx, id, 0, workflow.ResolutionInput{Resolution: "allowance", Note: "让价 300 元"}))
	boss := d.RunOn(t, d.Supervisor, "zh", "screen.review")
	boss.WaitText(t, ref, "待结案")
	boss.Send(tuitest.Key("enter"))
	boss.WaitText(t, "两张板边角压坏", "让价 (吴仓管) 让价 300 元", "吴仓管: 拍照取证")
	boss.Send(tuitest.Keys("a\r")...)
	boss.WaitText(t, "没有待您审核的单据")
	boss.Quit(t)
	if x := d.complaints(t)[0]; x.Status != workflow.ComplaintClosed {
		t.Fatalf("signed off in Review: %s", x.Status)
	}
}

// Whoever resolved a complaint is not offered its close: opened from
// their inbox it shows no sign-off key, and a says why at once, with
// nothing typed for nothing.
func TestComplaintResolverNotOfferedTheClose(t *testing.T) {
	d := newDesk(t)
	li := d.AddUser("li", "李文", workflow.Clerk)
	id, err := d.Engine.Desk(d.Clerk).RecordComplaint(d.Ctx, workflow.ComplaintInput{CustomerID: d.cust, Concerns: d.note.Ref,
		Type: "billing", Words: "发票抬头错了"})
	d.Must(err)
	ref := d.complaints(t)[0].Ref
	d.Must(d.Engine.Desk(li).ResolveComplaint(d.Ctx, id, 0, workflow.ResolutionInput{Resolution: "explained", Note: "已重开"}))

	scr := d.RunOn(t, li, "zh", "screen.review")
	scr.WaitText(t, ref, "待结案")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "发票抬头错了", "已重开", "可执行:")
	for _, line := range strings.Split(scr.Text(), "\n") {
		if strings.Contains(line, "可执行:") && strings.Contains(line, "a ") {
			t.Fatalf("the resolver is offered the close: %s", line)
		}
	}
	scr.Send(tuitest.Keys("a")...)
	scr.WaitText(t, "处理人不能为自己的处理结果结案")
	scr.Quit(t)
	if x := d.complaints(t)[0]; x.Status != workflow.ComplaintResolved {
		t.Fatalf("after the resolver's a: %s", x.Status)
	}
}
