package plans_test

import (
	"testing"

	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// The targets' footer adds month targets and year targets apart (a
// year's target is its months' whole, not one month more) and leaves a
// voided target out, in both languages.
func TestTargetTotalsKeepMonthsAndYearsApart(t *testing.T) {
	d := newDesk(t)
	rep := d.Engine.Desk(d.rep)
	for _, in := range []workflow.TargetInput{
		{Period: "2026-11", Tonnes: "100", Amount: "400000"},
		{Period: "2026-12", Tonnes: "120", Amount: "480000"},
		{Period: "2026", Tonnes: "1500", Amount: "6000000"},
	} {
		_, err := rep.CreateTarget(d.Ctx, in)
		d.Must(err)
	}
	voided, err := rep.CreateTarget(d.Ctx, workflow.TargetInput{Period: "2026-10", Tonnes: "50", Amount: "200000"})
	d.Must(err)
	d.Must(rep.Act(d.Ctx, voided, workflow.ActionSubmit, ""))
	boss := d.Engine.Desk(d.Supervisor)
	d.Must(boss.Act(d.Ctx, voided, workflow.ActionApprove, ""))
	d.Must(boss.Act(d.Ctx, voided, workflow.ActionVoid, "改期"))

	for _, tc := range []struct{ lang, footer string }{
		{"zh", "4 项 · 月目标 220 吨 ¥880,000.00 · 年目标 1500 吨 ¥6,000,000.00"},
		{"en", "4 shown · months 220 t ¥880,000.00 · years 1500 t ¥6,000,000.00"},
	} {
		app := open(d.Fixture, d.rep, tc.lang, 120, 40)
		tuitest.Press(app, tuitest.Keys("t")...)
		mustShow(t, app, "MB2026-000004", tc.footer)
		narrow := open(d.Fixture, d.rep, tc.lang, 80, 24)
		tuitest.Press(narrow, tuitest.Keys("t")...)
		mustShow(t, narrow, "MB2026-000004")
		fits(t, narrow, 80)
	}
}
