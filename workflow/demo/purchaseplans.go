package demo

import (
	"context"

	"orderdesk/workflow"
)

// purchasePlan has the clerk derive this month's purchase plan (月采购计划)
// from the approved plans and the stock answers, and the supervisor
// approve it, ready to go to purchasing. A month that has one already (a
// second run) is left as is.
func (g *gen) purchasePlan(ctx context.Context, eng *workflow.Engine, t team, sum *Summary) error {
	if len(t.clerks) == 0 {
		return nil
	}
	clerk, boss := eng.Desk(t.clerks[0]), eng.Desk(t.supervisor)
	had, err := clerk.PurchasePlans(ctx)
	if err != nil || len(had) > 0 {
		return err
	}
	id, err := clerk.CreatePurchasePlan(ctx, g.today.Format("2006-01"))
	if err != nil {
		return err
	}
	p, err := clerk.PurchasePlan(ctx, id)
	if err != nil || p.Tonnes == 0 { // nothing to buy: the draft stays a draft
		return err
	}
	sum.PurchasePlans++
	if err := clerk.SubmitPurchasePlan(ctx, id, 0); err != nil {
		return err
	}
	return boss.Act(ctx, id, workflow.ActionApprove, "")
}
