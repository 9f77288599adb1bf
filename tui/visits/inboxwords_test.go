package visits_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The Review inbox shows a lead's stage and a visit's goal whole in
// English at 120 columns, where the words are longer than in Chinese
// ("contacted", "solve a problem"): the columns were as wide as the
// Chinese words and cut them.
func TestInboxShowsStageAndGoalWhole(t *testing.T) {
	d := newDesk(t)
	rep := d.Engine.Desk(d.rep)
	lead, _, err := rep.CreateLead(d.Ctx, workflow.LeadInput{Name: "营口新港机械制造有限公司", Phone: "0417-2881234", Source: "exhibition",
		NextStep: "电话回访", NextOn: "2026-11-26"})
	d.Must(err)
	d.Must(rep.Act(d.Ctx, lead, workflow.ActionContact, ""))
	in := tuitestVisit(d.cust)
	in.On, in.Goal = "2026-11-26", "problem"
	_, err = rep.PlanVisit(d.Ctx, in)
	d.Must(err)
	d.at("2026-11-28")
	for _, lang := range []string{"en", "zh"} {
		app := d.OpenOn(d.rep, lang, "screen.review", 120, 40)
		want := map[string][]string{"en": {"contacted ", "solve a problem"}, "zh": {"已联系", "解决问题"}}[lang]
		tuitest.MustShow(t, app, want...)
	}
}
