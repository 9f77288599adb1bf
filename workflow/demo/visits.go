package demo

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// A demo visit's plan and, when it is reviewed, how it went.
var demoVisits = []struct {
	days            int // from today
	hour            float64
	goal, place     string
	questions, take string
	reached, result string
	whyNot, improve string
	nextStep        string
	nextInDays      int
}{
	{-8, 9.5, "volume", "客户采购部", "问:下月价格会不会降?答:按周价表,锁价需预付三成", "价格表、质保书样本",
		"yes", "谈定下月加订 30 吨 Q235B", "", "", "发报价单", 2},
	{-6, 14, "collect", "客户财务室", "问:能否再宽限半个月?答:按合同月结,超期要报主管", "对账单、逾期发票复印件",
		"partly", "答应本周先付一半", "财务说资金紧张", "提前一周电话提醒", "催剩余货款", 5},
	{-3, 10, "problem", "客户车间", "问:上批板材表面有锈怎么办?答:现场看货,拍照回公司", "相机、质保书",
		"no", "没见到车间主任", "对方临时出差", "拜访前一天再电话确认", "重新约时间", 3},
	{-1, 15.5, "relationship", "客户办公室", "问:新厂区什么时候投产?", "公司画册、新年台历",
		"yes", "见了总经理,约好明年一季度框架合同", "", "", "", 0},
	{0, 9, "volume", "客户办公室", "问:无缝管有没有现货?答:20# 219×8 有现货", "样品、库存表",
		"yes", "订了 12 吨无缝管", "", "", "", 0},
	{2, 10, "collect", "客户财务室", "问:发票还没收到?答:已寄出,带快递单号", "对账单、快递单号",
		"", "", "", "", "", 0},
}

// weekVisits gives every rep and the first clerk about a week of visits
// to their own customers, as the desk plans and reviews them: each
// planned the day before; those whose day is past reviewed that evening
// against their goal, and one more left without its review (a task in
// its owner's inbox); today's and one to come planned, another to come
// cancelled with the reason; and a rep's visit tomorrow to one of their
// open leads. A user with visits planned in those days already is left
// as is.
func (g *gen) weekVisits(ctx context.Context, eng *workflow.Engine, t team, sum *Summary) error {
	owners := t.reps
	if len(t.clerks) > 0 {
		owners = append(append(owners[:0:0], owners...), t.clerks[0])
	}
	st := eng.Store()
	was := st.Now
	defer func() { st.Now = was }()
	var when time.Time
	st.Now = func() time.Time { when = when.Add(time.Second); return when }
	today := g.at(0, 0)
	from, to := today.AddDate(0, 0, -8).Format(time.DateOnly), today.AddDate(0, 0, 3).Format(time.DateOnly)
	for _, owner := range owners {
		when = g.at(0, 8)
		desk := eng.Desk(owner)
		had, err := desk.Visits(ctx, workflow.VisitFilter{From: from, To: to})
		if err != nil {
			return err
		}
		if ownPlanned(had, owner.ID) {
			continue
		}
		custs, err := g.ownCustomers(ctx, desk, owner)
		if err != nil || len(custs) == 0 {
			return err
		}
		var past []int64
		cancelled := false
		for i, p := range demoVisits {
			day := today.AddDate(0, 0, p.days)
			planAt := day.AddDate(0, 0, -1).Add(17 * time.Hour)
			if planAt.After(today.Add(8 * time.Hour)) {
				planAt = today.Add(8 * time.Hour)
			}
			when = planAt
			in := workflow.VisitInput{CustomerID: custs[i%len(custs)].ID, On: day.Format(time.DateOnly),
				At: clockText(p.hour), Place: p.place, Goal: p.goal, Questions: p.questions, Materials: p.take}
			if ms, err := desk.VisitMatters(ctx, in.CustomerID); err == nil && len(ms) > 0 {
				in.Matters = matterText(ms[0])
			}
			id, err := desk.PlanVisit(ctx, in)
			if err != nil {
				return err
			}
			sum.WeekVisits++
			switch {
			case day.Before(today):
				past = append(past, id)
				when = day.Add(18 * time.Hour)
				if err := g.reviewVisit(ctx, desk, id, p.reached, p.result, p.whyNot, p.improve, p.nextStep, day, p.nextInDays); err != nil {
					return err
				}
			case !cancelled && p.days > 0:
				cancelled = true
				if err := desk.Act(ctx, id, workflow.ActionCancelVisit, "客户临时出差,改期"); err != nil {
					return err
				}
			}
		}
		if err := g.leaveUnreviewed(ctx, desk, owner, past, today, &when); err != nil {
			return err
		}
		if err := g.leadVisit(ctx, desk, owner, today, &when, sum); err != nil {
			return err
		}
	}
	return nil
}

// ownPlanned says whether owner planned a visit of the week already (not
// one made from the customer file's old log).
func ownPlanned(vs []store.SalesVisit, owner int64) bool {
	for _, v := range vs {
		if v.OwnerID == owner && !v.FromLog {
			return true
		}
	}
	return false
}

// ownCustomers are the customers owner visits: a rep's own, a few of
// the desk's for a clerk.
func (g *gen) ownCustomers(ctx context.Context, desk *workflow.Desk, owner store.User) ([]store.CustomerRow, error) {
	rows, err := desk.Customers(ctx, store.Page{Limit: 200})
	var out []store.CustomerRow
	for _, r := range rows {
		if r.RepID == owner.ID || (!owner.HasRole(string(workflow.SalesRep)) && len(out) < 5) {
			out = append(out, r)
		}
	}
	return out, err
}

// reviewVisit writes the review of a visit that happened on day.
func (g *gen) reviewVisit(ctx context.Context, desk *workflow.Desk, id int64, reached, result, whyNot, improve, next string, day time.Time, inDays int) error {
	in := workflow.VisitReviewInput{Reached: reached, Achieved: result, WhyNot: whyNot, Improve: improve, NextStep: next}
	if next != "" {
		in.NextOn = day.AddDate(0, 0, max(inDays, 1)).Format(time.DateOnly)
	}
	return desk.ReviewVisit(ctx, id, 0, in)
}

// leaveUnreviewed plans one more visit of owner on the day of the last
// visit past but one and leaves it without its review, so that it waits
// in their inbox.
func (g *gen) leaveUnreviewed(ctx context.Context, desk *workflow.Desk, owner store.User, past []int64, today time.Time, when *time.Time) error {
	if len(past) < 2 {
		return nil
	}
	v, err := desk.Visit(ctx, past[len(past)-2])
	if err != nil {
		return err
	}
	day, _ := time.ParseInLocation(time.DateOnly, v.On, today.Location())
	*when = day.Add(7 * time.Hour)
	in := workflow.VisitInput{CustomerID: v.CustomerID, On: v.On, At: "16:00", Place: "客户仓库", Goal: "problem",
		Questions: "问:到货少了两件?答:对照发货单和过磅单核实", Materials: "发货单、过磅单"}
	_, err = desk.PlanVisit(ctx, in)
	return err
}

// leadVisit plans a rep's visit tomorrow to one of their open leads.
func (g *gen) leadVisit(ctx context.Context, desk *workflow.Desk, owner store.User, today time.Time, when *time.Time, sum *Summary) error {
	if !owner.HasRole(string(workflow.SalesRep)) {
		return nil
	}
	ls, err := desk.Leads(ctx, workflow.LeadFilter{Status: "interested"})
	if err != nil || len(ls) == 0 {
		return err
	}
	day := today.AddDate(0, 0, 1)
	*when = today.Add(9 * time.Hour)
	_, err = desk.PlanVisit(ctx, workflow.VisitInput{LeadID: ls[0].DocID, On: day.Format(time.DateOnly), At: "10:00",
		Place: "对方工厂", Goal: "relationship", Questions: "问:能否先试订一车?答:可以,先款后货", Materials: "公司画册、价格表、样品"})
	if err == nil {
		sum.WeekVisits++
	}
	return err
}

// clockText is an hour of the day (9.5) as 09:30.
func clockText(hour float64) string {
	h, m := int(hour), int((hour-float64(int(hour)))*60)
	return time.Date(2000, 1, 1, h, m, 0, 0, time.UTC).Format("15:04")
}
