package chart

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
)

// axis is the value axis left of a plot: figures right-aligned on some
// rows (top first), ┤ beside them and │ elsewhere.
type axis struct {
	labels map[int]string
	width  int // of the figures; the axis takes width+1 cells, or none
}

func newAxis(labels map[int]string) axis {
	a := axis{labels: labels}
	for _, l := range labels {
		a.width = max(a.width, ansi.StringWidth(l))
	}
	return a
}

// cells is how many columns the axis takes.
func (a axis) cells() int {
	if a.labels == nil {
		return 0
	}
	return a.width + 1
}

// row renders the axis beside plot row t.
func (a axis) row(t int, p Palette) string {
	if a.labels == nil {
		return ""
	}
	l, ok := a.labels[t]
	tick := "│"
	if ok {
		tick = "┤"
	}
	return paint(p.Axis, common.Fit(l, a.width, true)+tick)
}

// foot is the axis's part of the row under the plot.
func (a axis) foot() string {
	if a.labels == nil {
		return ""
	}
	return strings.Repeat(" ", a.width) + " "
}

// lines joins the axis and the plot rows, then the rows under the plot,
// and pads or cuts to exactly height lines.
func (a axis) lines(g grid, p Palette, under []string, height int) string {
	out := make([]string, 0, len(g)+len(under))
	for t := range g {
		out = append(out, a.row(t, p)+g.line(t, p))
	}
	return fixLines(append(out, under...), height)
}

// fixLines is exactly height lines: the first ones, or empty ones added.
func fixLines(lines []string, height int) string {
	if height <= 0 {
		return ""
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:height], "\n")
}
