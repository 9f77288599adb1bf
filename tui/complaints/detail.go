package complaints

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

func (s *Screen) updateDetail(k tea.KeyPressMsg) tea.Cmd {
	v, cmd, step := s.shown.Key(k, s.refresh)
	switch {
	case !step:
		return cmd
	case key.Matches(k, s.keys.act):
		return s.open(s.newActionSheet(v))
	case key.Matches(k, s.keys.resolve):
		return s.open(s.newResolveSheet(v))
	case key.Matches(k, s.keys.followUp):
		return s.open(s.newFollowUpSheet(v.DocID, v.Ref, docscreen.Detail))
	case key.Matches(k, s.keys.close):
		s.Busy = true
		return act(s.c.Ctx, s.c.Desk, v.DocID, v.Version, workflow.ActionApprove, "")
	case key.Matches(k, s.keys.sendBack):
		id, seen := v.DocID, v.Version
		s.AskLine(s.c.T("complaints.send_back_why"), "", s.Width-4, func(text string) tea.Cmd {
			s.Busy = true
			return act(s.c.Ctx, s.c.Desk, id, seen, workflow.ActionSendBack, text)
		})
		return nil
	}
	s.Body.Key(k)
	return nil
}

func (s *Screen) updatePrompt(msg tea.Msg) tea.Cmd { return s.PromptKey(msg, docscreen.Detail, false) }

func (s *Screen) onDone(msg doneMsg) tea.Cmd {
	s.Busy = false
	if msg.err != nil {
		return s.Status(msg.err)
	}
	return tea.Batch(s.reload(), s.shown.Read(msg.id), common.Status(s.c.T("complaints.done"), false))
}

// field writes "label  value" on a line of its own.
func (s *Screen) field(b *strings.Builder, label, value string) {
	st := s.c.Styles
	b.WriteString(st.Label.Render(common.Fit(s.c.T(label), 12, false)) + " " + st.Value.Render(value) + "\n")
}

// detailText is the complaint shown: who and what, what it concerns and
// led to, each action with who and when, the resolution, the follow-up.
func (s *Screen) detailText() string {
	st := s.c.Styles
	t := s.c.T
	v := s.shown.Doc
	if v == nil {
		return st.Muted.Render(t("complaints.loading"))
	}
	var b strings.Builder
	status := t("state.complaint." + v.Status)
	if v.Flagged {
		status += " · " + t("complaints.flag.late_long")
	}
	b.WriteString(st.Title.Render(t("complaints.detail_title", v.Ref)) + "  " + st.Muted.Render(status) + "\n")
	s.field(&b, "complaints.field.customer", v.Customer+" ("+v.Mnemonic+")")
	s.field(&b, "complaints.field.type", t("complaint.type."+v.Type)+" → "+t("role."+v.RouteRole))
	s.field(&b, "complaints.field.severity", t("complaint.severity."+v.Severity)+" · "+t("complaint.channel."+v.Channel))
	s.field(&b, "complaints.field.recorded", v.CreatedAt.In(s.c.Now().Location()).Format("2006-01-02 15:04")+" "+v.Maker+
		" · "+s.c.Cat.Count("complaints.age", v.Age))
	concerns := t("complaints.none")
	if v.ConcernsRef != "" {
		concerns = t("kind."+v.ConcernsKind) + " " + v.ConcernsRef
		if v.Product != "" {
			concerns += " · " + v.Product
		}
	}
	s.field(&b, "complaints.field.concerns", concerns)
	led := make([]string, len(v.LedTo))
	for i, l := range v.LedTo {
		led[i] = t("kind."+l.Kind) + " " + l.Ref
	}
	if len(led) == 0 {
		led = []string{t("complaints.none")}
	}
	s.field(&b, "complaints.field.led_to", strings.Join(led, ", "))
	b.WriteString("\n" + st.Label.Render(t("complaints.field.words")) + "\n  " + v.Words + "\n")
	b.WriteString("\n" + st.Label.Render(t("complaints.actions")) + "\n")
	if len(v.Actions) == 0 {
		b.WriteString("  " + st.Muted.Render(t("complaints.no_actions")) + "\n")
	}
	for _, a := range v.Actions {
		b.WriteString("  " + s.stamp(a.At) + " " + a.By + ": " + a.Text + "\n")
	}
	for _, r := range v.Resolutions {
		line := t("complaints.resolution_line", t("complaint.resolution."+r.Resolution), r.By, s.stamp(r.At))
		if r.Note != "" {
			line += ": " + r.Note
		}
		b.WriteString("\n" + st.Label.Render(t("complaints.field.resolution")) + " " + line)
	}
	if !v.ClosedAt.IsZero() {
		b.WriteString("\n" + st.Label.Render(t("complaints.closed_at")) + " " + s.stamp(v.ClosedAt))
	}
	if f := v.FollowUp; f != nil {
		b.WriteString("\n" + st.Label.Render(t("complaints.follow_up")) + " " + s.satisfied(f.Satisfied) + " · " + f.CalledOn + " " + f.By)
		if f.Remark != "" {
			b.WriteString(": " + f.Remark)
		}
	}
	return b.String()
}

// stamp is a moment in the desk's time, briefly.
func (s *Screen) stamp(at time.Time) string {
	if at.IsZero() {
		return ""
	}
	return at.In(s.c.Now().Location()).Format("01-02 15:04")
}

func (s *Screen) satisfied(ok bool) string {
	if ok {
		return s.c.T("followup.satisfied")
	}
	return s.c.T("followup.unsatisfied")
}
