package meetings_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// Once its last action item is closed, the minutes wait in the
// supervisor's Review inbox for the sign-off that closes them; signed
// there, they are closed and leave it.
func TestClosedItemsSendTheMinutesForSignOff(t *testing.T) {
	d := newDesk(t)
	desk := d.Engine.Desk(d.Clerk)
	var doc, item int64
	d.before(6, func() { // the minutes of the 20th, written that day
		var err error
		doc, err = desk.CreateMeeting(d.Ctx, workflow.MeetingInput{HeldOn: "2026-11-20", Attendees: "刘洋、王丽", Decisions: "月底前催款"})
		d.Must(err)
		item, err = desk.AddActionItem(d.Ctx, doc, workflow.ActionItemInput{DecisionNo: 1, OwnerID: d.rep.ID, DueOn: "2026-11-24", What: "电话催款"})
		d.Must(err)
	})
	d.Must(d.Engine.Desk(d.rep).CloseActionItem(d.Ctx, item, "已打电话"))
	app := d.OpenOn(d.Supervisor, "zh", "screen.review", 80, 24)
	tuitest.MustShow(t, app, "会议纪要       HY2026-000001", "待确认")
	tuitest.Press(app, tuitest.Keys("\r")...)
	tuitest.MustShow(t, app, "刘洋  事项全部完成", "a 通过 / b 退回")
	tuitest.Press(app, tuitest.Keys("a\r")...)
	tuitest.MustShow(t, app, "HY2026-000001 已审核通过", "没有待您审核的单据")
	m, err := d.Engine.Desk(d.Supervisor).Meeting(d.Ctx, doc)
	d.Must(err)
	if m.Status != workflow.MeetingClosed {
		t.Fatalf("signed off, the minutes are %s", m.Status)
	}
}
