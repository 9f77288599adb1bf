package statistics

import (
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// chartLeast is the fewest lines the chart under the table is drawn in.
const chartLeast = 6

// fixed are the lines around the table rows: the header, the path, the
// column titles, the total and the note or filter line.
const fixed = 5

// chartHeight is the lines the chart takes: a third of a tall window,
// none in a short one (the table comes first).
func (s *Screen) chartHeight() int {
	h := min(s.height/3, 12)
	if h < chartLeast || s.top().trace {
		return 0
	}
	return h
}

// tableRows are the rows of the table shown at once.
func (s *Screen) tableRows() int { return max(s.height-fixed-s.chartHeight(), 1) }

// View draws the header, the table and the chart.
func (s *Screen) View() string {
	if s.rangeForm != nil {
		return s.c.Styles.Title.Render(s.c.T("stat.range.title")) + "\n" + s.rangeForm.View()
	}
	if v := s.asideView(); v != "" {
		return v
	}
	var b strings.Builder
	b.WriteString(common.Fit(s.header(), s.width, false) + "\n")
	b.WriteString(common.Fit(s.path(), s.width, false) + "\n")
	total := s.total()
	cols := s.columns(s.width, total)
	if s.top().trace {
		b.WriteString(s.list.Render(cols, func(l line) ([]string, bool) { return s.docCells(*l.doc), false }))
	} else {
		spark := cols[len(cols)-1].Width
		b.WriteString(s.list.Render(cols, func(l line) ([]string, bool) { return s.cells(l.row, l.label, spark), false }))
		cells := s.cells(total, s.c.T("stat.total"), spark)
		b.WriteString("\n" + s.c.Styles.Header.Render(common.Line(cols, cells)))
	}
	b.WriteString("\n" + s.note())
	if h := s.chartHeight(); h > 0 && s.answered > 0 {
		used := strings.Count(b.String(), "\n") + 1
		if room := s.height - used; room >= chartLeast {
			b.WriteString("\n" + s.bars(s.width, min(h, room), total))
		}
	}
	return b.String()
}

// labelOf is a row's label as the screen shows it: the one row of the
// dimension "all" has none of its own, and a source (none: not
// recorded) and payment terms are named in the user's words.
func (s *Screen) labelOf(r workflow.StatRow) string {
	switch {
	case s.top().dim == store.StatSource && r.Label == "":
		return s.c.T("stat.source.none")
	case s.top().dim == store.StatSource:
		return s.c.T("lead.source." + r.Label)
	case s.top().dim == store.StatTerms && r.Label != "":
		return s.c.T("terms." + r.Label)
	case r.Label == "":
		return s.c.T("stat.total")
	}
	return r.Label
}

// header names the period, the dimension, the measure and the unit.
func (s *Screen) header() string {
	t := s.c.T
	unit := t("stat.unit.money")
	if s.inTonnes() {
		unit = t("stat.unit.tonnes")
	}
	parts := []string{t("stat.period."+string(s.period.Kind)) + " " + s.period.Label(), t("stat.by." + string(s.levels[0].dim)),
		t("stat.measure." + string(s.measure)), unit}
	return s.c.Styles.Title.Render(strings.Join(parts, " · "))
}

// path is the drill-down so far and the order of the rows.
func (s *Screen) path() string {
	var steps []string
	for _, lv := range s.levels[1:] {
		steps = append(steps, lv.label)
	}
	out := strings.Join(steps, " › ")
	if !s.top().trace {
		dir := "↓"
		if s.asc != (s.sortBy == sortLabel) {
			dir = "↑"
		}
		out = strings.TrimSpace(out + "  " + s.c.T("stat.sorted", s.c.T(sortTitles[s.sortBy]), dir))
	}
	return s.c.Styles.Muted.Render(out)
}

var sortTitles = []string{"stat.col.label", "stat.col.now", "stat.col.previous", "stat.col.previous_change",
	"stat.col.last_year", "stat.col.last_year_change"}

// note is the filter line, or what is missing: an empty period, money
// withheld, money that goods do not carry.
func (s *Screen) note() string {
	if f := s.list.FilterView(); f != "" {
		return f
	}
	muted := s.c.Styles.Muted.Render
	switch {
	case s.answered == 0:
		return muted(s.c.T("stat.loading"))
	case s.top().trace && len(s.docs) == 0:
		return muted(s.c.T("stat.no_docs"))
	case s.top().trace:
		return ""
	case s.quick && !s.view.NoData:
		return muted(s.c.T("stat.months_loading"))
	case s.view.NoData || s.nothingShown():
		return muted(s.c.T("stat.no_data", s.c.T("stat.measure."+string(s.measure))))
	case s.view.MoneyWithheld && !s.inTonnes():
		return muted(s.c.T("stat.money_withheld"))
	case s.customersOnly():
		return muted(s.c.T("stat.customers_only"))
	}
	return ""
}

// nothingShown says the measure shown is zero in every row and period
// of the view: its rows are there for another measure (what customers
// still owe, in a month to come).
func (s *Screen) nothingShown() bool {
	if s.answered == 0 || s.customersOnly() {
		return false
	}
	zero := func(r *workflow.StatRow) bool {
		for _, f := range r.Figures {
			if v, ok := s.figure(f); !ok || v != 0 {
				return false
			}
		}
		return true
	}
	if !zero(&s.view.Total) {
		return false
	}
	for i := range s.view.Rows {
		if !zero(&s.view.Rows[i]) {
			return false
		}
	}
	return true
}
