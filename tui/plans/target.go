package plans

import (
	"context"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// newTargetForm builds a target's fields: at the desk its rep first,
// then the month (2026-12) or year (2026), the tonnes and the amount.
func (s *Screen) newTargetForm(isNew bool) *form.Form {
	t := s.c.T
	var header []form.Field
	if isNew && !ownPlansOnly(s.c.Desk.User) {
		header = append(header, form.Field{Key: workflow.FRep, Label: t("field.name.rep"), Width: 12, Options: repOptions(s.reps)})
	}
	header = append(header,
		form.Field{Key: workflow.FPeriod, Label: t("field.name.period"), Width: 8, Hint: t("plans.target_period_hint")},
		form.Field{Key: workflow.FTonnes, Label: t("field.name.tonnes"), Width: 10, Right: true},
		form.Field{Key: workflow.FAmount, Label: t("field.name.amount"), Width: 14, Right: true},
		form.Field{Key: workflow.FNote, Label: t("field.name.note"), Width: 30},
	)
	return form.New(s.c, header...).EnterSaves()
}

// startNewTarget opens the form for a new target.
func (s *Screen) startNewTarget() tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPlans) {
		return common.Status(s.c.T("plans.cannot_draft"), true)
	}
	if cmd := s.formStillOpen(); cmd != nil {
		return cmd
	}
	s.forms++
	return s.showForm(&planForm{c: s.c, id: s.forms, target: true, f: s.newTargetForm(true), known: map[string]int64{}})
}

// targetInput reads the target's form.
func (f *planForm) targetInput() workflow.TargetInput {
	rep, _ := strconv.ParseInt(f.f.Value(workflow.FRep), 10, 64)
	return workflow.TargetInput{RepID: rep, Period: f.f.Value(workflow.FPeriod), Tonnes: f.f.Value(workflow.FTonnes),
		Amount: f.f.Value(workflow.FAmount), Note: f.f.Value(workflow.FNote)}
}

// saveTarget creates a target (docID 0) or saves the draft docID as of
// version seen.
func saveTarget(ctx context.Context, desk *workflow.Desk, form int, docID, seen int64, in workflow.TargetInput) tea.Cmd {
	return func() tea.Msg {
		msg := savedMsg{form: form, id: docID, target: true}
		if docID != 0 {
			msg.err = desk.UpdateTarget(ctx, docID, seen, in)
			return msg
		}
		msg.id, msg.err = desk.CreateTarget(ctx, in)
		return msg
	}
}

// startEditTarget opens the form over a draft or sent-back target: its
// rep stays as made.
func (s *Screen) startEditTarget(x store.Target) tea.Cmd {
	if !workflow.Can(s.c.Desk.User, workflow.DraftPlans) {
		return common.Status(s.c.T("plans.cannot_draft"), true)
	}
	if !editable(x.Status) {
		return common.Status(s.c.T("plans.not_editable", s.c.T("state.sales_target."+x.Status)), true)
	}
	if cmd := s.formStillOpen(); cmd != nil {
		return cmd
	}
	s.forms++
	ff := s.newTargetForm(false)
	ff.SetValue(workflow.FPeriod, x.Period)
	ff.SetValue(workflow.FTonnes, blankZero(x.Tonnes.String()))
	ff.SetValue(workflow.FAmount, blankZero(x.Amount.String()))
	ff.SetValue(workflow.FNote, x.Note)
	ff.MarkClean()
	return s.showForm(&planForm{c: s.c, id: s.forms, docID: x.DocID, seen: x.Version, ref: x.Ref, target: true, f: ff,
		fixed: x.Rep, known: map[string]int64{}})
}
