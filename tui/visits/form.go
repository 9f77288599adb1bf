package visits

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// The plan (访前计划): whom, when, where, the goal, then what to prepare
// on a page of its own: questions and answers, materials, what was
// left open last time (started from the customer's file).

func (s *Screen) note(key string, rows int) form.Field {
	f := s.Field(key, 60)
	f.Rows, f.Limit = rows, workflow.MaxLong
	return f
}

func (s *Screen) options(prefix string, values []string) []form.Option {
	out := make([]form.Option, len(values))
	for i, v := range values {
		out[i] = form.Option{Value: v, Label: s.c.T(prefix + v)}
	}
	return out
}

// planFields are the plan's fields; the desk also names whose visit.
func (s *Screen) planFields(w whom, editing bool) *form.Form {
	whomF := s.Field(workflow.FVisitWhom, 30)
	whomF.ReadOnly = w.fixed() || editing
	whomF.Hint = s.c.T("visits.whom_hint")
	fields := []form.Field{whomF}
	if s.plansForOthers() && len(s.makers) > 0 {
		owner := s.Field(workflow.FVisitOwner, 12)
		for _, u := range s.makers {
			owner.Options = append(owner.Options, form.Option{Value: itoa(u.ID), Label: u.Name})
		}
		fields = append(fields, owner)
	}
	day, at := s.Field(workflow.FVisitOn, 12), s.Field(workflow.FVisitAt, 6)
	day.Hint, at.Hint = s.c.T("visits.day_hint"), s.c.T("visits.at_hint")
	place := s.Field(workflow.FPlace, 30)
	place.Limit = workflow.MaxShort
	goal := s.Field(workflow.FGoal, 12)
	goal.Options = s.options("visits.goal.", workflow.VisitGoals)
	questions := s.note(workflow.FQuestions, 3)
	questions.Break, questions.Note = true, s.c.T("visits.prepare")
	fields = append(fields, day, at, place, goal, questions, s.note(workflow.FMaterials, 2), s.note(workflow.FMatters, 3))
	return form.New(s.c, fields...)
}

// startPlan opens a new plan for w (nobody: the form asks whom), for
// tomorrow by default, owned by the caller.
func (s *Screen) startPlan(w whom) tea.Cmd {
	s.whom, s.formKind, s.detail, s.Shown = w, formPlan, nil, 0
	s.mattersOf, s.filledMatters = "", ""
	f := s.planFields(w, false)
	f.SetValue(workflow.FVisitWhom, w.name)
	f.SetValue(workflow.FVisitOwner, itoa(s.c.Desk.User.ID))
	f.SetValue(workflow.FVisitOn, s.c.Now().AddDate(0, 0, 1).Format("2006-01-02"))
	f.SetValue(workflow.FGoal, workflow.VisitGoals[0])
	if w.fixed() {
		f.FocusField(workflow.FVisitOn)
	}
	s.OpenForm(f)
	if w.customer == 0 {
		return nil
	}
	s.formReq = s.NextReq()
	return loadMatters(s.c.Ctx, s.c.Desk, s.formReq, w.customer)
}

// applyMatters starts a new plan's open matters with the file's, unless
// something else was typed there already (what an earlier customer's
// file gave is replaced).
func (s *Screen) applyMatters(msg mattersMsg) tea.Cmd {
	if msg.req != s.formReq || s.Form == nil || s.formKind != formPlan {
		return nil
	}
	had := s.Form.Value(workflow.FMatters)
	if msg.err == nil && (strings.TrimSpace(had) == "" || had == s.filledMatters) {
		s.filledMatters = s.mattersText(msg.matters)
		s.Form.SetValue(workflow.FMatters, s.filledMatters)
	}
	if s.saveAfterMatters {
		// A customer not found is the save's to say, at its field.
		s.Busy, s.saveAfterMatters = false, false
		return s.saveForm()
	}
	return nil
}

// lookUpMatters reads the open matters of the customer typed in a new
// plan's form once the field is left with another one in it.
func (s *Screen) lookUpMatters(left string) tea.Cmd {
	typed := strings.TrimSpace(s.Form.Value(workflow.FVisitWhom))
	if s.formKind != formPlan || s.whom.fixed() || left != workflow.FVisitWhom || typed == s.mattersOf {
		return nil
	}
	s.mattersOf = typed
	s.formReq = s.NextReq()
	return loadMattersTyped(s.c.Ctx, s.c.Desk, s.formReq, typed)
}

// startEdit opens the plan of the visit shown.
func (s *Screen) startEdit(v store.SalesVisit) tea.Cmd {
	if v.Status != workflow.VisitPlanned {
		return s.Status(&workflow.Refusal{Code: workflow.VisitClosed})
	}
	s.formKind = formEdit
	f := s.planFields(whom{name: v.Who}, true)
	in := workflow.InputFromVisit(v)
	for k, val := range map[string]string{workflow.FVisitWhom: v.Who, workflow.FVisitOwner: itoa(v.OwnerID), workflow.FVisitOn: in.On,
		workflow.FVisitAt: in.At, workflow.FPlace: in.Place, workflow.FGoal: in.Goal, workflow.FQuestions: in.Questions,
		workflow.FMaterials: in.Materials, workflow.FMatters: in.Matters} {
		f.SetValue(k, val)
	}
	f.FocusField(workflow.FVisitOn)
	s.OpenForm(f)
	return nil
}

// planInput is what the plan form holds.
func (s *Screen) planInput() workflow.VisitInput {
	f := s.Form
	in := workflow.VisitInput{CustomerID: s.whom.customer, LeadID: s.whom.lead, Customer: f.Value(workflow.FVisitWhom),
		On: f.Value(workflow.FVisitOn), At: f.Value(workflow.FVisitAt), Place: f.Value(workflow.FPlace), Goal: f.Value(workflow.FGoal),
		Questions: f.Value(workflow.FQuestions), Materials: f.Value(workflow.FMaterials), Matters: f.Value(workflow.FMatters)}
	in.OwnerID = parseID(f.Value(workflow.FVisitOwner))
	return in
}

func (s *Screen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	_, was := s.Form.Focused()
	cmd, act := s.Form.Handle(msg, s.c.Keys)
	if _, now := s.Form.Focused(); act == form.Typed && now != was {
		return tea.Batch(cmd, s.lookUpMatters(was))
	}
	switch act {
	case form.Cancel:
		s.Form = nil
		if s.Shown != 0 {
			s.Mode = docscreen.Detail
			return s.Say(s.c.T("visits.not_saved"))
		}
		return tea.Batch(s.goHome(), s.Say(s.c.T("visits.not_saved")))
	case form.Save:
		if s.Busy {
			return cmd
		}
		if look := s.lookUpMatters(workflow.FVisitWhom); look != nil {
			// Saved from the customer field before its file's open
			// matters were read: read them, then save (applyMatters).
			s.Busy, s.saveAfterMatters = true, true
			return tea.Batch(cmd, look)
		}
		return tea.Batch(cmd, s.saveForm())
	}
	return cmd
}

// saveForm hands what was typed to the workflow; what is wrong comes
// back at its field with what was typed kept.
func (s *Screen) saveForm() tea.Cmd {
	s.Form.ClearErrors()
	s.Busy = true
	s.formReq = s.NextReq()
	req, kind, ctx, d := s.formReq, s.formKind, s.c.Ctx, s.c.Desk
	switch kind {
	case formReview:
		v, in := *s.detail, s.reviewInput()
		return func() tea.Msg {
			return savedMsg{req: req, kind: kind, id: v.DocID, err: d.ReviewVisit(ctx, v.DocID, v.Version, in)}
		}
	case formEdit:
		v, in := *s.detail, s.planInput()
		return func() tea.Msg {
			return savedMsg{req: req, kind: kind, id: v.DocID, err: d.UpdateVisit(ctx, v.DocID, v.Version, in)}
		}
	}
	in := s.planInput()
	return func() tea.Msg {
		id, err := d.PlanVisit(ctx, in)
		return savedMsg{req: req, kind: kind, id: id, err: err}
	}
}

func (s *Screen) applySaved(msg savedMsg) tea.Cmd {
	if msg.req != s.formReq {
		return nil
	}
	if msg.err != nil {
		return s.ActionFailed(msg.err, true, s.ShowFieldErrors(nil), func() tea.Cmd { return nil })
	}
	s.Busy, s.Form = false, nil
	said := map[formKind]string{formPlan: "visits.planned", formEdit: "visits.saved", formReview: "visits.reviewed"}[msg.kind]
	s.Mode = docscreen.Detail
	return tea.Batch(s.Say(s.c.T(said)), s.openVisit(msg.id), s.loadAgenda())
}

// formView draws the form under its title, with its keys.
func (s *Screen) formView() string {
	st, t := s.c.Styles, s.c.T
	var title string
	switch s.formKind {
	case formPlan:
		title = t("visits.plan_title")
	case formEdit:
		title = t("visits.edit_title", s.detail.Ref)
	case formReview:
		title = t("visits.review_title", s.detail.Ref, s.detail.Who, s.goalText(s.detail.Goal))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	if s.Busy {
		b.WriteString(st.Muted.Render(t("visits.saving")) + "\n")
	} else if errs := s.Form.Errors(); len(errs) > 0 {
		b.WriteString(st.FieldError.Render(common.Fit(t("error.fix_fields"), s.Width, false)) + "\n")
	} else {
		b.WriteString("\n")
	}
	b.WriteString(s.Form.View())
	return b.String()
}
