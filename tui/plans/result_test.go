package plans_test

import (
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// On an approved week plan, r records what the week did; it shows under
// the plan. A draft takes no result.
func TestWeekResultsRecordedOnTheApprovedPlan(t *testing.T) {
	d := newDesk(t)
	rep := d.Engine.Desk(d.rep)
	cust, err := rep.Customers(d.Ctx, store.Page{Query: "沈钢", Limit: 1})
	if err != nil || len(cust) == 0 {
		t.Fatal("no customer 沈钢", err)
	}
	id, err := rep.CreatePlan(d.Ctx, workflow.PlanInput{Period: store.PeriodWeek, From: "2026-11-30", Aims: "回访老客户",
		Lines: []workflow.PlanLineInput{{CustomerID: cust[0].ID, Activity: workflow.ActivityVisit}, {Prospect: "营口新港机械", Activity: workflow.ActivityCall}}})
	if err != nil {
		t.Fatal(err)
	}
	app := open(d.Fixture, d.rep, "en", 120, 40)
	tuitest.Press(app, tuitest.Keys("\rr")...)
	mustShow(t, app, "results are recorded on an approved plan", "visit", "new 营口新港机械", "call")

	d.Must(rep.SubmitPlan(d.Ctx, id, 0))
	d.Must(d.Engine.Desk(d.Supervisor).Act(d.Ctx, id, workflow.ActionApprove, ""))
	tuitest.Press(app, tuitest.Key("ctrl+r"))
	mustShow(t, app, "approved")
	tuitest.Press(app, tuitest.Keys("r拜访沈钢,签下一单\r")...)
	mustShow(t, app, "results recorded", "Results", "拜访沈钢,签下一单")
}
