package complaints

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// The complaint statistics (s): complaints of a period by type, product,
// customer or rep, with how many are open and closed and the mean time
// to the first action and to the close, and the totals. d steps through
// the dimensions, p through the periods.

// statPeriods are the periods p steps through.
var statPeriods = []string{"month", "last_month", "quarter", "year"}

// statsMsg answers a statistics read.
type statsMsg struct {
	req   int
	stats workflow.ComplaintStats
	err   error
}

// statsState is what the statistics view shows.
type statsState struct {
	req    int
	by     int // index into workflow.ComplaintDimensions
	period int // index into statPeriods
	stats  *workflow.ComplaintStats
}

// periodRange is the days of period p as of now: from its first day to
// the day after its last.
func periodRange(p string, now time.Time) (time.Time, time.Time) {
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	switch p {
	case "last_month":
		return month.AddDate(0, -1, 0), month
	case "quarter":
		q := time.Date(now.Year(), time.Month((int(now.Month())-1)/3*3+1), 1, 0, 0, 0, 0, now.Location())
		return q, q.AddDate(0, 3, 0)
	case "year":
		y := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, now.Location())
		return y, y.AddDate(1, 0, 0)
	}
	return month, month.AddDate(0, 1, 0)
}

func (s *Screen) loadStats() tea.Cmd {
	s.stats.req = s.NextReq()
	req, desk, ctx := s.stats.req, s.c.Desk, s.c.Ctx
	by := workflow.ComplaintDimensions[s.stats.by]
	from, to := periodRange(statPeriods[s.stats.period], s.c.Now())
	return func() tea.Msg {
		st, err := desk.ComplaintStatistics(ctx, from, to, by)
		return statsMsg{req: req, stats: st, err: err}
	}
}

func (s *Screen) onStats(msg statsMsg) tea.Cmd {
	if msg.req != s.stats.req {
		return nil
	}
	if msg.err != nil {
		return s.Status(msg.err)
	}
	s.stats.stats = &msg.stats
	return nil
}

func (s *Screen) updateStats(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.back), key.Matches(k, s.keys.stats):
		s.Mode = docscreen.List
	case key.Matches(k, s.keys.dimension):
		s.stats.by = (s.stats.by + 1) % len(workflow.ComplaintDimensions)
		return s.loadStats()
	case key.Matches(k, s.keys.period):
		s.stats.period = (s.stats.period + 1) % len(statPeriods)
		return s.loadStats()
	}
	return nil
}

// hours writes a mean time in hours with one decimal ("" for none).
func hours(d time.Duration, n int) string {
	if n == 0 {
		return "–"
	}
	return strconv.FormatFloat(d.Hours(), 'f', 1, 64)
}

func (s *Screen) viewStats() string {
	st, t := s.c.Styles, s.c.T
	var b strings.Builder
	by := workflow.ComplaintDimensions[s.stats.by]
	from, to := periodRange(statPeriods[s.stats.period], s.c.Now())
	head := st.Title.Render(t("complaints.stats_title", t("complaints.by."+by), from.Format("2006-01-02"), to.AddDate(0, 0, -1).Format("2006-01-02")))
	b.WriteString(common.Fit(head+"  "+st.Muted.Render(t("complaints.stats_hint")), s.Width, false) + "\n")
	cols := common.Stretch([]common.Column{
		{Title: t("complaints.by." + by), Width: 16},
		{Title: t("complaints.col.count"), Width: 6, Right: true, Keep: true},
		{Title: t("complaints.col.open"), Width: 6, Right: true, Keep: true},
		{Title: t("complaints.col.closed"), Width: 6, Right: true, Keep: true},
		{Title: t("complaints.col.to_first"), Width: 12, Right: true, Keep: true},
		{Title: t("complaints.col.to_close"), Width: 12, Right: true, Keep: true},
	}, 0, s.Width)
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 0, Min: 6})
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	if s.stats.stats == nil {
		return b.String() + st.Muted.Render(t("complaints.loading"))
	}
	line := func(x workflow.ComplaintStat, label string) string {
		return common.Line(cols, []string{label, strconv.Itoa(x.Count), strconv.Itoa(x.Open), strconv.Itoa(x.Closed),
			hours(x.ToFirstAction, x.Acted), hours(x.ToClose, x.Closed)})
	}
	rows := s.stats.stats.Rows
	room := max(s.Height-4, 1)
	for i, x := range rows {
		if i >= room {
			break
		}
		b.WriteString(line(x, StatKey(s.c.Cat, by, x.Key)) + "\n")
	}
	b.WriteString(st.Title.Render(line(s.stats.stats.Total, t("complaints.total"))))
	return b.String()
}
