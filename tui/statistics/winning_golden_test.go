package statistics

import "testing"

// TestWinningGolden keeps the leads and the visits that stand in place
// of the figures at 80×24 and 120×40 in both languages, over the demo
// desk at its fixed day: the month's leads by source and stage, the
// month's visits per rep (CJK names), a week's, and the year's leads.
// Refresh with go test ./tui/statistics -update.
func TestWinningGolden(t *testing.T) {
	goldenSteps(t, []goldenStep{{"leads", "l"}, {"visits", "b"}, {"visits_week", "w [ ["}, {"leads_year", "l y"}})
}
