package chart

import (
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// MonthLine is the month's actual against its plan: the actual summed
// day by day as rising columns (█), the plan as a straight line from
// nothing on the 1st to all of it on the last day (┄ where the actual
// is below it), and today marked ▲ under the days and ┊ above the
// actual. Blocks rather than braille: braille is missing from many
// fonts an SSH client uses.
type MonthLine struct {
	Days int // in the month, 28…31
	// Today is the day to mark (1…Days); 0 for a month that is over,
	// drawn to its end.
	Today int
	// Daily are the actual figures of each day, the 1st first, in minor
	// units; days after today are not drawn.
	Daily []int64
	// Plan is the whole month's plan, in the same units.
	Plan    int64
	Format  func(int64) string // the axis figures; nil: plain integers
	Palette Palette
}

// Totals are the actual so far and what the plan's line reaches by
// today (the whole plan for a month that is over), for a caption.
func (m MonthLine) Totals() (actual, planToDate int64) {
	cum := m.cumulative()
	if len(cum) > 0 {
		actual = cum[len(cum)-1]
	}
	return actual, m.planBy(m.lastDay())
}

// lastDay is the last day drawn: today, or the month's end.
func (m MonthLine) lastDay() int {
	if m.Today > 0 {
		return min(m.Today, m.days())
	}
	return m.days()
}

func (m MonthLine) days() int { return min(max(m.Days, 1), 31) }

// cumulative is the running total for each day up to lastDay; a sum
// past the int64 range stops at its edge instead of wrapping.
func (m MonthLine) cumulative() []int64 {
	n := min(len(m.Daily), m.lastDay())
	out := make([]int64, n)
	var sum int64
	for d := range n {
		sum = addClamped(sum, m.Daily[d])
		out[d] = sum
	}
	return out
}

// planBy is the plan's line at the end of day d: Plan × d / Days,
// rounded down, exactly.
func (m MonthLine) planBy(d int) int64 {
	if m.Plan <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(m.Plan), uint64(d))
	q, _ := bits.Div64(hi, lo, uint64(m.days())) // d <= days: no overflow
	return int64(q)
}

// addClamped is a+b, held at the int64 range's edge.
func addClamped(a, b int64) int64 {
	switch {
	case b > 0 && a > math.MaxInt64-b:
		return math.MaxInt64
	case b < 0 && a < math.MinInt64-b:
		return math.MinInt64
	}
	return a + b
}

// Render draws the line in exactly height lines of at most width cells:
// the value axis and the days' columns, and the day numbers with ▲
// today under them from a height of 3.
func (m MonthLine) Render(width, height int) string {
	if width <= 0 || height <= 0 {
		return fixLines(nil, height)
	}
	cum := m.cumulative()
	lo, hi := extent(cum, []int64{max(m.Plan, 0)})
	days := m.days()
	f := newFrame(width, height, lo, hi, m.Format, min(days, 2))
	g := f.grid()
	todayCol := -1
	for c := range f.width {
		first := c*days/f.width + 1
		last := max(first, (c+1)*days/f.width) // the days column c covers
		if first <= len(cum) {
			f.scale.column(g, c, cum[min(last, len(cum))-1])
		}
		if m.Today > 0 && first <= m.Today && m.Today <= last && todayCol < 0 {
			todayCol = c
		}
		f.scale.mark(g, c, c+1, m.planBy(last))
	}
	if todayCol >= 0 {
		for r := range f.rows {
			if g.at(todayCol, r).kind == blank {
				g.set(todayCol, r, markNow, today)
			}
		}
	}
	return f.render(g, m.Palette, func() string { return m.dayLine(f.width, todayCol) })
}

// dayLine numbers the 1st and the last day under their columns, and
// puts ▲ and today's number under today's.
func (m MonthLine) dayLine(cols, todayCol int) string {
	line := []rune(strings.Repeat(" ", cols))
	put := func(x int, s string) {
		if r := []rune(s); x >= 0 && x+len(r) <= cols {
			copy(line[x:], r)
		}
	}
	last := strconv.Itoa(m.days())
	put(0, "1")
	put(cols-len(last), last)
	if todayCol < 0 {
		return paint(m.Palette.Axis, strings.TrimRight(string(line), " "))
	}
	t := MarkToday + strconv.Itoa(m.Today)
	if todayCol+len([]rune(t)) > cols {
		t = MarkToday
	}
	put(todayCol, t)
	before := string(line[:todayCol])
	after := strings.TrimRight(string(line[todayCol+1:]), " ")
	return paint(m.Palette.Axis, before) + paint(m.Palette.Today, MarkToday) + paint(m.Palette.Axis, after)
}
