package i18n_test

import (
	"testing"

	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// TestPlanWords: every refusal, field problem and field name of plans
// and targets has its words.
func TestPlanWords(t *testing.T) {
	var want []string
	for _, c := range []workflow.Code{workflow.PlanOverlap, workflow.TargetExists, workflow.NotYourPlan} {
		want = append(want, "refusal."+string(c))
	}
	for _, c := range []workflow.FieldCode{workflow.OverlapsApproved, workflow.UnknownGroup, workflow.TargetApproved, workflow.PeriodTooLong} {
		want = append(want, "field."+string(c))
	}
	for _, f := range []string{workflow.FRep, workflow.FPeriod, workflow.FFrom, workflow.FTo, workflow.FNewCustomers, workflow.FAims,
		workflow.FProductGroup, workflow.FProspect, workflow.FActivity, workflow.FTonnes, workflow.FResult} {
		want = append(want, "field.name."+f)
	}
	for _, k := range want {
		if !i18n.Has(k) {
			t.Errorf("missing %s", k)
		}
	}
}
