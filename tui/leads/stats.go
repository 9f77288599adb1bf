package leads

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
	"orderdesk/workflow/report"
)

// openStats shows the leads by source and stage.
func (s *Screen) openStats() tea.Cmd {
	s.Mode = modeStats
	s.statsReq = s.NextReq()
	return loadStats(s.c.Ctx, s.c.Desk, s.statsReq)
}

func (s *Screen) onStats(msg statsMsg) tea.Cmd {
	if msg.req != s.statsReq {
		return nil
	}
	if msg.err != nil {
		return s.Status(msg.err)
	}
	s.stats = &msg
	return nil
}

func (s *Screen) updateStats(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.back), key.Matches(k, s.keys.stats):
		s.Mode = docscreen.List
	case key.Matches(k, s.keys.refresh):
		return s.openStats()
	}
	return nil
}

func (s *Screen) statsColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{{Title: t("leads.col.source"), Width: common.Widest(s.sourceWidth(), t("leads.total"))}}
	for _, st := range workflow.LeadStages() {
		cols = append(cols, common.Column{Title: t("leads.stat." + st), Width: common.Widest(4, t("leads.stat."+st)), Right: true})
	}
	return append(cols,
		common.Column{Title: t("leads.col.all"), Width: common.Widest(4, t("leads.col.all")), Right: true},
		common.Column{Title: t("leads.col.conversion"), Width: common.Widest(6, t("leads.col.conversion")), Right: true},
		common.Column{Title: t("leads.col.win_rate"), Width: common.Widest(6, t("leads.col.win_rate")), Right: true},
		common.Column{Title: t("leads.col.win_days"), Width: common.Widest(6, t("leads.col.win_days")), Right: true},
	)
}

// statsCells are one source's cells: "—" where there is nothing to
// divide by, as the Statistics screen writes it (no lead decided has no
// win rate, not one of 0%).
func (s *Screen) statsCells(r workflow.LeadStatRow) []string {
	days := "—"
	if r.Won > 0 {
		days = tenths(r.WinDaysTenths())
	}
	return append(s.c.LeadStageCells(r, "leads.total"), report.Percent(int64(r.Won), int64(r.Leads)),
		report.Percent(int64(r.Won), int64(r.Won+r.Lost)), days)
}

// tenths writes n tenths as a figure with one decimal: 333 is 33.3.
func tenths(n int) string { return strconv.Itoa(n/10) + "." + strconv.Itoa(n%10) }

// viewStats draws a row per source and the totals: leads in each stage,
// how many of all became customers, how many of those decided were won,
// and the mean days from entered to won.
func (s *Screen) viewStats() string {
	st := s.c.Styles
	t := s.c.T
	var b strings.Builder
	b.WriteString(common.Fit(st.Title.Render(t("leads.stats_title"))+"  "+st.Muted.Render(t("leads.stats_hint")), s.Width, false) + "\n")
	cols := common.Squeeze(s.statsColumns(), s.Width)
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if s.stats == nil || s.stats.req != s.statsReq {
		return b.String() + st.Muted.Render(t("status.loading"))
	}
	if len(s.stats.rows) == 0 {
		return b.String() + st.Muted.Render(t("leads.empty"))
	}
	for _, r := range s.stats.rows {
		b.WriteString(common.Line(cols, s.statsCells(r)) + "\n")
	}
	b.WriteString(st.Title.Render(common.Line(cols, s.statsCells(s.stats.total))) + "\n")
	b.WriteString("\n" + st.Muted.Render(common.Fit(t("leads.stats_note"), s.Width, false)))
	return b.String()
}
