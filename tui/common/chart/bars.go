package chart

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// maxBarWidth keeps a few bars on a wide screen from turning into slabs.
const maxBarWidth = 5

// Bars is a bar chart of monthly figures, oldest first (up to 24 reads
// well). Bars narrow down to one cell with a cell between them; where
// the width holds fewer bars than that, the latest are shown. Labels
// that would crowd are thinned, keeping the latest.
type Bars struct {
	// Labels name the bars, one each (MonthLabels); missing ones are blank.
	Labels []string
	// Actual are the figures in minor units (fen, thousandths of a tonne).
	Actual []int64
	// Plan, when given, is the plan for each bar: ┄ where the bar falls
	// short of it.
	Plan []int64
	// Format writes the axis figures (Yuan, Quantity); nil writes the
	// integers as they are.
	Format  func(int64) string
	Palette Palette
}

// Render draws the chart in exactly height lines of at most width cells:
// the value axis and the bars, and the labels under them from a height
// of 3.
func (b Bars) Render(width, height int) string {
	n := len(b.Actual)
	if width <= 0 || height <= 0 || n == 0 {
		return fixLines(nil, height)
	}
	lo, hi := extent(b.Actual, b.Plan)
	f := newFrame(width, height, lo, hi, b.Format, min(n, 2))
	shown := min(n, (f.width+1)/2) // a gap between bars, even at one cell each
	first := n - shown
	slot := f.width / shown // the narrowest room a bar has
	gap := min(slot-1, 1)
	barW := min(slot-gap, maxBarWidth)

	g := f.grid()
	for i := range shown {
		x := barX(i, shown, f.width)
		for c := x; c < x+barW; c++ {
			f.scale.column(g, c, b.Actual[first+i])
		}
		if first+i < len(b.Plan) {
			f.scale.mark(g, x, x+barW, b.Plan[first+i])
		}
	}
	return f.render(g, b.Palette, func() string {
		return paint(b.Palette.Axis, b.labelLine(first, shown, slot, f.width))
	})
}

// labelLine puts the labels of bars first… under their bars, every k-th
// one counted back from the latest, k as small as keeps them apart. It
// places them latest first, so the latest is never the one left out; a
// label past the right edge moves left to end there.
func (b Bars) labelLine(first, shown, slot, width int) string {
	widest := 0
	for i := first; i < first+shown && i < len(b.Labels); i++ {
		widest = max(widest, ansi.StringWidth(b.Labels[i]))
	}
	if widest == 0 {
		return ""
	}
	every := (widest + 1 + slot - 1) / slot // slots one label and a space need
	cells := make([]string, width)          // "" where a wide label goes on
	for x := range cells {
		cells[x] = " "
	}
	free := width + 1 // labels end before free-1, a space before the next
	for i := shown - 1; i >= 0; i -= every {
		if first+i >= len(b.Labels) {
			continue
		}
		l := b.Labels[first+i]
		w := ansi.StringWidth(l)
		x := min(barX(i, shown, width), width-w)
		if w == 0 || x < 0 || x+w > free-1 {
			continue
		}
		cells[x] = l
		for c := x + 1; c < x+w; c++ {
			cells[c] = ""
		}
		free = x
	}
	return strings.TrimRight(strings.Join(cells, ""), " ")
}

// barX is where bar i of n starts: spread over the width, so the bars
// fill it whatever is left over.
func barX(i, n, width int) int { return i * width / n }
