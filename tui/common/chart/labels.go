package chart

import (
	"fmt"
	"time"

	"orderdesk/tui/i18n"
)

// MonthLabels names n months from first on (1月 2月 … or Jan Feb …),
// wrapping past December, for Bars.Labels.
func MonthLabels(cat i18n.Catalog, first time.Month, n int) []string {
	out := make([]string, max(n, 0))
	for i := range out {
		m := (int(first)-1+i)%12 + 1
		out[i] = cat.T(fmt.Sprintf("chart.month.%d", m))
	}
	return out
}

// Legend names the marks in the catalogue's language, styled as the
// charts draw them: "█ 实际  ┄ 计划  ▲ 今天".
func Legend(cat i18n.Catalog, p Palette) string {
	return paint(p.Actual, MarkActual) + " " + cat.T("chart.actual") + "  " +
		paint(p.Plan, MarkPlan) + " " + cat.T("chart.plan") + "  " +
		paint(p.Today, MarkToday) + " " + cat.T("chart.today")
}
