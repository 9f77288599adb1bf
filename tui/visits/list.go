package visits

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// The lists: the visits planned, and every visit, newest first.

func (s *Screen) listKeys() []key.Binding {
	k := s.keys
	return []key.Binding{s.PrevList, s.NextList, s.c.Keys.Filter, k.open, k.create, k.agenda, k.stats, s.c.Keys.Refresh}
}

func (s *Screen) current() (store.SalesVisit, bool) {
	if s.Lists.Shown == 0 {
		return s.planned.Current()
	}
	return s.all.Current()
}

func (s *Screen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.open):
		if v, ok := s.current(); ok {
			s.Mode = docscreen.Detail
			return s.openVisit(v.DocID)
		}
		return nil
	case key.Matches(msg, k.create):
		return s.startPlan(whom{})
	case key.Matches(msg, k.agenda):
		s.Mode, s.home = modeAgenda, modeAgenda
		return s.loadAgenda()
	case key.Matches(msg, k.stats):
		return s.openStats()
	}
	return s.Lists.Update(msg)
}

// listView draws the list tabs, the filter and the rows.
func (s *Screen) listView() string {
	p := s.planned
	if s.Lists.Shown != 0 {
		p = s.all
	}
	col := func(key string, w int) common.Column {
		return common.Column{Title: s.c.T("visits.col." + key), Width: w}
	}
	goal := common.Widest(4, s.c.T("visits.col.goal"))
	for _, g := range workflow.VisitGoals {
		goal = common.Widest(goal, s.goalText(g)) // whole where there is room ("solve a problem")
	}
	cols := common.Stretch([]common.Column{col("ref", 13), col("day", 10), col("at", 5), col("whom", 22), col("goal", goal),
		col("owner", 8), col("status", 11)}, 3, s.Width)
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 3, Min: 12}, common.Shrink{Col: 4, Min: 8},
		common.Shrink{Col: 5, Min: 0, Whole: true}, common.Shrink{Col: 2, Min: 0, Whole: true})
	return s.Lists.TabsView() + "\n" + p.View(cols, func(v store.SalesVisit) ([]string, bool) {
		return []string{v.Ref, v.On, v.At, v.Who, s.goalText(v.Goal), v.Owner, s.statusText(v)}, false
	})
}

// goalText is a goal in words ("" for a visit from the old log).
func (s *Screen) goalText(goal string) string {
	if goal == "" {
		return ""
	}
	return s.c.T("visits.goal." + goal)
}

// statusText is a visit's status, a reviewed one's as whether it
// reached its goal.
func (s *Screen) statusText(v store.SalesVisit) string {
	if v.Review != nil && v.Review.Reached != "" {
		return s.c.T("visits.reached." + v.Review.Reached)
	}
	if v.Status == workflow.VisitPlanned && v.On < s.c.Now().Format(time.DateOnly) {
		return s.c.T("visits.to_review") // its day is gone: it waits in the inbox
	}
	return s.c.T("state.visit." + v.Status)
}
