package workflow

import (
	"testing"
	"time"
)

// Minutes with no action item open are submitted by their maker and
// signed off by a second person; with an item open, or by anyone else,
// the submit is refused, and the sign-off is never the maker's. A
// send-back opens them again, and they are submitted once more.
func TestMeetingSubmittedWithNoItemOpen(t *testing.T) {
	type step struct {
		who    string // clerk (the maker), clerk2, boss, rep
		action string
		want   Code // "" when it goes
		status string
	}
	tests := []struct {
		name  string
		items int // action items added (owned by rep), closed by rep before the steps when closed is set
		close bool
		steps []step
	}{
		{"no items", 0, false, []step{
			{"rep", ActionSubmit, MakerOnly, MeetingOpen},
			{"clerk2", ActionSubmit, MakerOnly, MeetingOpen},
			{"clerk", ActionApprove, NoSuchTransition, MeetingOpen},
			{"clerk", ActionSubmit, "", MeetingDone},
			{"clerk", ActionApprove, MakerCannotSignOff, MeetingDone},
			{"boss", ActionApprove, "", MeetingClosed},
		}},
		{"an item open", 1, false, []step{
			{"clerk", ActionSubmit, ActionsOpen, MeetingOpen},
		}},
		{"sent back and submitted again", 1, true, []step{
			{"clerk", ActionSubmit, NoSuchTransition, MeetingDone}, // the last item closed sent them already
			{"clerk2", ActionSendBack, "", MeetingOpen},
			{"clerk", ActionSubmit, "", MeetingDone},
			{"clerk2", ActionApprove, "", MeetingClosed},
		}},
		{"voided with no items", 0, false, []step{
			{"boss", ActionVoid, "", MeetingVoid},
			{"clerk", ActionSubmit, NoSuchTransition, MeetingVoid},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newPricing(t)
			doc := p.meeting(p.clerk)
			for i := 0; i < tc.items; i++ {
				a := p.item(p.clerk, doc, ActionItemInput{DecisionNo: 1, OwnerID: p.rep.ID, DueOn: "2026-11-05", What: "发报价"})
				if tc.close {
					p.must(p.e.Desk(p.rep).CloseActionItem(p.ctx, a, "已发"))
				}
			}
			people := map[string]*Desk{"clerk": p.e.Desk(p.clerk), "clerk2": p.e.Desk(p.clerk2), "boss": p.e.Desk(p.boss), "rep": p.e.Desk(p.rep)}
			for _, s := range tc.steps {
				err := people[s.who].Act(p.ctx, doc, s.action, "理由")
				if s.want == "" && err != nil || s.want != "" && !refusedWith(err, s.want) {
					t.Errorf("%s %s: %v, want %q", s.who, s.action, err, s.want)
				}
				m, err := p.e.Desk(p.clerk).Meeting(p.ctx, doc)
				p.must(err)
				if m.Status != s.status {
					t.Errorf("after %s %s: %s, want %s", s.who, s.action, m.Status, s.status)
				}
			}
		})
	}
}

// The steps offered on opening minutes follow the same rules: submit to
// their maker while nothing is open, the sign-off to another.
func TestMeetingStepsOffered(t *testing.T) {
	p := newPricing(t)
	doc := p.meeting(p.clerk)
	offered := func(d *Desk) map[string]bool {
		t.Helper()
		dd, err := d.Document(p.ctx, doc)
		p.must(err)
		out := map[string]bool{}
		for _, a := range dd.Actions {
			out[a.Action] = true
		}
		return out
	}
	if got := offered(p.e.Desk(p.clerk)); !got[ActionSubmit] || got[ActionApprove] {
		t.Errorf("maker, no items: %v", got)
	}
	a := p.item(p.clerk, doc, ActionItemInput{DecisionNo: 1, OwnerID: p.rep.ID, DueOn: "2026-11-05", What: "发报价"})
	if got := offered(p.e.Desk(p.clerk)); got[ActionSubmit] {
		t.Errorf("maker, an item open: %v", got)
	}
	p.must(p.e.Desk(p.boss).CloseActionItem(p.ctx, a, "替他发了"))
	if got := offered(p.e.Desk(p.boss)); got[ActionApprove] || !got[ActionSendBack] || !got[ActionVoid] {
		t.Errorf("who closed the item: %v", got)
	}
	if got := offered(p.e.Desk(p.clerk2)); !got[ActionApprove] || !got[ActionSendBack] {
		t.Errorf("a second clerk: %v", got)
	}
}

// An action item's due day without a year is the nearest such day; one
// in the past is refused at its field with what was typed kept out of
// the minutes.
func TestActionItemDueDay(t *testing.T) {
	tests := []struct {
		today string // the desk's day
		typed string
		want  string
		code  FieldCode
	}{
		{"2026-11-02", "11-05", "2026-11-05", ""},
		{"2026-11-02", "3-5", "2027-03-05", ""}, // 123 days ahead, 242 back
		{"2026-11-02", "03-05", "2027-03-05", ""},
		{"2026-11-02", "11月2日", "2026-11-02", ""}, // today is not past
		{"2026-11-02", "11-01", "", DateInPast},   // yesterday: refused, not next year's
		{"2026-11-02", "10-15", "", DateInPast},
		{"2026-11-02", "2026-10-30", "", DateInPast},
		{"2026-12-20", "1-15", "2027-01-15", ""}, // over the new year
		{"2026-12-20", "12-01", "", DateInPast},
		{"2026-06-10", "3-5", "", DateInPast}, // this March, 97 days back
		{"2026-11-02", "2-30", "", InvalidDate},
		{"2026-11-02", "", "", Required},
	}
	for _, tc := range tests {
		t.Run(tc.today+" "+tc.typed, func(t *testing.T) {
			p := newPricing(t)
			day, _ := time.ParseInLocation(time.DateOnly, tc.today, cst)
			p.at(day.Add(10 * time.Hour))
			in := weekly()
			in.HeldOn = tc.today
			doc, err := p.e.Desk(p.clerk).CreateMeeting(p.ctx, in)
			p.must(err)
			id, err := p.e.Desk(p.clerk).AddActionItem(p.ctx, doc, ActionItemInput{DecisionNo: 1, OwnerID: p.rep.ID, DueOn: tc.typed, What: "发报价"})
			m, merr := p.e.Desk(p.clerk).Meeting(p.ctx, doc)
			p.must(merr)
			if tc.code != "" {
				if fe := fieldErrs(t, err).For(FItemDue); fe == nil || fe.Code != tc.code || len(m.Items) != 0 {
					t.Errorf("refused with %v, items %d; want %s at %s", err, len(m.Items), tc.code, FItemDue)
				}
				return
			}
			p.must(err)
			if len(m.Items) != 1 || m.Items[0].ID != id || m.Items[0].DueOn != tc.want {
				t.Errorf("items %+v, want one due %s", m.Items, tc.want)
			}
		})
	}
}
