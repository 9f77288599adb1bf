package demo

import (
	"context"
	"errors"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// leadGrades are what a demo lead may need.
var leadGrades = []struct{ grades, specs, tonnes string }{
	{"Q235B", "10×1500×6000", "20"},
	{"Q345B、Q235B", "20×2000×8000", "50"},
	{"45#", "Φ50", "8"},
	{"20#", "219×8", "12"},
	{"304", "2.0×1219×2438", "3"},
}

// leadReasons are why a demo lead was lost.
var leadReasons = []string{"价格高于本地经销商", "对方已有长期供应商", "项目暂缓", "交期满足不了"}

// leads gives every owner (every rep, and the first clerk) a lead in
// every stage, as the desk would enter and follow them: new, contacted, interested and
// quoted ones (one with its next step overdue, so the inbox has work),
// one won (its customer file made from it, prepaid) and one lost with
// the reason. A user who has leads already (a second run) is left as is.
// The clerk's come last of the whole demo, so that the data drawn after
// the reps' stays what it was before the clerk had any.
func (g *gen) leads(ctx context.Context, eng *workflow.Engine, owners []store.User, sum *Summary) error {
	steps := []string{"", workflow.ActionContact, workflow.ActionInterest, workflow.ActionQuoted, workflow.ActionWin, workflow.ActionLose}
	for _, owner := range owners {
		desk := eng.Desk(owner)
		had, err := desk.Leads(ctx, workflow.LeadFilter{})
		if err != nil {
			return err
		}
		if ownsAny(had, owner.ID) {
			continue
		}
		for i, to := range steps {
			if err := g.enterLead(ctx, eng.Store(), desk, i, to, sum); err != nil {
				return err
			}
		}
	}
	return nil
}

// ownsAny is true when one of leads is owner's (the desk lists
// everyone's).
func ownsAny(leads []store.Lead, owner int64) bool {
	for _, l := range leads {
		if l.OwnerID == owner {
			return true
		}
	}
	return false
}

// enterLead enters the i-th lead of a user and takes it to step to, on
// the demo's day. Its next step is i-2 days from that day: the first two
// are overdue, entered and followed the day before their day, since
// gone (the desk takes no day already gone).
func (g *gen) enterLead(ctx context.Context, st *store.Store, desk *workflow.Desk, i int, to string, sum *Summary) error {
	when := g.today
	if i < 2 {
		when = g.at(3-i, 9)
	}
	was := st.Now
	st.Now = func() time.Time { when = when.Add(time.Second); return when }
	defer func() { st.Now = was }()
	id, in, err := g.lead(ctx, desk, i)
	var fe workflow.FieldErrors
	if errors.As(err, &fe) {
		return nil // a name or phone the desk has: as real as any other
	}
	if err != nil {
		return err
	}
	sum.Leads++
	return g.followLead(ctx, desk, id, in, to)
}

// lead enters the i-th lead of a user, its next step i-2 days from today.
func (g *gen) lead(ctx context.Context, desk *workflow.Desk, i int) (int64, workflow.LeadInput, error) {
	c, tr := pick(g, cities), pick(g, trades)
	name, _, _ := g.companyName(c, tr)
	need := pick(g, leadGrades)
	in := workflow.LeadInput{Name: name, Contact: g.person(), Phone: g.mobile(), Source: workflow.LeadSources[(i+g.rng.IntN(3))%len(workflow.LeadSources)],
		Grades: need.grades, Specs: need.specs, Tonnes: need.tonnes, NextStep: "电话回访", NextOn: g.today.AddDate(0, 0, i-2).Format(time.DateOnly)}
	if g.chance(30) {
		in.IM = "wx" + g.digits(8)
	}
	id, _, err := desk.CreateLead(ctx, in)
	return id, in, err
}

// followLead logs a call (which clears the next step) and moves the
// lead on with step; one still open keeps the next step it was entered
// with.
func (g *gen) followLead(ctx context.Context, desk *workflow.Desk, id int64, in workflow.LeadInput, step string) error {
	if step == "" {
		return nil
	}
	if err := desk.LogLeadContact(ctx, id, workflow.LeadContactInput{Note: "已电话联系,介绍了我们的现货和价格"}); err != nil {
		return err
	}
	switch step {
	case workflow.ActionWin:
		in, err := desk.LeadCustomerInput(ctx, id)
		if err != nil {
			return err
		}
		if _, _, err := desk.ConvertLeadToCustomer(ctx, id, in); err != nil {
			var fe workflow.FieldErrors
			if errors.As(err, &fe) {
				return desk.Act(ctx, id, workflow.ActionLose, pick(g, leadReasons))
			}
			return err
		}
		return desk.Act(ctx, id, workflow.ActionWin, "")
	case workflow.ActionLose:
		return desk.Act(ctx, id, workflow.ActionLose, pick(g, leadReasons))
	}
	if _, err := desk.UpdateLead(ctx, id, 0, in); err != nil {
		return err
	}
	return desk.Act(ctx, id, step, "")
}
