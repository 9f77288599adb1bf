package statistics

import (
	"slices"
	"time"

	"orderdesk/tui/common/chart"
	"orderdesk/workflow"
)

// sparkMonths are the months a row's sparkline covers.
const sparkMonths = 12

// series is the measure shown of a row's trend, month by month, or nil
// where it may not be shown.
func (s *Screen) series(r *workflow.StatRow) []int64 {
	out := make([]int64, 0, len(r.Trend))
	for _, f := range r.Trend {
		v, ok := s.figure(f)
		if !ok {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// sparkline is a row's last 12 months in width cells.
func (s *Screen) sparkline(r *workflow.StatRow, width int) string {
	v := s.series(r)
	if width <= 0 || v == nil {
		return ""
	}
	return chart.Sparkline(v[max(len(v)-sparkMonths, 0):], width)
}

// bars is the chart under the table: the selected row's months (or
// total's), as many as the width holds (the latest).
func (s *Screen) bars(width, height int, total *workflow.StatRow) string {
	v := s.series(s.current(total))
	if v == nil || s.view.TrendFrom == "" || !slices.ContainsFunc(v, func(x int64) bool { return x != 0 }) {
		return "" // nothing to draw: the note above says so
	}
	first, err := time.Parse("2006-01", s.view.TrendFrom)
	if err != nil {
		return ""
	}
	format := chart.Yuan
	if s.inTonnes() {
		format = chart.Quantity
	}
	b := chart.Bars{Labels: chart.MonthLabels(s.c.Cat, first.Month(), len(v)), Actual: v, Format: format,
		Palette: chart.NewPalette(s.c.Styles)}
	return b.Render(width, height)
}
