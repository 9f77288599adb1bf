package chart

import "strings"

// Sparkline draws figures, oldest first, as one row of exactly width
// cells for a table: one block ▁…█ per figure, scaled from zero (or the
// lowest figure, when one is negative) to the highest, so rows of one
// table compare by shape. Where width holds fewer figures, the latest
// are drawn; where it holds more, the line is right-aligned so the
// latest figure always sits at the cell's right edge. Plain text: the
// table's row style colours it.
func Sparkline(values []int64, width int) string {
	if width <= 0 {
		return ""
	}
	values = values[max(len(values)-width, 0):]
	lo, hi := extent(values)
	full := uint64(hi) - uint64(lo) // exact even where hi-lo overflows int64
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", width-len(values)))
	for _, v := range values {
		b.WriteString(eighths[1+steps(uint64(v)-uint64(lo), full, 7)])
	}
	return b.String()
}
