package common

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// nbHyphen stands in for "-" while text wraps: the wrapper breaks at
// every hyphen, and a date (2026-12-05), a phone (024-23456789) or a
// document number must move to the next line whole.
const nbHyphen = "\u2011"

// Wrap wraps text to width cells at spaces, never inside a date or a
// number with hyphens; a word longer than the whole width is still cut
// (nothing else could show it).
func Wrap(text string, width int) string {
	if width <= 0 || strings.Contains(text, nbHyphen) {
		return ansi.Wrap(text, width, " ")
	}
	return strings.ReplaceAll(ansi.Wrap(strings.ReplaceAll(text, "-", nbHyphen), width, " "), nbHyphen, "-")
}

// Flow joins parts sep apart, starting a new line where the next part
// would run past width: a hint or a labelled field is never cut at the
// window's edge.
func Flow(width int, sep string, parts ...string) string {
	var b strings.Builder
	used, gap := 0, ansi.StringWidth(sep)
	for _, p := range parts {
		w := ansi.StringWidth(p)
		switch {
		case used == 0:
		case used+gap+w > width:
			b.WriteString("\n")
			used = 0
		default:
			b.WriteString(sep)
			used += gap
		}
		b.WriteString(p)
		used += w
	}
	return b.String()
}

// WrapIn wraps text to width (see Wrap) and draws each line in style: a
// styled paragraph spans lines without its escapes running over them.
func WrapIn(style lipgloss.Style, text string, width int) string {
	lines := strings.Split(Wrap(text, width), "\n")
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return strings.Join(lines, "\n")
}
