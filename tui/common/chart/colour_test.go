package chart_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/common/chart"
)

// sgr finds the colour sequences a terminal receives.
var sgr = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

// in16 is what a 16-colour terminal receives for s: the theme's colours
// brought down as the program's output does it.
func in16(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ANSI}
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// foregrounds are the colours a line's marks are painted in, by mark.
func foregrounds(s string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;]*)m([^\x1b]+)`).FindAllStringSubmatch(s, -1) {
		for _, mark := range []string{chart.MarkActual, chart.MarkPlan, chart.MarkToday, "▀", "┤"} {
			if strings.Contains(m[2], mark) {
				out[mark] = m[1]
			}
		}
	}
	return out
}

// In a 16-colour terminal, on dark and light backgrounds, the actual,
// the plan, today and the figures below zero each get a colour of
// their own from the 16, and what shows is the same as without colour.
func TestChartsIn16Colours(t *testing.T) {
	for _, dark := range []bool{true, false} {
		p := chart.NewPalette(common.NewStyles(dark))
		bars := chart.Bars{Actual: []int64{100, 40, -7}, Plan: []int64{80, 80, 80}, Palette: p}.Render(30, 8)
		month := chart.MonthLine{Days: 30, Today: 10, Daily: []int64{5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, Plan: 300, Palette: p}.Render(40, 8)
		out := in16(t, bars+"\n"+month)
		for _, m := range sgr.FindAllStringSubmatch(out, -1) {
			if strings.Contains(m[1], "38;") || strings.Contains(m[1], "48;") {
				t.Errorf("dark=%v: a colour beyond the 16: %q", dark, m[0])
			}
		}
		fg := foregrounds(out)
		seen := map[string]string{}
		for _, mark := range []string{chart.MarkActual, chart.MarkPlan, chart.MarkToday, "▀", "┤"} {
			c, ok := fg[mark]
			if !ok {
				t.Errorf("dark=%v: %s is not coloured: %q", dark, mark, out)
				continue
			}
			if other, dup := seen[c]; dup && !(mark == chart.MarkToday && other == chart.MarkActual) {
				t.Errorf("dark=%v: %s and %s share colour %q", dark, mark, other, c)
			}
			seen[c] = mark
		}
		plain := chart.Bars{Actual: []int64{100, 40, -7}, Plan: []int64{80, 80, 80}}.Render(30, 8) + "\n" +
			chart.MonthLine{Days: 30, Today: 10, Daily: []int64{5, 5, 5, 5, 5, 5, 5, 5, 5, 5}, Plan: 300}.Render(40, 8)
		if ansi.Strip(out) != plain {
			t.Errorf("dark=%v: coloured and plain differ:\n%s\n---\n%s", dark, ansi.Strip(out), plain)
		}
	}
}
