package chart_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/common/chart"
)

func TestSparklineFillsItsCellExactly(t *testing.T) {
	months := []int64{5, 0, 12, 7, 3, 9, 11, 2, 8, 6, 10, 4, 13, 1, 5, 9, 0, 2, 7, 8, 3, 6, 12, 4}
	for width := 0; width <= 30; width++ {
		for _, n := range []int{0, 1, 12, 24} {
			got := chart.Sparkline(months[:n], width)
			if w := ansi.StringWidth(got); w != width {
				t.Errorf("%d figures in %d cells: %q is %d cells", n, width, got, w)
			}
		}
	}
}

func TestSparklineShapes(t *testing.T) {
	for _, c := range []struct {
		name   string
		values []int64
		width  int
		want   string
	}{
		{"rising from zero", []int64{0, 1, 2, 3, 4, 5, 6, 7}, 8, "▁▂▃▄▅▆▇█"},
		{"all zero", []int64{0, 0, 0}, 3, "▁▁▁"},
		{"all equal", []int64{40_000, 40_000, 40_000}, 3, "███"},
		{"one figure, right-aligned", []int64{7}, 4, "   █"},
		{"the latest when the cell is narrow", []int64{9, 9, 0, 7}, 2, "▁█"},
		{"negative figures stand on the lowest", []int64{-7, 0, 7}, 3, "▁▅█"},
		{"the int64 range", []int64{-9223372036854775808, 9223372036854775807}, 2, "▁█"},
	} {
		if got := chart.Sparkline(c.values, c.width); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// A sparkline in a table row beside a Chinese name keeps the row as
// wide as its header, measured as the tables measure.
func TestSparklineInATableRow(t *testing.T) {
	cols := []common.Column{{Title: "客户", Width: 10}, {Title: "近12个月", Width: 12}}
	row := common.Line(cols, []string{"鞍山恒达重工机械有限公司", chart.Sparkline([]int64{1, 2, 3, 0, 5, 6, 7, 8, 9, 10, 11, 12}, cols[1].Width)})
	if got, want := ansi.StringWidth(row), ansi.StringWidth(common.Header(cols)); got != want {
		t.Errorf("row is %d cells, header %d: %q", got, want, row)
	}
	if !strings.HasSuffix(row, "█") {
		t.Errorf("the latest month is not at the row's end: %q", row)
	}
}
