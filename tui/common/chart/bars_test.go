package chart_test

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common/chart"
	"orderdesk/tui/i18n"
)

// lines renders and splits, checking the frame every chart keeps.
func lines(t *testing.T, out string, width, height int) []string {
	t.Helper()
	ls := strings.Split(out, "\n")
	if len(ls) != height {
		t.Fatalf("%d lines, want %d:\n%s", len(ls), height, out)
	}
	for i, l := range ls {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells, more than %d: %q", i+1, w, width, l)
		}
	}
	return ls
}

// sameLines fails the test unless got is want, line by line.
func sameLines(t *testing.T, got, want []string) {
	t.Helper()
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

func TestBarsAxisReadsExactRoundFigures(t *testing.T) {
	b := chart.Bars{Actual: []int64{150_000_000, 318_000_050}, Format: chart.Yuan}
	got := strings.Join(lines(t, b.Render(40, 9), 40, 9), "\n")
	for _, want := range []string{"4,000,000┤", "2,000,000┤", "0┤"} {
		if !strings.Contains(got, want) {
			t.Errorf("axis lacks %q:\n%s", want, got)
		}
	}
}

// The second month (40 of 80) fell short: ┄ shows its plan above it.
// The first met its plan: nothing over it.
func TestBarsPlanMarkOnlyWhereShort(t *testing.T) {
	b := chart.Bars{Actual: []int64{100, 40}, Plan: []int64{80, 80}, Labels: []string{"1月", "2月"}}
	want := []string{
		"100┤███     ",
		"   │███ ┄┄┄ ",
		"   │███     ",
		"   │███ ███ ",
		"  0┤███ ███ ",
		"    1月 2月",
	}
	sameLines(t, lines(t, b.Render(12, 6), 12, 6), want)
}

func TestBarsShowTheLatestWhenNarrow(t *testing.T) {
	cat := i18n.New("en")
	b := chart.Bars{Labels: chart.MonthLabels(cat, time.January, 24), Actual: make([]int64, 24)}
	b.Actual[23] = 5
	ls := lines(t, b.Render(8, 4), 8, 4)
	got := strings.Join(ls, "\n")
	if !strings.Contains(got, "█") {
		t.Errorf("the latest month's bar is missing:\n%s", got)
	}
}

func TestBarsThinLabelsKeepingTheLatest(t *testing.T) {
	cat := i18n.New("zh")
	b := chart.Bars{Labels: chart.MonthLabels(cat, time.January, 24), Actual: make([]int64, 24)}
	for i := range b.Actual {
		b.Actual[i] = int64(i + 1)
	}
	ls := lines(t, b.Render(80, 10), 80, 10)
	last := ls[len(ls)-1]
	if !strings.HasSuffix(strings.TrimRight(last, " "), "12月") {
		t.Errorf("labels do not end on the latest month: %q", last)
	}
	if n := strings.Count(last, "月"); n < 4 || n >= 24 {
		t.Errorf("%d labels at 80 columns, want some but not all 24: %q", n, last)
	}
}

func TestBarsOddCases(t *testing.T) {
	for _, c := range []struct {
		name string
		b    chart.Bars
	}{
		{"no figures", chart.Bars{}},
		{"one figure", chart.Bars{Actual: []int64{7}}},
		{"all zero", chart.Bars{Actual: []int64{0, 0, 0}}},
		{"all equal", chart.Bars{Actual: []int64{3, 3, 3}, Plan: []int64{3, 3, 3}}},
		{"only negative", chart.Bars{Actual: []int64{-5, -1}}},
		{"the int64 range", chart.Bars{Actual: []int64{-9223372036854775808, 9223372036854775807}, Plan: []int64{9223372036854775807}}},
		{"more labels and plans than figures", chart.Bars{Labels: []string{"a", "b", "c"}, Actual: []int64{1}, Plan: []int64{1, 2, 3}}},
	} {
		for _, size := range [][2]int{{1, 1}, {2, 3}, {5, 2}, {80, 24}} {
			lines(t, c.b.Render(size[0], size[1]), size[0], size[1])
		}
	}
}

// Narrow, the bars keep a cell between them and the oldest months give
// way: 38 cells beside the axis hold the latest 19 of 24.
func TestBarsKeepTheirGapsAndDropTheOldest(t *testing.T) {
	cat := i18n.New("en")
	b := chart.Bars{Labels: chart.MonthLabels(cat, time.January, 24), Actual: make([]int64, 24)}
	for i := range b.Actual {
		b.Actual[i] = 1
	}
	ls := lines(t, b.Render(40, 5), 40, 5)
	if n := strings.Count(ls[3], "█"); n != 19 {
		t.Errorf("%d bars, want 19: %q", n, ls[3])
	}
	if strings.Contains(ls[3], "██") {
		t.Errorf("bars touch: %q", ls[3])
	}
	if !strings.HasSuffix(strings.TrimRight(ls[4], " "), "Dec") {
		t.Errorf("labels do not end on the latest month: %q", ls[4])
	}
}
