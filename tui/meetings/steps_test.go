package meetings_test

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// noItems writes minutes whose one decision needs no action item, made
// by the clerk, and returns them.
func (d desk) noItems(t *testing.T) int64 {
	t.Helper()
	doc, err := d.Engine.Desk(d.Clerk).CreateMeeting(d.Ctx, workflow.MeetingInput{HeldOn: "2026-11-25", Place: "二楼会议室",
		Attendees: "刘洋、王丽", Decisions: "下周起板材报价按周调价"})
	d.Must(err)
	return doc
}

// status is the minutes' status now, and the comment of their last move.
func (d desk) status(t *testing.T, doc int64) (string, string) {
	t.Helper()
	dd, err := d.Engine.Desk(d.Supervisor).Document(d.Ctx, doc)
	d.Must(err)
	comment := ""
	if n := len(dd.Transitions); n > 0 {
		comment = dd.Transitions[n-1].Comment
	}
	return dd.Status, comment
}

// Minutes that need no action item: their maker opens them and submits
// them with s, typed at once with the enter that opens them; they wait
// in the supervisor's Review inbox, who signs them off there.
func TestMinutesWithNoItemSubmittedAndSignedOff(t *testing.T) {
	d := newDesk(t)
	doc := d.noItems(t)
	scr := d.RunOn(t, d.Clerk, "zh", "screen.meetings")
	scr.WaitText(t, "HY2026-000001")
	scr.Send(tuitest.Keys("\rs")...)
	scr.WaitText(t, "纪要已提交,等待他人确认", "会议纪要 HY2026-000001  待确认", "1. 下周起板材报价按周调价  [无行动事项]")
	scr.Quit(t)
	if st, _ := d.status(t, doc); st != workflow.MeetingDone {
		t.Fatalf("submitted, the minutes are %s", st)
	}
	app := d.OpenOn(d.Supervisor, "zh", "screen.review", 80, 24)
	tuitest.MustShow(t, app, "会议纪要       HY2026-000001", "待确认")
	tuitest.Press(app, tuitest.Keys("\r")...)
	tuitest.Press(app, tuitest.Keys("a\r")...)
	tuitest.MustShow(t, app, "HY2026-000001 已审核通过", "没有待您审核的单据")
	if st, _ := d.status(t, doc); st != workflow.MeetingClosed {
		t.Fatalf("signed off, the minutes are %s", st)
	}
}

// The supervisor sends minutes waiting for the sign-off back and then
// voids them, each with the reason typed in the prompt under them; the
// keys of each come in one burst, ahead of the screen. esc leaves the
// prompt with nothing done.
func TestSupervisorSendsBackAndVoidsMinutes(t *testing.T) {
	d := newDesk(t)
	doc := d.noItems(t)
	d.Must(d.Engine.Desk(d.Clerk).Act(d.Ctx, doc, workflow.ActionSubmit, ""))
	scr := d.RunOn(t, d.Supervisor, "zh", "screen.meetings")
	scr.WaitText(t, "HY2026-000001")
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "会议纪要 HY2026-000001  待确认", "b 退回", "x 作废")
	scr.Send(tuitest.Keys("x")...)
	scr.WaitText(t, "作废原因")
	scr.Send(tuitest.Key("esc"))
	scr.WaitGone(t, "作废原因")
	if st, _ := d.status(t, doc); st != workflow.MeetingDone {
		t.Fatalf("after esc the minutes are %s", st)
	}

	scr.Send(append(tuitest.Keys("b调价范围还没定"), tuitest.Key("enter"))...)
	scr.WaitText(t, "纪要已退回执行", "会议纪要 HY2026-000001  执行中")
	if st, why := d.status(t, doc); st != workflow.MeetingOpen || why != "调价范围还没定" {
		t.Fatalf("sent back: %s %q", st, why)
	}
	scr.Send(append(tuitest.Keys("x会议取消,另行安排"), tuitest.Key("enter"))...)
	scr.WaitText(t, "纪要已作废", "会议纪要 HY2026-000001  已作废", "会议取消,另行安排")
	scr.Quit(t)
	if st, why := d.status(t, doc); st != workflow.MeetingVoid || why != "会议取消,另行安排" {
		t.Fatalf("voided: %s %q", st, why)
	}
}

// A rep is offered neither step on minutes they attended; x pressed
// anyway is refused with the workflow's reason, the minutes as they
// were.
func TestRepNotOfferedTheMinutesSteps(t *testing.T) {
	d := newDesk(t)
	doc := d.noItems(t)
	scr := d.RunOn(t, d.rep, "zh", "screen.meetings")
	scr.WaitText(t, "HY2026-000001")
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "会议纪要 HY2026-000001  执行中", "d 事项完成")
	for _, line := range strings.Split(scr.Text(), "\n") {
		if strings.Contains(line, "d 事项完成") && (strings.Contains(line, "x 作废") || strings.Contains(line, "s 提交")) {
			t.Fatalf("the rep is offered a step: %s", line)
		}
	}
	scr.Send(append(tuitest.Keys("x不开了"), tuitest.Key("enter"))...)
	scr.WaitText(t, "不开了", "此操作需要以下角色之一")
	scr.Quit(t)
	if st, _ := d.status(t, doc); st != workflow.MeetingOpen {
		t.Fatalf("voided by a rep: %s", st)
	}
}
