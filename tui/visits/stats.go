package visits

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow/report"
)

// The counts: a month's visits per person, how many were reviewed and
// how many reached their goal, with the totals.

func (s *Screen) openStats() tea.Cmd {
	s.Mode, s.stats = modeStats, nil
	return s.loadStats()
}

func (s *Screen) applyStats(msg statsMsg) tea.Cmd {
	if msg.req != s.statsReq {
		return nil
	}
	s.stats = &msg
	if msg.err != nil {
		return s.Status(msg.err)
	}
	return nil
}

func (s *Screen) statsKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.c.Keys.Back):
		s.Mode = s.home
		return nil
	case key.Matches(msg, s.keys.prevWeek):
		s.month = s.month.AddDate(0, -1, 0)
		return s.loadStats()
	case key.Matches(msg, s.keys.nextWeek):
		s.month = s.month.AddDate(0, 1, 0)
		return s.loadStats()
	case key.Matches(msg, s.c.Keys.Refresh):
		return s.loadStats()
	}
	return nil
}

func (s *Screen) statsColumns() []common.Column {
	col := func(key string, w int, right bool) common.Column {
		return common.Column{Title: s.c.T("visits.stats.col." + key), Width: w, Right: right}
	}
	cols := common.Stretch([]common.Column{col("owner", 10, false), col("visits", 6, true), col("reviewed", 6, true),
		col("reached", 6, true), col("partly", 6, true), col("missed", 6, true), col("share", 7, true),
		col("waiting", 6, true), col("cancelled", 6, true)}, 0, s.Width)
	return common.Squeeze(cols, s.Width, common.Shrink{Col: 0, Min: 6})
}

// statsCells are one person's cells: the share reached of those
// reviewed is "—" with none reviewed, as the Statistics screen writes
// it (not 0%, which would say every goal was missed).
func (s *Screen) statsCells(r store.VisitStat) []string {
	return []string{r.Owner, strconv.Itoa(r.Visits), strconv.Itoa(r.Reviewed), strconv.Itoa(r.Reached), strconv.Itoa(r.Part),
		strconv.Itoa(r.Missed), report.Percent(int64(r.Reached), int64(r.Reviewed)), strconv.Itoa(r.Waiting),
		strconv.Itoa(r.Cancelled)}
}

func (s *Screen) statsView() string {
	st, t := s.c.Styles, s.c.T
	var b strings.Builder
	b.WriteString(st.Title.Render(t("visits.stats.title", s.month.Format("2006-01"))) + "  " + st.Muted.Render(t("visits.stats.hint")) + "\n")
	if s.stats == nil {
		b.WriteString(st.Muted.Render(t("visits.loading")) + "\n")
		return b.String()
	}
	cols := s.statsColumns()
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if len(s.stats.rows) == 0 {
		b.WriteString("  " + st.Muted.Render(t("visits.stats.none")) + "\n")
		return b.String()
	}
	for _, r := range s.stats.rows {
		b.WriteString(common.Line(cols, s.statsCells(r)) + "\n")
	}
	total := s.stats.total
	total.Owner = t("visits.stats.total")
	b.WriteString(st.Title.Render(common.Line(cols, s.statsCells(total))) + "\n")
	return b.String()
}
