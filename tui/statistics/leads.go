package statistics

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// The leads entered in the period shown (l), by source and where each
// stands now: how many became customers of all of them and of those
// decided, and the mean whole days from entered to won. Shares are the
// exact counts' ratios, rounded to a tenth of a per cent only here.

// loadLeads reads the leads of the period shown, by source.
func (s *Screen) loadLeads() tea.Cmd { return loadFigures(s, (*workflow.Desk).LeadStatisticsOf) }

// leadCells are one source's cells (the totals' when it has none): the
// leads in each stage, all of them, won of all, won of those decided
// and the mean days to win ("—" where there is nothing to divide by).
func (s *Screen) leadCells(r workflow.LeadStatRow) []string {
	days := "—"
	if d, ok := r.MeanDaysToWin(); ok {
		days = strconv.Itoa(d)
	}
	return append(s.c.LeadStageCells(r, "stat.total"), report.Percent(int64(r.Won), int64(r.Leads)),
		report.Percent(int64(r.Won), int64(r.Won+r.Lost)), days)
}

// leadColumns fit the table to width: the stages give way to the
// source's name last; the shares and days are never cut.
func (s *Screen) leadColumns(width int) []common.Column {
	t := s.c.T
	cols := []common.Column{{Title: t("leads.col.source"), Width: 6}}
	for _, st := range workflow.LeadStages() {
		cols = append(cols, common.Column{Title: t("leads.stat." + st), Width: common.Widest(3, t("leads.stat."+st)), Right: true})
	}
	cols = append(cols, common.Column{Title: t("leads.col.all"), Width: common.Widest(3, t("leads.col.all")), Right: true},
		common.Column{Title: t("leads.col.conversion"), Width: common.Widest(6, t("leads.col.conversion")), Right: true, Keep: true},
		common.Column{Title: t("leads.col.win_rate"), Width: common.Widest(6, t("leads.col.win_rate")), Right: true, Keep: true},
		common.Column{Title: t("stat.col.win_days"), Width: common.Widest(4, t("stat.col.win_days")), Right: true, Keep: true})
	if f := s.leads; f != nil {
		cols = common.WidenTo(cols, append(f.rows, f.total), s.leadCells)
	}
	cols = common.Stretch(cols, 0, width)
	return common.Squeeze(cols, width, common.Shrink{Col: 0, Min: 4})
}

// leadsView draws the leads: a row per source, the totals, what the
// figures mean.
func (s *Screen) leadsView() string {
	var rows [][]string
	var total []string
	if f := s.leads; f != nil {
		for _, r := range f.rows {
			rows = append(rows, s.leadCells(r))
		}
		total = s.leadCells(f.total)
	}
	return s.asideTable("stat.leads.title", s.leadColumns(s.width), rows, total, "stat.leads.none", "stat.leads.note")
}
