package demo

import (
	"context"
	"fmt"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// plansPerRep is how many of a rep's customers their month plan names.
const plansPerRep = 5

// plans gives every rep, as the desk would: an approved plan for last
// month and this one (their customers, two product groups, a prospect
// to win), a plan for this week left waiting for the supervisor, and
// targets for this month and year the clerk drafted and the supervisor
// approved. A rep who has plans already (a second run) is left as is.
func (g *gen) plans(ctx context.Context, eng *workflow.Engine, t team, ids []int64, sum *Summary) error {
	if len(t.clerks) == 0 || len(ids) == 0 {
		return nil
	}
	groups, err := eng.Desk(t.supervisor).ProductGroups(ctx)
	if err != nil {
		return err
	}
	boss, clerk := eng.Desk(t.supervisor), eng.Desk(t.clerks[0])
	month := time.Date(g.today.Year(), g.today.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, rep := range t.reps {
		desk := eng.Desk(rep)
		had, err := desk.Plans(ctx, "")
		if err != nil {
			return err
		}
		if len(had) > 0 { // a second run over the same desk: their periods are planned
			continue
		}
		custs, err := repCustomers(ctx, eng.Store(), rep.ID, ids)
		if err != nil {
			return err
		}
		for _, m := range []time.Time{month.AddDate(0, -1, 0), month} {
			in := workflow.PlanInput{Period: store.PeriodMonth, From: m.Format("2006-01"), NewCustomers: fmt.Sprint(1 + g.rng.IntN(3)),
				Aims: "稳住老客户的用量,争取新客户"}
			for _, c := range custs {
				in.Lines = append(in.Lines, g.planLine(workflow.PlanLineInput{CustomerID: c}))
			}
			for i := 0; i < 2 && i < len(groups); i++ {
				in.Lines = append(in.Lines, g.planLine(workflow.PlanLineInput{ProductGroup: pick(g, groups)}))
			}
			prospect, _, _ := g.companyName(pick(g, cities), pick(g, trades))
			in.Lines = append(in.Lines, workflow.PlanLineInput{Prospect: prospect, Activity: workflow.ActivityVisit})
			if err := approvePlan(ctx, desk, boss, func() (int64, error) { return desk.CreatePlan(ctx, in) }); err != nil {
				return err
			}
			sum.Plans++
		}
		week := g.today.AddDate(0, 0, -int(g.today.Weekday()+6)%7) // this week's Monday
		in := workflow.PlanInput{Period: store.PeriodWeek, From: week.Format(time.DateOnly), NewCustomers: "1", Aims: "电话回访,拜访重点客户"}
		for i, c := range custs {
			act := workflow.ActivityCall
			if i%2 == 1 {
				act = workflow.ActivityVisit
			}
			in.Lines = append(in.Lines, workflow.PlanLineInput{CustomerID: c, Activity: act})
		}
		id, err := desk.CreatePlan(ctx, in)
		if err != nil {
			return err
		}
		if err := desk.SubmitPlan(ctx, id, 0); err != nil {
			return err
		}
		sum.Plans++
		for _, period := range []string{month.Format("2006-01"), month.Format("2006")} {
			tonnes := 100 + g.rng.IntN(200)
			if len(period) == 4 {
				tonnes *= 12
			}
			in := workflow.TargetInput{RepID: rep.ID, Period: period, Tonnes: fmt.Sprint(tonnes), Amount: fmt.Sprint(tonnes * 4200)}
			if err := approvePlan(ctx, clerk, boss, func() (int64, error) { return clerk.CreateTarget(ctx, in) }); err != nil {
				return err
			}
			sum.Targets++
		}
	}
	return nil
}

// planLine fills a line's figures: tens of tonnes at about ¥4,200.
func (g *gen) planLine(l workflow.PlanLineInput) workflow.PlanLineInput {
	tonnes := 10 + g.rng.IntN(70)
	l.Tonnes, l.Amount = fmt.Sprint(tonnes), fmt.Sprint(tonnes*(4000+g.rng.IntN(400)))
	return l
}

// approvePlan drafts with create, submits at maker's desk and approves at
// signer's.
func approvePlan(ctx context.Context, maker, signer *workflow.Desk, create func() (int64, error)) error {
	id, err := create()
	if err != nil {
		return err
	}
	if err := maker.SubmitPlan(ctx, id, 0); err != nil {
		return err
	}
	return signer.Act(ctx, id, workflow.ActionApprove, "")
}

// repCustomers finds up to plansPerRep of ids whose rep is repID.
func repCustomers(ctx context.Context, st *store.Store, repID int64, ids []int64) ([]int64, error) {
	var out []int64
	err := st.Read(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			if len(out) == plansPerRep {
				return nil
			}
			c, err := tx.Customer(ctx, id)
			if err != nil {
				return err
			}
			if c.RepID == repID && !c.Voided {
				out = append(out, id)
			}
		}
		return nil
	})
	return out, err
}
