package printout

// column is one column of a printed table.
type column struct {
	head  string
	align align
	// wrap lets the column narrow and break its text over lines when the
	// table is wider than the page; the others keep their natural width.
	wrap bool
}

// table is a ruled table that flows over pages, repeating its head.
type table struct {
	cols   []column
	rows   [][]string
	total  []string // a shaded closing row, nil for none
	widths []float64
}

const (
	cellPadX = 1.2
	cellPadY = 0.8
	minWrapW = 14.0 // a wrapping column keeps room for about three CJK characters
)

// layout sizes the columns to their content's printed width (CJK glyphs
// are measured, not counted) and fits them to the content width: extra
// room goes to the wrapping columns, and so does any shortfall.
func (d *pdfDoc) layout(t *table) {
	natural := make([]float64, len(t.cols))
	grow := func(i int, s string) {
		if w := d.width(s) + 2*cellPadX + 0.2; w > natural[i] {
			natural[i] = w
		}
	}
	for i, c := range t.cols {
		grow(i, c.head)
	}
	for _, r := range append(t.rows, t.total) {
		for i := range min(len(r), len(t.cols)) {
			grow(i, r[i])
		}
	}
	var fixed, wrapping float64
	for i, c := range t.cols {
		if c.wrap {
			wrapping += natural[i]
		} else {
			fixed += natural[i]
		}
	}
	t.widths = natural
	room := contentW - fixed
	switch {
	case fixed+wrapping <= contentW:
		// Everything fits: the spare width goes to the wrapping columns
		// (or to all when none wraps), in proportion to their width.
		grow, base := contentW-fixed-wrapping, wrapping
		if base == 0 {
			base = fixed
		}
		for i, c := range t.cols {
			if c.wrap || wrapping == 0 {
				t.widths[i] += grow * natural[i] / base
			}
		}
	case room >= minWrapW*float64(countWrap(t.cols)):
		// Too wide: cap the wrapping columns at one width, the largest
		// that fits, so short cells stay on one line and only the longest
		// wrap.
		limit := waterLevel(t.cols, natural, room)
		for i, c := range t.cols {
			if c.wrap {
				t.widths[i] = min(natural[i], limit)
			}
		}
	default:
		// The fixed columns alone are too wide: scale every column (long
		// cells then wrap wherever they are).
		scale := contentW / (fixed + wrapping)
		for i := range t.widths {
			t.widths[i] = natural[i] * scale
		}
	}
}

// waterLevel is the cap c for which the wrapping columns' widths
// min(natural, c) add up to room.
func waterLevel(cols []column, natural []float64, room float64) float64 {
	lo, hi := 0.0, room
	for range 50 {
		c := (lo + hi) / 2
		sum := 0.0
		for i, col := range cols {
			if col.wrap {
				sum += min(natural[i], c)
			}
		}
		if sum > room {
			hi = c
		} else {
			lo = c
		}
	}
	return lo
}

func countWrap(cols []column) int {
	n := 0
	for _, c := range cols {
		if c.wrap {
			n++
		}
	}
	return n
}

// drawTable draws the head, the rows and the total, breaking pages
// between rows; a continued page gets the document's running top, then
// the head again.
func (d *pdfDoc) drawTable(t *table) {
	if t.widths == nil {
		d.layout(t)
	}
	outer := d.continued
	d.continued = func() {
		if outer != nil {
			outer()
		}
		d.drawRow(t, headCells(t.cols), true, true)
	}
	defer func() { d.continued = outer }()

	d.ensure(2 * (d.lineH() + 2*cellPadY))
	d.drawRow(t, headCells(t.cols), true, true)
	for _, r := range t.rows {
		d.drawRow(t, r, false, false)
	}
	if t.total != nil {
		d.drawRow(t, t.total, true, false)
	}
}

func headCells(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.head
	}
	return out
}

// drawRow draws one ruled row, as tall as its most wrapped cell.
func (d *pdfDoc) drawRow(t *table, cells []string, shaded, head bool) {
	lines := make([][]string, len(t.cols))
	n := 1
	for i := range t.cols {
		if i < len(cells) {
			lines[i] = d.wrap(cells[i], t.widths[i]-2*cellPadX)
		}
		n = max(n, len(lines[i]))
	}
	h := float64(n)*d.lineH() + 2*cellPadY
	if !head {
		d.ensure(h)
	}
	top, x := d.y, marginX
	if shaded {
		d.shade(x, top, contentW, h)
	}
	for i, c := range t.cols {
		a := c.align
		if head {
			a = alignCenter
		}
		for j, l := range lines[i] {
			d.text(x+cellPadX, top+cellPadY+float64(j)*d.lineH(), t.widths[i]-2*cellPadX, l, a)
		}
		d.vline(x, top, top+h)
		x += t.widths[i]
	}
	d.vline(marginX+contentW, top, top+h)
	d.hline(marginX, marginX+contentW, top)
	d.hline(marginX, marginX+contentW, top+h)
	d.y = top + h
}
