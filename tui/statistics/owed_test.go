package statistics

import (
	"strings"
	"testing"

	"orderdesk/tui/common/chart"
)

// What each owes shows its months as what was owed at each month's end:
// the total's sparkline is those months (not a flat line of nothing),
// and the chart under the table draws them.
func TestOwedShowsItsMonths(t *testing.T) {
	eng := statDesk(t)
	d, s := open(t, eng, "zhao", "en", 120, 40)
	pressAnswered(d, s, "5")
	d.MustShow("· owed · money")
	trend := s.view.Total.Trend
	var owed []int64
	for _, f := range trend[len(trend)-sparkMonths:] {
		owed = append(owed, int64(f.Open.Amount))
	}
	line := chart.Sparkline(owed, sparkMonths)
	if strings.Trim(line, "▁") == "" {
		t.Fatalf("the total owed the same each month: %v", owed)
	}
	d.MustShow("Total", line, "┤")
}
