package statistics

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// keys are the screen's own bindings, built once per session with help
// in its language. q quits everywhere, so the quarter is Q.
type keys struct {
	day, week, month, quarter, year, rangeKey key.Binding
	prev, next, dim, dimBack, measure, unit   key.Binding
	sort, reverse, drill, up                  key.Binding
	reviews, leads, visits                    key.Binding // what may stand in place of the figures (aside.go)
}

func newKeys(c *common.Common) keys {
	b := c.Bind
	return keys{
		day:      b("d", "key.stat.day", "d"),
		week:     b("w", "key.stat.week", "w"),
		month:    b("m", "key.stat.month", "m"),
		quarter:  b("Q", "key.stat.quarter", "Q"),
		year:     b("y", "key.stat.year", "y"),
		rangeKey: b("r", "key.stat.range", "r"),
		prev:     b("[", "key.stat.prev", "["),
		next:     b("]", "key.stat.next", "]"),
		dim:      b("v", "key.stat.dim", "v"),
		dimBack:  b("V", "key.stat.dim_back", "V"),
		measure:  b("1-6", "key.stat.measure", "1", "2", "3", "4", "5", "6"),
		unit:     b("t", "key.stat.unit", "t"),
		sort:     b("s", "key.stat.sort", "s"),
		reverse:  b("S", "key.stat.reverse", "S"),
		drill:    b("enter", "key.stat.drill", "enter"),
		up:       b("esc", "key.stat.up", "esc"),
		reviews:  b("e", "key.stat.reviews", "e"),
		leads:    b("l", "key.stat.leads", "l"),
		visits:   b("b", "key.stat.visits", "b"),
	}
}

// periodKeys are the keys that choose a period kind.
func (k keys) periodKind(msg tea.KeyPressMsg) (workflow.PeriodKind, bool) {
	for kind, b := range map[workflow.PeriodKind]key.Binding{workflow.PeriodDay: k.day, workflow.PeriodWeek: k.week,
		workflow.PeriodMonth: k.month, workflow.PeriodQuarter: k.quarter, workflow.PeriodYear: k.year} {
		if key.Matches(msg, b) {
			return kind, true
		}
	}
	return "", false
}

// key handles a key while no form is open.
func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	if s.list.Editing {
		cmd, _ := s.list.Update(msg)
		return cmd
	}
	k := s.keys
	if cmd, ok := s.periodKey(msg); ok {
		return cmd
	}
	if cmd, ok := s.asideKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.dim):
		return s.cycleDim(1)
	case key.Matches(msg, k.dimBack):
		return s.cycleDim(-1)
	case key.Matches(msg, k.measure):
		s.measure = store.StatMeasures[msg.Code-'1']
		if s.top().trace {
			return s.load()
		}
		s.showRows()
	case key.Matches(msg, k.unit):
		if s.measure.MoneyOnly() {
			return nil // money only: t would flip a unit nobody sees
		}
		s.tonnes = !s.tonnes
		s.showRows()
	case key.Matches(msg, k.sort):
		s.sortBy = (s.sortBy + 1) % len(sortColumns)
		s.showRows()
	case key.Matches(msg, k.reverse):
		s.asc = !s.asc
		s.showRows()
	case key.Matches(msg, k.drill):
		return s.drill()
	case key.Matches(msg, k.up):
		if cmd, ok := s.list.Update(msg); ok {
			return cmd // a kept filter goes first, then up a level
		}
		return s.back()
	default:
		cmd, _ := s.list.Update(msg)
		return cmd
	}
	return nil
}

// periodKey moves the period, figures and reviews alike: a kind, the
// period before or after, a range, or the same period read again.
func (s *Screen) periodKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := s.keys
	if kind, ok := k.periodKind(msg); ok {
		s.period = workflow.PeriodOf(kind, s.period.Last())
		return s.load(), true
	}
	switch {
	case key.Matches(msg, k.prev):
		s.period = s.period.Shift(-1)
	case key.Matches(msg, k.next):
		s.period = s.period.Shift(1)
	case key.Matches(msg, k.rangeKey):
		return s.openRange(), true
	case key.Matches(msg, s.c.Keys.Refresh):
		s.forget() // read again, nothing kept from before
	default:
		return nil, false
	}
	return s.load(), true
}

// cycleDim splits the figures by the next (or previous) dimension, from
// the top: a drill-down's path belongs to the dimension it started in.
func (s *Screen) cycleDim(step int) tea.Cmd {
	dims := store.StatDims
	i := 0
	for j, d := range dims {
		if d == s.levels[0].dim {
			i = j
		}
	}
	s.levels = []level{{dim: dims[(i+step+len(dims))%len(dims)]}}
	s.list.Cursor.Reset()
	return s.load()
}

// ShortHelp lists the keys of what is shown.
func (s *Screen) ShortHelp() []key.Binding {
	if s.rangeForm != nil {
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Cancel}
	}
	k := s.keys
	if s.aside != noAside {
		return []key.Binding{k.day, k.week, k.month, k.quarter, k.year, k.rangeKey, k.prev, k.next, k.reviews, k.leads, k.visits, k.up}
	}
	return []key.Binding{k.day, k.week, k.month, k.quarter, k.year, k.rangeKey, k.prev, k.next, k.dim, k.measure,
		k.unit, k.sort, k.reverse, s.c.Keys.Filter, k.drill, k.up, k.reviews, k.leads, k.visits}
}

// FullHelp is the ? help: periods, what is shown, and moving.
func (s *Screen) FullHelp() [][]key.Binding {
	k := s.keys
	return [][]key.Binding{
		{k.day, k.week, k.month, k.quarter, k.year, k.rangeKey, k.prev, k.next},
		{k.dim, k.dimBack, k.measure, k.unit, k.sort, k.reverse, s.c.Keys.Filter, s.c.Keys.Refresh, k.reviews, k.leads, k.visits},
		append([]key.Binding{k.drill, k.up}, s.c.Keys.ListKeys()...),
	}
}
