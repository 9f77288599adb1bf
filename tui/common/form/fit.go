package form

import (
	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
)

// A grid wider than the window fits itself to it the way a spreadsheet
// does: first the text columns that may give way (Field.Narrow: a
// product name, a reason) narrow, as far as they may; if the grid is
// still too wide it shows only the columns that fit, always the focused
// one among them, and marks the side where more are hidden. A column is
// shown whole or not at all, so a spec, a quantity or an amount is
// never cut at the window's edge.

const (
	lead      = 2 + numWidth // the focus mark and the line number
	moreLeft  = "‹"          // in the titles' line-number room: columns hidden to the left
	moreRight = " ›"         // after the last title shown: columns hidden to the right
)

// fit narrows the grid's Narrow columns until the grid fits the window
// (or they may narrow no further) and sizes every cell's input to its
// column.
func (f *Form) fit() {
	ws := make([]int, len(f.cols))
	for i, c := range f.cols {
		ws[i] = c.Width
	}
	over := lead + span(ws, 0, len(ws)) - f.width
	for i, c := range f.cols {
		if over <= 0 {
			break
		}
		if c.Narrow > 0 && ws[i] > c.Narrow {
			give := min(over, ws[i]-c.Narrow)
			ws[i] -= give
			over -= give
		}
	}
	f.widths = ws
	for l := range f.lines {
		f.sizeCells(&f.lines[l])
	}
	f.fitHeader()
}

// sizeCells gives a line's inputs their columns' widths (one cell of
// each kept for the cursor at the end).
func (f *Form) sizeCells(ln *line) {
	for c := range ln.cells {
		resize(&ln.cells[c], f.colWidth(c))
	}
}

// resize makes an input width cells wide, one of them kept for the
// cursor at the end, and scrolls its text to the new width.
func resize(in *textinput.Model, width int) {
	if w := max(width-1, 1); in.Width() != w {
		in.SetWidth(w)
		in.SetCursor(in.Position())
	}
}

// colWidth is a column's width as fitted to the window.
func (f *Form) colWidth(c int) int {
	if c < len(f.widths) {
		return f.widths[c]
	}
	return f.cols[c].Width
}

// span is the cells columns from..to-1 take, a space between each two.
func span(ws []int, from, to int) int {
	n := max(to-from-1, 0)
	for _, w := range ws[from:to] {
		n += w
	}
	return n
}

// shown is the columns in view, from..to-1: as many as fit from the
// first column shown last time, moved just far enough that the focused
// column is among them, then widened to the right and to the left while
// more fit.
func (f *Form) shown() (from, to int) {
	n := len(f.cols)
	if n == 0 || lead+span(f.widths, 0, n) <= f.width || len(f.widths) != n {
		return 0, n
	}
	fits := func(from, to int) bool {
		w := lead + span(f.widths, from, to)
		if to < n {
			w += ansi.StringWidth(moreRight)
		}
		return w <= f.width
	}
	from = min(f.left, n-1)
	if at := f.at.idx; f.at.line >= 0 && at < from {
		from = at
	}
	to = from + 1
	if at := f.at.idx; f.at.line >= 0 && at >= to {
		to = at + 1
		for from < at && !fits(from, to) {
			from++
		}
	}
	for to < n && fits(from, to+1) {
		to++
	}
	for from > 0 && fits(from-1, to) {
		from--
	}
	return from, to
}

// fitHeader narrows header text fields wider than the window leaves
// them (the text scrolls inside the field as it is typed).
func (f *Form) fitHeader() {
	room := f.width - len(noMark) - f.labelWidth() - 2
	for i, h := range f.header {
		if e, ok := f.hin[i].(*lineEditor); ok {
			resize(&e.m, max(min(h.Width, room), 2))
		}
	}
}

// fieldWidth is a header field's width as fitted to the window.
func (f *Form) fieldWidth(i int) int {
	if e, ok := f.hin[i].(*lineEditor); ok {
		return e.m.Width() + 1
	}
	return f.header[i].Width
}
