package chart

// vscale places figures on the rows of a plot: the pos rows above zero
// hold 0…hi, the neg rows below it lo…0 (only when a figure is
// negative). hi and lo are round (niceCeil), so the axis reads well.
type vscale struct {
	lo, hi   int64
	pos, neg int
}

func newVScale(lo, hi int64, rows int) vscale {
	s := vscale{pos: rows}
	if hi > 0 {
		s.hi = int64(niceCeil(uint64(hi)))
	}
	if lo < 0 && rows >= 2 {
		s.lo = int64(0 - niceCeil(magnitude(lo)))
		if s.hi == 0 {
			s.pos, s.neg = 1, rows-1 // a row for the zero line's figure
		} else {
			s.neg = steps(magnitude(s.lo), magnitude(s.lo)+uint64(s.hi), rows)
			s.neg = min(max(s.neg, 1), rows-1)
			s.pos = rows - s.neg
		}
	}
	return s
}

// column draws v as a bar at column x of g: up from zero in eighths,
// down from it in the coarser top-down blocks.
func (s vscale) column(g grid, x int, v int64) {
	if v >= 0 {
		e := s.up(v)
		for r := 0; r < s.pos; r++ {
			if f := fill(e, r); f > 0 {
				g.set(x, s.neg+r, eighths[f], actual)
			}
		}
		return
	}
	e := steps(magnitude(v), magnitude(s.lo), s.neg*8)
	for r := 0; r < s.neg; r++ {
		if f := fill(e, r); f > 0 {
			g.set(x, s.neg-1-r, fromTop(f), negative)
		}
	}
}

// up is how many eighths above zero v >= 0 reaches.
func (s vscale) up(v int64) int {
	if v <= 0 {
		return 0
	}
	return steps(uint64(v), uint64(s.hi), s.pos*8)
}

// mark draws the plan at v as ┄ across columns x0…x1-1 of g, in the row
// its level falls in, where the bar there has not reached it.
func (s vscale) mark(g grid, x0, x1 int, v int64) {
	e := s.up(v)
	if e == 0 {
		return
	}
	r := (e - 1) / 8
	for x := x0; x < x1; x++ {
		if g.at(x, s.neg+r).kind == blank {
			g.set(x, s.neg+r, MarkPlan, plan)
		}
	}
}

// labels are the axis figures by row, top first: hi at the top, 0 at
// the foot of the positive rows, lo at the bottom, and half of hi where
// a row edge falls on it exactly.
func (s vscale) labels(format func(int64) string) map[int]string {
	l := map[int]string{}
	if s.hi > 0 {
		l[0] = format(s.hi)
		if s.pos >= 4 && s.pos%2 == 0 && s.hi%2 == 0 {
			l[s.pos/2] = format(s.hi / 2)
		}
	}
	l[s.pos-1] = format(0)
	if s.neg > 0 {
		l[s.pos+s.neg-1] = format(s.lo)
	}
	return l
}
