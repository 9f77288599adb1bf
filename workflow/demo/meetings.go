package demo

import (
	"context"
	"strings"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// meetings writes the minutes of last week's sales meeting, held by the
// first clerk with the supervisor and the reps, with action items in
// every state: one done in time, one done late, one overdue and one due
// today (both in a rep's inbox), one not yet due; and a decision that
// needed no action. A desk that has minutes already (a second run) is
// left as is.
func (g *gen) meetings(ctx context.Context, eng *workflow.Engine, t team, sum *Summary) error {
	if len(t.clerks) == 0 || len(t.reps) == 0 {
		return nil
	}
	desk := eng.Desk(t.clerks[0])
	had, err := desk.Meetings(ctx, workflow.MeetingFilter{})
	if err != nil || len(had) > 0 {
		return err
	}
	names := []string{t.supervisor.Name, t.clerks[0].Name}
	for _, r := range t.reps {
		names = append(names, r.Name)
	}
	day := func(n int) string { return g.today.AddDate(0, 0, n).Format(time.DateOnly) }
	// The minutes and their items are written on the meeting's day, as
	// at the desk (no item is given a day already past); they are
	// closed today.
	st := eng.Store()
	saved := st.Now
	defer func() { st.Now = saved }()
	held := g.at(7, 17).UTC()
	st.Now = func() time.Time { return held }
	doc, err := desk.CreateMeeting(ctx, workflow.MeetingInput{HeldOn: day(-7), Place: "二楼会议室", Attendees: strings.Join(names, "、"),
		Decisions: "月底前把逾期货款催回；鞍山、营口的新客户本月每家至少拜访一次；下月起Q235B板材报价统一按周调价；展会名片由各销售员当周录入线索"})
	if err != nil {
		return err
	}
	sum.Meetings++
	rep, other := t.reps[0], t.reps[len(t.reps)-1]
	items := []struct {
		decision int
		owner    store.User
		due      int
		what     string
		done     string
	}{
		{3, other, 1, "整理Q235B板材周调价表", "调价表已发各销售员"},
		{1, rep, -3, "给逾期客户寄催款函", "催款函已寄出,其中两家已回款"},
		{1, rep, -2, "电话落实逾期货款的付款日期", ""},
		{2, rep, 0, "拜访鞍山新客户", ""},
		{2, other, 5, "拜访营口新客户", ""},
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		if ids[i], err = desk.AddActionItem(ctx, doc, workflow.ActionItemInput{DecisionNo: it.decision, OwnerID: it.owner.ID,
			DueOn: day(it.due), What: it.what}); err != nil {
			return err
		}
	}
	st.Now = saved
	for i, it := range items {
		if it.done == "" {
			continue
		}
		if err := eng.Desk(it.owner).CloseActionItem(ctx, ids[i], it.done); err != nil {
			return err
		}
	}
	return nil
}
