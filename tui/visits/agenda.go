package visits

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
)

// The agenda is the week's visits per person, each person's by day and
// time (the desk and supervisors see everyone's, a rep their own).

func (s *Screen) applyAgenda(msg agendaMsg) tea.Cmd {
	if msg.req != s.agendaReq {
		return nil
	}
	s.agenda, s.agendaErr = agendaOrder(msg.visits), msg.err
	s.agendaPos = min(s.agendaPos, max(len(s.agenda)-1, 0))
	if msg.err != nil {
		return s.Status(msg.err)
	}
	return nil
}

// agendaOrder sorts the week by person, then day and time.
func agendaOrder(vs []store.SalesVisit) []store.SalesVisit {
	out := append([]store.SalesVisit(nil), vs...)
	less := func(a, b store.SalesVisit) bool {
		if a.Owner != b.Owner {
			return a.Owner < b.Owner
		}
		if a.On != b.On {
			return a.On < b.On
		}
		if a.At != b.At {
			return a.At < b.At
		}
		return a.DocID < b.DocID
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (s *Screen) agendaKeys() []key.Binding {
	k := s.keys
	return []key.Binding{k.open, k.prevWeek, k.nextWeek, k.create, k.lists, s.c.Keys.Filter, k.stats, s.c.Keys.Refresh, s.c.Keys.Up, s.c.Keys.Down}
}

func (s *Screen) agendaKey(msg tea.KeyPressMsg) tea.Cmd {
	k, ck := s.keys, s.c.Keys
	switch {
	case key.Matches(msg, ck.Up):
		s.agendaPos = max(s.agendaPos-1, 0)
	case key.Matches(msg, ck.Down):
		s.agendaPos = min(s.agendaPos+1, max(len(s.agenda)-1, 0))
	case key.Matches(msg, ck.Top):
		s.agendaPos = 0
	case key.Matches(msg, ck.Bottom):
		s.agendaPos = max(len(s.agenda)-1, 0)
	case key.Matches(msg, k.prevWeek):
		s.week, s.agendaPos = s.week.AddDate(0, 0, -7), 0
		return s.loadAgenda()
	case key.Matches(msg, k.nextWeek):
		s.week, s.agendaPos = s.week.AddDate(0, 0, 7), 0
		return s.loadAgenda()
	case key.Matches(msg, k.open):
		if s.agendaPos < len(s.agenda) {
			s.Mode = docscreen.Detail
			return s.openVisit(s.agenda[s.agendaPos].DocID)
		}
	case key.Matches(msg, k.create):
		return s.startPlan(whom{})
	case key.Matches(msg, k.lists):
		s.Mode, s.home = docscreen.List, docscreen.List
		return s.Lists.Reload()
	case key.Matches(msg, ck.Filter):
		// A week is a handful of visits: / searches every visit, in its
		// list, with what is typed next going into the filter.
		s.Mode, s.home = docscreen.List, docscreen.List
		show := s.Lists.Show(s.Lists.Index("all"))
		return tea.Batch(show, s.Lists.Update(msg))
	case key.Matches(msg, k.stats):
		return s.openStats()
	case key.Matches(msg, ck.Refresh):
		return s.loadAgenda()
	}
	return nil
}

// agendaView draws the week: a heading per person, a line per visit.
func (s *Screen) agendaView() string {
	st, t := s.c.Styles, s.c.T
	end := s.week.AddDate(0, 0, 6)
	var b strings.Builder
	b.WriteString(st.Title.Render(t("visits.agenda.title", s.week.Format("2006-01-02"), end.Format("01-02"))) + "  " +
		st.Muted.Render(t("visits.agenda.hint")) + "\n")
	if len(s.agenda) == 0 {
		b.WriteString("\n  " + st.Muted.Render(t("visits.agenda.empty")) + "\n")
		return b.String()
	}
	lines, cur := s.agendaLines()
	rows := max(s.Height-2, 3)
	start := max(0, min(cur-rows/2, len(lines)-rows))
	for i := start; i < len(lines) && i < start+rows; i++ {
		b.WriteString(lines[i] + "\n")
	}
	return b.String()
}

// agendaLines are the agenda's lines, person headings among the
// visits, and the line of the visit under the cursor.
func (s *Screen) agendaLines() (lines []string, cur int) {
	st, t := s.c.Styles, s.c.T
	cols := s.agendaColumns()
	owner := ""
	for i, v := range s.agenda {
		if i == 0 || v.Owner != owner {
			owner = v.Owner
			lines = append(lines, st.Header.Render(common.Fit(t("visits.agenda.person", owner, countOwner(s.agenda, owner)), s.Width, false)))
		}
		line := common.Line(cols, s.agendaCells(v))
		if i == s.agendaPos {
			cur = len(lines)
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return lines, cur
}

func countOwner(vs []store.SalesVisit, owner string) int {
	n := 0
	for _, v := range vs {
		if v.Owner == owner {
			n++
		}
	}
	return n
}

func (s *Screen) agendaColumns() []common.Column {
	cols := []common.Column{
		{Title: "", Width: 12, Keep: true},
		{Title: "", Width: 5, Keep: true},
		{Title: "", Width: 22},
		{Title: "", Width: 8, Words: true},
		{Title: "", Width: 6, Keep: true},
		{Title: "", Width: 16},
	}
	// The goal and the status are whole words where there is room; the
	// place, then the goal, then the name give way in a narrow window.
	cols = common.WidenTo(cols, s.agenda, s.agendaCells)
	return common.Squeeze(common.Stretch(cols, 2, s.Width), s.Width,
		common.Shrink{Col: 5, Min: 0}, common.Shrink{Col: 2, Min: 12}, common.Shrink{Col: 3, Min: 4}, common.Shrink{Col: 2, Min: 8})
}

func (s *Screen) agendaCells(v store.SalesVisit) []string {
	return []string{"  " + s.dayName(v.On), v.At, v.Who, s.goalText(v.Goal), s.statusText(v), v.Place}
}

// dayName is a day as its weekday and month-day: 周二 11-03.
func (s *Screen) dayName(day string) string {
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return s.c.T("visits.weekday."+d.Weekday().String()) + " " + d.Format("01-02")
}
