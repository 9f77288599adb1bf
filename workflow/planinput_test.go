package workflow

import (
	"errors"
	"testing"

	"orderdesk/store"
)

// Bad input comes back at its field: an overlap with an approved plan,
// negative or non-numeric figures, a period that runs backwards or is
// too long, a product group the catalogue does not have.
func TestPlanInputErrors(t *testing.T) {
	o := newOrders(t)
	approved := o.approvedPlan(o.rep, o.boss, monthPlan(o.rep, o.shenyang))
	doc, err := o.e.Desk(o.boss).Document(o.ctx, approved)
	o.must(err)
	ref := doc.Ref
	cases := []struct {
		name  string
		edit  func(*PlanInput)
		line  int
		field string
		code  FieldCode
		want  string
	}{
		{"overlaps an approved plan", func(in *PlanInput) { in.From = "2026-11-20"; in.To = "2026-12-10" }, 0, FFrom, OverlapsApproved, ref},
		{"negative tonnes", func(in *PlanInput) { in.Lines[0].Tonnes = "-5" }, 1, FTonnes, Negative, ""},
		{"non-numeric amount", func(in *PlanInput) { in.Lines[0].Amount = "十万" }, 1, FAmount, NotANumber, ""},
		{"runs backwards", func(in *PlanInput) { in.From = "2026-12-20"; in.To = "2026-12-01" }, 0, FTo, DateOrder, ""},
		{"a week of ten days", func(in *PlanInput) { in.Period = store.PeriodWeek; in.From = "2026-12-01"; in.To = "2026-12-10" }, 0, FTo, PeriodTooLong, ""},
		{"no such product group", func(in *PlanInput) { in.Lines[1].ProductGroup = "螺纹钢筋" }, 2, FProductGroup, UnknownGroup, ""},
		{"no such period kind", func(in *PlanInput) { in.Period = "quarter" }, 0, FPeriod, InvalidChoice, ""},
		{"no start", func(in *PlanInput) { in.From = "" }, 0, FFrom, Required, ""},
		{"not a month (a month's plan)", func(in *PlanInput) { in.From = "2026-13" }, 0, FFrom, InvalidMonth, ""},
		{"not a day (a week's plan)", func(in *PlanInput) { in.Period = store.PeriodWeek; in.From = "2026-13-45" }, 0, FFrom, InvalidDate, ""},
		{"a line of nothing", func(in *PlanInput) { in.Lines[2].Prospect = "" }, 3, FCustomer, Required, ""},
		{"neither call nor visit", func(in *PlanInput) { in.Lines[2].Activity = "吃饭" }, 3, FActivity, InvalidChoice, ""},
		{"new customers negative", func(in *PlanInput) { in.NewCustomers = "-1" }, 0, FNewCustomers, Negative, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := monthPlan(o.rep, o.shenyang)
			in.From = "2026-12"
			c.edit(&in)
			_, err := o.e.Desk(o.clerk).CreatePlan(o.ctx, in)
			var fes FieldErrors
			if !errors.As(err, &fes) {
				t.Fatalf("got %v, want field errors", err)
			}
			fe := fes.ForLine(c.line, c.field)
			if fe == nil || fe.Code != c.code || fe.Want != c.want {
				t.Errorf("got %v (%+v), want %s at line %d %s (want %q)", err, fe, c.code, c.line, c.field, c.want)
			}
		})
	}
	// The same plan for December is taken, with full-width figures.
	in := monthPlan(o.rep, o.shenyang)
	in.From, in.Lines[0].Tonnes = "２０２６年１２月", "３０.５"
	id, err := o.e.Desk(o.clerk).CreatePlan(o.ctx, in)
	o.must(err)
	p, err := o.e.Desk(o.clerk).Plan(o.ctx, id)
	o.must(err)
	if p.StartsOn != "2026-12-01" || p.EndsOn != "2026-12-31" || p.Lines[0].Tonnes != 30500 || p.Lines[1].Amount != 20000000 ||
		p.Lines[2].Activity != ActivityVisit || p.Tonnes != 80500 {
		t.Errorf("plan as saved: %+v", p)
	}
}

func TestTargetInputErrors(t *testing.T) {
	o := newOrders(t)
	first, err := o.e.Desk(o.clerk).CreateTarget(o.ctx, TargetInput{RepID: o.rep.ID, Period: "2026-11", Tonnes: "300", Amount: "1200000"})
	o.must(err)
	o.must(o.e.Desk(o.clerk).SubmitPlan(o.ctx, first, 0))
	o.must(o.e.Desk(o.boss).Act(o.ctx, first, ActionApprove, ""))
	cases := []struct {
		name  string
		in    TargetInput
		field string
		code  FieldCode
	}{
		{"negative", TargetInput{RepID: o.rep.ID, Period: "2026-12", Tonnes: "-1"}, FTonnes, Negative},
		{"non-numeric", TargetInput{RepID: o.rep.ID, Period: "2026-12", Amount: "abc"}, FAmount, NotANumber},
		{"not a period", TargetInput{RepID: o.rep.ID, Period: "next year"}, FPeriod, InvalidPeriod},
		{"no such month", TargetInput{RepID: o.rep.ID, Period: "2026-13"}, FPeriod, InvalidPeriod},
		{"already approved", TargetInput{RepID: o.rep.ID, Period: "2026-11", Tonnes: "1"}, FPeriod, TargetApproved},
		{"no rep", TargetInput{Period: "2026"}, FRep, Required},
		{"not a rep", TargetInput{RepID: o.clerk.ID, Period: "2026"}, FRep, InvalidChoice},
	}
	for _, c := range cases {
		_, err := o.e.Desk(o.clerk).CreateTarget(o.ctx, c.in)
		var fes FieldErrors
		if !errors.As(err, &fes) || fes.For(c.field) == nil || fes.For(c.field).Code != c.code {
			t.Errorf("%s: got %v, want %s at %s", c.name, err, c.code, c.field)
		}
	}
	year, err := o.e.Desk(o.rep).CreateTarget(o.ctx, TargetInput{Period: "2026年", Tonnes: "3600"})
	o.must(err)
	o.must(o.e.Desk(o.rep).SubmitPlan(o.ctx, year, 0))
	if err := o.e.Desk(o.rep).Act(o.ctx, year, ActionApprove, ""); !refusedWith(err, RoleNotAllowed) {
		t.Errorf("a rep approved their own target: %v", err)
	}
	o.must(o.e.Desk(o.boss).Act(o.ctx, year, ActionApprove, ""))
	// A draft's period and figures change until it is submitted; a rep
	// lists only their own targets.
	again, err := o.e.Desk(o.rep).CreateTarget(o.ctx, TargetInput{Period: "2025", Tonnes: "1"})
	o.must(err)
	o.must(o.e.Desk(o.rep).UpdateTarget(o.ctx, again, 0, TargetInput{Period: "2027", Tonnes: "2"}))
	ts, err := o.e.Desk(o.rep).Targets(o.ctx)
	o.must(err)
	if len(ts) != 3 || ts[0].Period != "2027" || ts[0].Tonnes != 2000 || ts[0].Status != "draft" || ts[1].Status != "approved" {
		t.Errorf("the rep's targets: %+v", ts)
	}
}
