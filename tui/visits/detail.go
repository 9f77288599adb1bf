package visits

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

func (s *Screen) applyDetail(msg detailMsg) tea.Cmd {
	ok, cmd := s.TakeDetail(msg.req, msg.id, msg.err)
	if !ok {
		if s.Shown == 0 && s.Mode == docscreen.List {
			s.Mode = s.home
		}
		return cmd
	}
	v := msg.visit
	s.detail, s.matters = &v, msg.matters
	return nil
}

// detailKeys are the steps on the visit shown, offered as the workflow
// would take them now.
func (s *Screen) detailKeys() []key.Binding {
	k := s.keys
	keys := []key.Binding{k.edit, k.review, k.drop}
	v := s.detail
	planned := v != nil && v.Status == workflow.VisitPlanned
	keys[0].SetEnabled(planned)
	keys[1].SetEnabled(planned && v.OwnerID == s.c.Desk.User.ID)
	keys[2].SetEnabled(planned)
	return s.DocHelp(keys...)
}

func (s *Screen) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	cmd, step := s.DocKey(msg, s.goHome, s.openVisit)
	if !step || s.detail == nil {
		return cmd
	}
	v := *s.detail
	k := s.keys
	switch {
	case key.Matches(msg, k.edit):
		return s.startEdit(v)
	case key.Matches(msg, k.review):
		return s.startReview(v)
	case key.Matches(msg, k.drop):
		if v.Status != workflow.VisitPlanned {
			return s.Status(&workflow.Refusal{Code: workflow.VisitClosed})
		}
		s.OpenPrompt(s.c.T("visits.cancel_reason"), func(reason string) tea.Cmd {
			s.Busy = true
			return cancelVisit(s.c.Ctx, s.c.Desk, v.DocID, v.Version, reason)
		})
	}
	return nil
}

// applyDone ends a cancellation: one refused is said beside the reason
// (kept), one that went closes the line asking why.
func (s *Screen) applyDone(msg doneMsg) tea.Cmd {
	if cmd, failed := s.StepAnswered(msg.err, docscreen.Detail); failed {
		return tea.Batch(cmd, s.openVisit(msg.id))
	}
	return tea.Batch(s.Say(s.c.T("visits.cancelled")), s.openVisit(msg.id))
}

// detailView draws the visit: whom, when and where, the plan, what is
// open on the file, and the review.
func (s *Screen) detailView() string {
	v := s.detail
	if v == nil {
		return s.c.Styles.Muted.Render(s.c.T("visits.loading"))
	}
	st, t := s.c.Styles, s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("visits.detail.title", v.Ref, v.Who)) + "  " + st.Muted.Render(s.statusText(*v)) + "\n")
	when := strings.TrimSpace(s.dayName(v.On) + " " + v.At)
	field := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		b.WriteString(st.Muted.Render(label+t("customers.colon")) + "\n")
		for _, line := range strings.Split(value, "\n") {
			b.WriteString("  " + line + "\n")
		}
	}
	kind := t("visits.whom.customer")
	if v.LeadID != 0 {
		kind = t("visits.whom.lead")
	}
	b.WriteString(t("visits.detail.when", when, v.Place, kind, v.Owner) + "\n")
	if v.Goal != "" {
		b.WriteString(t("visits.detail.goal", s.goalText(v.Goal)) + "\n")
	}
	field(common.FieldName(s.c.Cat, workflow.FQuestions), v.Questions)
	field(common.FieldName(s.c.Cat, workflow.FMaterials), v.Materials)
	field(common.FieldName(s.c.Cat, workflow.FMatters), v.OpenMatters)
	if len(s.matters) > 0 {
		field(t("visits.matters_now"), s.mattersText(s.matters))
	}
	if r := v.Review; r != nil {
		b.WriteString("\n" + st.Title.Render(t("visits.review.title", r.By, r.At.In(s.c.Now().Location()).Format("2006-01-02"))) + "\n")
		if r.Reached != "" {
			b.WriteString(t("visits.review.reached", t("visits.reached."+r.Reached)) + "\n")
		}
		field(common.FieldName(s.c.Cat, workflow.FAchieved), r.Achieved)
		field(common.FieldName(s.c.Cat, workflow.FWhyNot), r.WhyNot)
		field(common.FieldName(s.c.Cat, workflow.FImprove), r.Improve)
		if r.NextStep != "" {
			field(common.FieldName(s.c.Cat, workflow.FNextStep), strings.TrimSpace(r.NextOn+" "+r.NextStep))
		}
	}
	if v.FromLog {
		b.WriteString(st.Muted.Render(t("visits.from_log")) + "\n")
	}
	if v.Reason != "" {
		b.WriteString("\n" + t("visits.detail.cancelled", v.Reason) + "\n")
	}
	return b.String()
}

// mattersText is what is open on a customer's file, a line each.
func (s *Screen) mattersText(ms []store.OpenMatter) string {
	t := s.c.T
	lines := make([]string, len(ms))
	for i, m := range ms {
		about := ""
		if m.About != "" {
			about = " " + t("complaint.type."+m.About)
		}
		lines[i] = t("visits.matter."+m.Kind, m.Ref, m.Day) + about
	}
	return strings.Join(lines, "\n")
}
