package meetings_test

import (
	"strings"
	"testing"

	"orderdesk/tui/common"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The supervisor writes the minutes at the real program's keys: an
// attendee who is no one at the desk is refused at the field with
// everything typed kept and nothing saved; put right, they save. An
// action item with no owner and no due day is refused at both fields,
// what to do kept, nothing saved; with an owner and a day past, at the
// day; with a day ahead, it saves and shows open, its decision open.
func TestSupervisorWritesMinutesWithAnActionItem(t *testing.T) {
	d := newDesk(t)
	scr := d.RunOn(t, d.Supervisor, "zh", "screen.meetings")
	scr.WaitText(t, "没有会议纪要")
	scr.Send(tuitest.Keys("n11-20\t二楼会议室\t刘洋、王丽、老周\t报价本周发出;月底前催款")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "没有叫 老周 的同事", "请先改正标出的字段", "二楼会议室", "报价本周发出;月底前催款")
	if ms, _ := d.Engine.Desk(d.Supervisor).Meetings(d.Ctx, workflow.MeetingFilter{}); len(ms) != 0 {
		t.Fatalf("minutes written from a refused form: %+v", ms)
	}
	// The focus is at the problem: typed over, the minutes save.
	scr.Send(tuitest.Keys("刘洋、王丽")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "会议纪要已保存", "会议纪要 HY2026-000001", "刘洋、王丽", "1. 报价本周发出  [无行动事项]", "2. 月底前催款")
	scr.Send(tuitest.Keys("a\t\t\t发报价给营口新港")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "必填", "请先改正标出的字段", "发报价给营口新港")
	if m := d.meeting(t, d.Supervisor); len(m.Items) != 0 {
		t.Fatalf("an item written from a refused form: %+v", m.Items)
	}
	// The focus is at the owner: → picks 刘洋, then the day. Yesterday
	// is refused at the day, everything kept; typed over, it saves.
	scr.Send(tuitest.Keys("\x1b[C\t2026-11-25")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "完成期限  2026-11-25   完成期限不能早于今天", "刘洋", "发报价给营口新港")
	if m := d.meeting(t, d.Supervisor); len(m.Items) != 0 {
		t.Fatalf("an item due yesterday written: %+v", m.Items)
	}
	scr.Send(tuitest.Key("ctrl+u"))
	scr.Send(tuitest.Keys("11-30")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "行动事项已添加", "1. 报价本周发出  [执行中]", "刘洋  2026-11-30  发报价给营口新港  未完成")
	scr.Quit(t)
	if m := d.meeting(t, d.rep); len(m.Items) != 1 || m.Items[0].OwnerID != d.rep.ID || m.Items[0].DueOn != "2026-11-30" {
		t.Fatalf("the rep's minutes: %+v", m)
	}
}

// An action item due waits in its owner's Review inbox (nobody else's);
// enter opens its minutes, where the owner closes it with what was done:
// it leaves the inbox, shows done late, and the minutes wait for their
// sign-off.
func TestActionItemWaitsInReviewUntilClosed(t *testing.T) {
	d := newDesk(t)
	desk := d.Engine.Desk(d.Supervisor)
	d.before(6, func() { // the minutes of the 20th, written that day
		doc, err := desk.CreateMeeting(d.Ctx, workflow.MeetingInput{HeldOn: "2026-11-20", Place: "二楼会议室", Attendees: "刘洋、赵主管",
			Decisions: "月底前催款"})
		d.Must(err)
		_, err = desk.AddActionItem(d.Ctx, doc, workflow.ActionItemInput{DecisionNo: 1, OwnerID: d.rep.ID, DueOn: "2026-11-24", What: "电话催款"})
		d.Must(err)
		_, err = desk.AddActionItem(d.Ctx, doc, workflow.ActionItemInput{DecisionNo: 1, OwnerID: d.rep.ID, DueOn: "2026-11-27", What: "寄催款函"})
		d.Must(err)
	})
	scr := d.RunOn(t, d.rep, "zh", "screen.review")
	scr.WaitText(t, "会议事项(1)", "HY2026-000001", "电话催款", "2026-11-24")
	if got := scr.Text(); contains(got, "寄催款函") {
		t.Fatalf("an item due tomorrow is in the inbox:\n%s", got)
	}
	scr.Send(tuitest.Keys("\r")...)
	scr.WaitText(t, "会议纪要 HY2026-000001", "电话催款  逾期未完成", "[逾期]")
	scr.Send(tuitest.Keys("d\t已打电话,月底付")...)
	scr.Send(tuitest.Key("ctrl+s"))
	scr.WaitText(t, "事项已完成", "电话催款  逾期完成", "2026-11-26 刘洋 完成:已打电话,月底付", "[执行中]")
	scr.Send(common.SwitchScreenMsg{Screen: "screen.review"})
	scr.WaitGone(t, "会议事项")
	scr.Quit(t)
	boss := d.OpenOn(d.Supervisor, "zh", "screen.review", 80, 24)
	if got := tuitest.Text(boss); contains(got, "会议事项") {
		t.Fatalf("the rep's item in the supervisor's inbox:\n%s", got)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
