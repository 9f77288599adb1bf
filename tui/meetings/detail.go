package meetings

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

func (s *Screen) onDetail(msg detailMsg) tea.Cmd {
	ok, cmd := s.meeting.Take(msg.req, msg.err, msg.meeting)
	if ok {
		s.steps = msg.steps
	}
	return cmd
}

func (s *Screen) updateDetail(k tea.KeyPressMsg) tea.Cmd {
	m, cmd, step := s.meeting.Key(k, s.refresh)
	switch {
	case !step:
		return cmd
	case key.Matches(k, s.keys.addItem):
		return s.startItem(m)
	case key.Matches(k, s.keys.closeItem):
		return s.startDone(m)
	case key.Matches(k, s.keys.submit, s.keys.sendBack, s.keys.void):
		return s.step(k, m)
	}
	s.Body.Key(k)
	return nil
}

// detailText is the minutes shown: when and where, who attended, and
// each decision with its state and its action items.
func (s *Screen) detailText() string {
	m := s.meeting.Doc
	if m == nil {
		return s.c.Styles.Muted.Render(s.c.T("status.loading"))
	}
	st, t, today := s.c.Styles, s.c.T, s.today()
	var b strings.Builder
	b.WriteString(st.Title.Render(t("meetings.minutes", m.Ref)) + "  " + st.Muted.Render(t("state.meeting."+m.Status)) + "\n\n")
	field := func(label, v string) {
		if v != "" {
			b.WriteString(st.Label.Render(common.Fit(common.FieldName(s.c.Cat, label), 10, false)) + " " + v + "\n")
		}
	}
	field(workflow.FHeldOn, m.HeldOn)
	field(workflow.FPlace, m.Place)
	var names []string
	for _, a := range m.Attendees {
		names = append(names, a.Name)
	}
	field(workflow.FAttendees, strings.Join(names, "、"))
	field("maker", m.Maker)
	if m.Reason != "" {
		field("reason", m.Reason)
	}
	b.WriteString("\n" + st.Title.Render(t("meetings.decisions", len(m.Decisions))) + "\n")
	for _, d := range m.Decisions {
		state := workflow.DecisionState(*m, d.No, today)
		mark := t("meetings.decision." + state)
		if state == workflow.DecisionLate {
			mark = st.StatusError.Render(mark)
		}
		b.WriteString(strconv.Itoa(d.No) + ". " + d.Text + "  [" + mark + "]\n")
		for _, a := range m.Items {
			if a.DecisionNo == d.No {
				b.WriteString(s.itemLine(a, today))
			}
		}
	}
	return b.String()
}

// itemLine is an action item under its decision: owner, due day, what;
// then, once done, what was done, when and by whom.
func (s *Screen) itemLine(a store.ActionItem, today string) string {
	st, t := s.c.Styles, s.c.T
	line := "   · " + a.Owner + "  " + a.DueOn + "  " + a.What
	late := workflow.ItemLate(a, today)
	switch {
	case a.IsDone() && late:
		line += "  " + st.StatusError.Render(t("meetings.item.done_late"))
	case a.IsDone():
		line += "  " + st.Muted.Render(t("meetings.item.done"))
	case late:
		line += "  " + st.StatusError.Render(t("meetings.item.late"))
	default:
		line += "  " + t("meetings.item.open")
	}
	line += "\n"
	if a.IsDone() {
		line += "     " + st.Muted.Render(t("meetings.item.done_by", a.DoneOn, a.DoneBy, a.Done)) + "\n"
	}
	return line
}
