package workflow

import (
	"testing"
	"time"

	"orderdesk/store"
)

// weekly is the minutes of a sales meeting held on 2026-11-02 with two
// decisions.
func weekly() MeetingInput {
	return MeetingInput{HeldOn: "2026-11-02", Place: "二楼会议室", Attendees: "zhao、liu, zheng",
		Decisions: "沈重的板材报价本周内发出；大连造船厂的欠款月底前收回"}
}

func (p *pfix) meeting(by store.User) int64 {
	p.t.Helper()
	id, err := p.e.Desk(by).CreateMeeting(p.ctx, weekly())
	p.must(err)
	return id
}

func (p *pfix) item(by store.User, doc int64, in ActionItemInput) int64 {
	p.t.Helper()
	id, err := p.e.Desk(by).AddActionItem(p.ctx, doc, in)
	p.must(err)
	return id
}

// The minutes' form and an action item are refused at each field that
// is wrong, and nothing is written: an unknown attendee, no decision,
// an item with no owner and no due day.
func TestMeetingFormsRefusedAtTheirFields(t *testing.T) {
	p := newPricing(t)
	in := weekly()
	in.Attendees, in.Decisions, in.HeldOn = "zhao、老周", " ; ", ""
	_, err := p.e.Desk(p.clerk).CreateMeeting(p.ctx, in)
	fe := fieldErrs(t, err)
	if e := fe.For(FAttendees); e == nil || e.Code != UnknownPerson || e.Want != "老周" {
		t.Errorf("attendees: %+v", fe)
	}
	if fe.For(FDecisions) == nil || fe.For(FHeldOn) == nil {
		t.Errorf("no decision, no day: %+v", fe)
	}
	doc := p.meeting(p.clerk)
	_, err = p.e.Desk(p.clerk).AddActionItem(p.ctx, doc, ActionItemInput{DecisionNo: 1, What: "发报价"})
	fe = fieldErrs(t, err)
	if fe.For(FOwner) == nil || fe.For(FItemDue) == nil || fe.For(FWhat) != nil {
		t.Errorf("an item with no owner or due day: %+v", fe)
	}
	m, err := p.e.Desk(p.clerk).Meeting(p.ctx, doc)
	p.must(err)
	if len(m.Items) != 0 || len(m.Attendees) != 3 || len(m.Decisions) != 2 {
		t.Fatalf("minutes: %+v", m)
	}
	if ms, _ := p.e.Desk(p.clerk).Meetings(p.ctx, MeetingFilter{}); len(ms) != 1 {
		t.Errorf("a refused form wrote minutes: %+v", ms)
	}
}

// An open action item waits in its owner's inbox from its due day (not
// before, nobody else's) and leaves it when closed with what was done;
// the decision shows late while one is past its day, done once all are.
// The last one closed sends the minutes for a sign-off that neither
// their maker nor one who closed an item may give.
func TestActionItemsComeAndGoOnTheirDay(t *testing.T) {
	p := newPricing(t)
	doc := p.meeting(p.clerk)
	a := p.item(p.clerk, doc, ActionItemInput{DecisionNo: 1, OwnerID: p.rep.ID, DueOn: "2026-11-05", What: "发报价给沈重"})
	b := p.item(p.clerk, doc, ActionItemInput{DecisionNo: 2, OwnerID: p.rep2.ID, DueOn: "2026-11-04", What: "催大连造船厂付款"})
	day := func(d int) { p.at(time.Date(2026, 11, d, 9, 0, 0, 0, cst)) }
	tasks := func(u store.User) []ActionTask {
		t.Helper()
		ts, err := p.e.Desk(u).MyActionTasks(p.ctx)
		p.must(err)
		return ts
	}
	day(4)
	if ts := tasks(p.rep); len(ts) != 0 {
		t.Errorf("before its due day: %+v", ts)
	}
	if ts := tasks(p.rep2); len(ts) != 1 || ts[0].ID != b || ts[0].Overdue != 0 {
		t.Errorf("due today, in its owner's inbox: %+v", ts)
	}
	day(5)
	if ts := tasks(p.rep); len(ts) != 1 || ts[0].ID != a {
		t.Errorf("on its due day: %+v", ts)
	}
	if ts := tasks(p.clerk); len(ts) != 0 {
		t.Errorf("another's item in the clerk's inbox: %+v", ts)
	}
	m, err := p.e.Desk(p.rep).Meeting(p.ctx, doc)
	p.must(err)
	if s1, s2 := DecisionState(m, 1, "2026-11-05"), DecisionState(m, 2, "2026-11-05"); s1 != DecisionOpen || s2 != DecisionLate {
		t.Errorf("decisions: %s %s", s1, s2)
	}
	if err := p.e.Desk(p.rep).CloseActionItem(p.ctx, b, "打过电话了"); !refusedWith(err, NotYourAction) {
		t.Errorf("a rep closes another's item: %v", err)
	}
	if err := p.e.Desk(p.rep).CloseActionItem(p.ctx, a, " "); err == nil {
		t.Error("closed with nothing said done")
	}
	p.must(p.e.Desk(p.rep).CloseActionItem(p.ctx, a, "报价已发,对方在比价"))
	if ts := tasks(p.rep); len(ts) != 0 {
		t.Errorf("closed, still in the inbox: %+v", ts)
	}
	day(6)
	p.must(p.e.Desk(p.rep2).CloseActionItem(p.ctx, b, "已收回 50 万"))
	m, err = p.e.Desk(p.clerk).Meeting(p.ctx, doc)
	p.must(err)
	if m.Status != MeetingDone || DecisionState(m, 1, "2026-11-06") != DecisionDone || !ItemLate(m.Items[1], "2026-11-06") {
		t.Fatalf("all done: %+v", m)
	}
	if m.Items[0].DoneBy != "liu" || m.Items[0].DoneOn != "2026-11-05" {
		t.Errorf("who and when: %+v", m.Items[0])
	}
	if err := p.e.Desk(p.clerk).Act(p.ctx, doc, ActionApprove, ""); !refusedWith(err, MakerCannotSignOff) {
		t.Errorf("closed by its maker: %v", err)
	}
	if err := p.e.Desk(p.rep).Act(p.ctx, doc, ActionApprove, ""); !refusedWith(err, RoleNotAllowed) {
		t.Errorf("closed by a rep: %v", err)
	}
	p.must(p.e.Desk(p.boss).Act(p.ctx, doc, ActionApprove, ""))
	if _, err := p.e.Desk(p.clerk).AddActionItem(p.ctx, doc, ActionItemInput{DecisionNo: 1, OwnerID: p.rep.ID, DueOn: "11-09", What: "x"}); !refusedWith(err, MeetingNotOpen) {
		t.Errorf("an item added to closed minutes: %v", err)
	}
}

// A supervisor who closed an action item does not sign its minutes off;
// another does.
func TestMeetingCloserDidNoAction(t *testing.T) {
	p := newPricing(t)
	doc := p.meeting(p.rep)
	a := p.item(p.rep, doc, ActionItemInput{DecisionNo: 1, OwnerID: p.rep.ID, DueOn: "2026-11-03", What: "发报价"})
	p.must(p.e.Desk(p.boss).CloseActionItem(p.ctx, a, "替他发了"))
	if err := p.e.Desk(p.boss).Act(p.ctx, doc, ActionApprove, ""); !refusedWith(err, CloserDidAction) {
		t.Errorf("signed off by who closed an item: %v", err)
	}
	p.must(p.e.Desk(p.clerk).Act(p.ctx, doc, ActionApprove, ""))
}
