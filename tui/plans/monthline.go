package plans

import (
	"strings"

	"orderdesk/store"
	"orderdesk/tui/common/chart"
	"orderdesk/workflow"
)

// monthLineRows is the chart's height: enough rows to read the climb.
const monthLineRows = 10

// monthLineText is the line of the month under a month plan: what the
// rep's customers ordered, summed day by day, against the plan's tonnes
// as a straight line from nothing on the 1st to all of it on the last
// day, today marked; with the figures to date beside it. Nothing for a
// month still to come.
func (s *Screen) monthLineText(p store.Plan, r workflow.PlanReport) string {
	st := s.c.Styles
	t := s.c.T
	if len(r.Daily) == 0 || r.Days == 0 {
		return st.Muted.Render(t("plans.line_to_come"))
	}
	daily := make([]int64, len(r.Daily))
	for i, v := range r.Daily {
		daily[i] = int64(v)
	}
	today := len(daily)
	if today >= r.Days {
		today = 0 // the month is over: drawn to its end
	}
	m := chart.MonthLine{Days: r.Days, Today: today, Daily: daily, Plan: int64(p.Tonnes), Format: chart.Quantity,
		Palette: chart.NewPalette(st)}
	actual, planned := m.Totals()
	var b strings.Builder
	b.WriteString(st.Title.Render(t("plans.line_title", r.Month)) + "  " + chart.Legend(s.c.Cat, m.Palette) + "\n")
	b.WriteString(st.Muted.Render(t("plans.line_figures", chart.Quantity(actual), chart.Quantity(planned), p.Tonnes.String())) + "\n")
	b.WriteString(m.Render(max(s.Width-2, 20), monthLineRows))
	return b.String()
}
