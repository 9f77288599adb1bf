package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Column is one column of a list: a header and a width in terminal cells.
// Widths are display widths, so 沈阳 takes four cells, not two runes.
type Column struct {
	Title string
	Width int
	Right bool // right-align (numbers, money)
	// Keep: the cells are never cut (a steel spec, a date): Widen makes
	// the column at least as wide as its widest cell, and Squeeze narrows
	// it no further, so the others give way.
	Keep bool
	// Words: the column shows words of the catalogue (a role, a goal, a
	// heading) whose width depends on the language shown: Widen makes it
	// as wide as its title and widest cell, as for Keep, but Squeeze may
	// still narrow it in a narrow window.
	Words bool
	// Tail: a long number whose end tells it apart (a 20-digit invoice
	// number) is cut at its head, "…0000000251", when it must be cut:
	// Squeeze narrows a kept Tail column to its Min once the names
	// before it have given way.
	Tail bool
	need int // the widest cell, as Widen found it
}

// Fit pads or cuts s to exactly w cells, measuring display width.
func Fit(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	pad := w - ansi.StringWidth(s)
	if pad <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", pad) + s
	}
	return s + strings.Repeat(" ", pad)
}

// KeepTail cuts s to w cells from its head, "…" in front, so the end
// of a number, the part that tells one from the next, stays.
func KeepTail(s string, w int) string {
	if w <= 0 || ansi.StringWidth(s) <= w {
		return s
	}
	if w == 1 {
		return "…"
	}
	return ansi.TruncateLeft(s, ansi.StringWidth(s)-(w-1), "…")
}

// Line joins cells into one row, a space between columns.
func Line(cols []Column, cells []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		v := ""
		if i < len(cells) {
			v = cells[i]
		}
		if c.Tail {
			v = KeepTail(v, c.Width)
		}
		parts[i] = Fit(v, c.Width, c.Right)
	}
	return strings.Join(parts, " ")
}

// Header renders the column titles.
func Header(cols []Column) string {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	return Line(cols, titles)
}

// Stretch gives the column at index flex whatever width remains of total,
// so lists fill the window.
func Stretch(cols []Column, flex, total int) []Column {
	used := len(cols) - 1
	for i, c := range cols {
		if i != flex {
			used += c.Width
		}
	}
	out := append([]Column(nil), cols...)
	if w := total - used; w > out[flex].Width {
		out[flex].Width = w
	}
	return out
}

// WidestCell is a column's width for rows: at least least cells, and the
// widest of cell over the rows, so a kept value (a spec) is never cut.
func WidestCell[R any](least int, rows []R, cell func(R) string) int {
	for _, r := range rows {
		least = max(least, ansi.StringWidth(cell(r)))
	}
	return least
}

// Widest is a column's width for words it may show (its title, the
// names of its statuses): at least least cells, and the widest of texts.
func Widest(least int, texts ...string) int {
	return WidestCell(least, texts, func(s string) string { return s })
}

// NextOf is the choice after x in choices, the first after the last (or
// for one not among them): what a key stepping through them shows next.
func NextOf(choices []string, x string) string {
	for i, c := range choices {
		if c == x {
			return choices[(i+1)%len(choices)]
		}
	}
	return choices[0]
}
