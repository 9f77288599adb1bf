package chart_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/tui/common"
	"orderdesk/tui/common/chart"
	"orderdesk/tui/i18n"
)

// sampleMonths are two years of monthly sales in fen, Jan 2025 on, and
// their plan: some months short of it, one of returns.
var sampleMonths = []int64{
	182_345_600, 201_000_000, 256_780_000, 240_000_000, 0, 198_500_050,
	-12_000_000, 230_000_000, 275_432_100, 301_000_000, 288_000_000, 312_500_000,
	190_000_000, 210_400_000, 268_000_000, 255_555_500, 270_000_000, 280_000_000,
	262_000_000, 300_000_000, 318_000_000, 296_000_000, 305_000_000, 120_000_000,
}

var samplePlan = []int64{
	200_000_000, 200_000_000, 250_000_000, 250_000_000, 250_000_000, 250_000_000,
	250_000_000, 250_000_000, 280_000_000, 280_000_000, 280_000_000, 300_000_000,
	220_000_000, 220_000_000, 270_000_000, 270_000_000, 270_000_000, 270_000_000,
	280_000_000, 280_000_000, 300_000_000, 300_000_000, 300_000_000, 320_000_000,
}

// sampleCustomers are a few customers' last 12 months in thousandths of
// a tonne.
var sampleCustomers = []struct {
	name   string
	months []int64
}{
	{"鞍山恒达重工机械有限公司", []int64{120_500, 98_000, 143_250, 160_000, 151_000, 0, 88_000, 132_000, 171_500, 190_000, 175_000, 201_125}},
	{"大连港湾钢构", []int64{40_000, 40_000, 40_000, 40_000, 40_000, 40_000, 40_000, 40_000, 40_000, 40_000, 40_000, 40_000}},
	{"Shenyang Northern Pipe Works", []int64{0, 0, 0, 0, 0, 0, 0, 0, 0, 5_000, 0, 60_000}},
}

// sampleDays are December 2025 to the 18th, in fen.
var sampleDays = []int64{
	12_000_000, 8_000_000, 0, 15_500_000, 11_000_000, 0, 0, 9_000_000, 14_000_000, 7_250_000,
	6_000_000, 0, 0, 13_000_000, 10_000_000, 9_500_000, 12_000_000, 8_750_000,
}

// dashboard lays the three charts out as a screen would: the months'
// bars over plan, the customers' sparklines in a table, the month line.
func dashboard(cat i18n.Catalog, p chart.Palette, width, height int) string {
	legend := chart.Legend(cat, p)
	barsH := height * 2 / 5
	lineH := height - barsH - len(sampleCustomers) - 2
	bars := chart.Bars{
		Labels: chart.MonthLabels(cat, time.January, len(sampleMonths)),
		Actual: sampleMonths, Plan: samplePlan, Format: chart.Yuan, Palette: p,
	}.Render(width, barsH)

	cols := common.Stretch([]common.Column{{Width: 16}, {Width: 12, Right: true}, {Width: 12}}, 0, width)
	var table []string
	for _, c := range sampleCustomers {
		last := c.months[len(c.months)-1]
		table = append(table, common.Line(cols, []string{c.name, chart.Quantity(last), chart.Sparkline(c.months, cols[2].Width)}))
	}

	m := chart.MonthLine{Days: 31, Today: 18, Daily: sampleDays, Plan: 300_000_000, Format: chart.Yuan, Palette: p}
	done, due := m.Totals()
	caption := fmt.Sprintf("%s %s / %s %s", cat.T("chart.actual"), chart.Yuan(done), cat.T("chart.plan"), chart.Yuan(due))
	out := []string{legend, bars, strings.Join(table, "\n"), caption, m.Render(width, lineH)}
	return strings.Join(out, "\n")
}

// TestDashboardGolden keeps the charts at 80×24 and 120×40 in both
// languages, without colour: what shows in the files is what a
// terminal without colour shows. Refresh with go test ./tui/common/chart -update.
func TestDashboardGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				p := chart.NewPalette(common.NewStyles(true))
				got := dashboard(i18n.New(lang), p, size[0], size[1])
				lines := strings.Split(got, "\n")
				if len(lines) != size[1] {
					t.Errorf("%d lines, want %d", len(lines), size[1])
				}
				for n, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("line %d is %d cells wide in %d: %q", n+1, w, size[0], ansi.Strip(l))
					}
				}
				golden.RequireEqual(t, []byte(ansi.Strip(got)))
			})
		}
	}
}
