package chart_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/common/chart"
)

// randomFigures are n figures of every kind a desk could send: zero,
// negative, equal, huge, the int64 edges.
func randomFigures(r *rand.Rand, n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		switch r.IntN(6) {
		case 0:
			out[i] = 0
		case 1:
			out[i] = -r.Int64N(1_000_000)
		case 2:
			out[i] = []int64{math.MinInt64, math.MaxInt64, 1, -1}[r.IntN(4)]
		case 3:
			out[i] = 42
		default:
			out[i] = r.Int64N(1 << (1 + r.IntN(62)))
		}
	}
	return out
}

// renderFits draws every chart from one seed at one size and checks
// each keeps the frame: exactly height lines, none wider than width,
// and a sparkline exactly width cells.
func renderFits(t *testing.T, seed uint64, width, height int) {
	r := rand.New(rand.NewPCG(seed, seed>>1))
	p := chart.NewPalette(common.NewStyles(seed%2 == 0))
	n := r.IntN(30)
	b := chart.Bars{Actual: randomFigures(r, n), Plan: randomFigures(r, r.IntN(30)), Format: chart.Yuan, Palette: p}
	b.Labels = []string{"1月", "Feb", "十二月", ""}[:r.IntN(5)]
	days := r.IntN(40) - 4
	m := chart.MonthLine{Days: days, Today: r.IntN(40) - 4, Daily: randomFigures(r, r.IntN(35)), Plan: randomFigures(r, 1)[0], Format: chart.Quantity, Palette: p}
	for name, out := range map[string]string{"bars": b.Render(width, height), "month line": m.Render(width, height)} {
		ls := strings.Split(out, "\n")
		if height <= 0 {
			ls = nil
			if out != "" {
				t.Errorf("%s seed %d: %q at height %d", name, seed, out, height)
			}
		}
		if len(ls) != max(height, 0) {
			t.Errorf("%s seed %d at %d×%d: %d lines", name, seed, width, height, len(ls))
		}
		for i, l := range ls {
			if w := ansi.StringWidth(l); w > max(width, 0) {
				t.Errorf("%s seed %d at %d×%d: line %d is %d cells: %q", name, seed, width, height, i+1, w, ansi.Strip(l))
			}
		}
	}
	if s := chart.Sparkline(randomFigures(r, n), width); ansi.StringWidth(s) != max(width, 0) {
		t.Errorf("sparkline seed %d: %q in %d cells", seed, s, width)
	}
}

func TestChartsFitAnySize(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 2026))
	for seed := range uint64(1200) {
		renderFits(t, seed, r.IntN(130)-2, r.IntN(45)-2)
	}
}

func FuzzChartsFit(f *testing.F) {
	f.Add(uint64(1), 80, 24)
	f.Add(uint64(7), 1, 1)
	f.Add(uint64(9), 120, 40)
	f.Fuzz(func(t *testing.T, seed uint64, width, height int) {
		renderFits(t, seed, width%300, height%100)
	})
}
