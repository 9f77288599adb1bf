package statistics

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// The visits planned for the days of the period shown (b), per rep:
// made, reviewed, the goal reached, partly or not, the share reached of
// those reviewed (exact, rounded only here), those past and waiting for
// their review, and those cancelled.

// loadVisits reads the visits of the period shown, per rep.
func (s *Screen) loadVisits() tea.Cmd { return loadFigures(s, (*workflow.Desk).VisitStatisticsOf) }

// visitCells are one rep's cells (the totals' when Owner is empty).
func (s *Screen) visitCells(r store.VisitStat) []string {
	owner := r.Owner
	if r.OwnerID == 0 {
		owner = s.c.T("stat.total")
	}
	n := strconv.Itoa
	return []string{owner, n(r.Visits), n(r.Reviewed), n(r.Reached), n(r.Part), n(r.Missed),
		report.Percent(int64(r.Reached), int64(r.Reviewed)), n(r.Waiting), n(r.Cancelled)}
}

// visitColumns fit the table to width: the rep's name gives way first.
func (s *Screen) visitColumns(width int) []common.Column {
	col := func(key string, w int) common.Column {
		title := s.c.T("visits.stats.col." + key)
		return common.Column{Title: title, Width: common.Widest(w, title), Right: true, Keep: true}
	}
	cols := []common.Column{{Title: s.c.T("stat.col.rep"), Width: 6}, col("visits", 3), col("reviewed", 3), col("reached", 3),
		col("partly", 3), col("missed", 3), col("share", 6), col("waiting", 3), col("cancelled", 3)}
	if f := s.visits; f != nil {
		cols = common.WidenTo(cols, append(f.rows, f.total), s.visitCells)
	}
	cols = common.Stretch(cols, 0, width)
	return common.Squeeze(cols, width, common.Shrink{Col: 0, Min: 4})
}

// visitsView draws the visits: a row per rep, the totals, what the
// figures mean.
func (s *Screen) visitsView() string {
	var rows [][]string
	var total []string
	if f := s.visits; f != nil {
		for _, r := range f.rows {
			rows = append(rows, s.visitCells(r))
		}
		total = s.visitCells(f.total)
	}
	return s.asideTable("stat.visits.title", s.visitColumns(s.width), rows, total, "stat.visits.none", "stat.visits.note")
}
