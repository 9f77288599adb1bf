package chart_test

import (
	"strings"
	"testing"

	"orderdesk/tui/common/chart"
)

func TestMonthLineTotalsAreExact(t *testing.T) {
	m := chart.MonthLine{Days: 31, Today: 18, Daily: []int64{12_000_000, 8_000_000, 0, 15_500_001}, Plan: 300_000_000}
	done, due := m.Totals()
	if done != 35_500_001 {
		t.Errorf("actual %d, want 35500001", done)
	}
	if due != 174_193_548 { // 300,000,000 × 18 / 31, rounded down
		t.Errorf("plan to date %d, want 174193548", due)
	}
	m.Today = 0 // a month that is over: the whole plan
	if _, due := m.Totals(); due != 300_000_000 {
		t.Errorf("plan of a month that is over %d, want all of it", due)
	}
}

func TestMonthLineMarksToday(t *testing.T) {
	m := chart.MonthLine{Days: 30, Today: 5, Daily: []int64{10, 10, 10, 10, 10}, Plan: 300}
	want := []string{
		"300┤    ┊                ┄┄┄┄┄",
		"   │    ┊           ┄┄┄┄┄     ",
		"   │    ┊      ┄┄┄┄┄          ",
		"   │    ┊ ┄┄┄┄┄               ",
		"  0┤▁▃▄▅▇┄                    ",
		"    1   ▲5                  30",
	}
	sameLines(t, lines(t, m.Render(30, 6), 30, 6), want)
}

func TestMonthLineOfAMonthThatIsOverHasNoToday(t *testing.T) {
	m := chart.MonthLine{Days: 28, Daily: []int64{10, -10, 10, 10, 10}}
	got := strings.Join(lines(t, m.Render(20, 4), 20, 4), "\n")
	if strings.Contains(got, chart.MarkToday) || strings.Contains(got, "┊") {
		t.Errorf("a month that is over shows today:\n%s", got)
	}
	if !strings.Contains(got, "28") {
		t.Errorf("the last day is not numbered:\n%s", got)
	}
}
