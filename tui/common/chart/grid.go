package chart

import "strings"

// kind is what a cell shows, and so which style paints it.
type kind uint8

const (
	blank kind = iota
	actual
	negative
	plan
	today
)

type cell struct {
	glyph string
	kind  kind
}

// grid is the plot area: rows top first, each cell one terminal cell.
type grid [][]cell

func newGrid(w, h int) grid {
	g := make(grid, h)
	for t := range g {
		g[t] = make([]cell, w)
		for x := range g[t] {
			g[t][x] = cell{" ", blank}
		}
	}
	return g
}

// set writes a glyph at column x, row r counted from the bottom;
// outside the grid it does nothing.
func (g grid) set(x, r int, glyph string, k kind) {
	t := len(g) - 1 - r
	if t < 0 || t >= len(g) || x < 0 || x >= len(g[t]) {
		return
	}
	g[t][x] = cell{glyph, k}
}

// at is the cell at column x, row r from the bottom.
func (g grid) at(x, r int) cell { return g[len(g)-1-r][x] }

// line renders row t, each run of one kind painted once.
func (g grid) line(t int, p Palette) string {
	var b, run strings.Builder
	k := blank
	flush := func() {
		b.WriteString(paint(p.style(k), run.String()))
		run.Reset()
	}
	for _, c := range g[t] {
		if c.kind != k {
			flush()
			k = c.kind
		}
		run.WriteString(c.glyph)
	}
	flush()
	return b.String()
}
