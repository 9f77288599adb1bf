package statistics

import "fmt"

// change is how far now moved from then, in per cent to one place,
// exactly in integers; "—" where there was nothing to move from, nothing
// to nothing included (a period with nothing in it showed "0.0%" on its
// total beside rows showing "—").
func change(now, then int64) string {
	if then == 0 {
		return "—"
	}
	d := (now - then) * 1000 / abs(then) // per mille, truncated
	sign := "+"
	if d < 0 {
		sign = "-"
	}
	d = abs(d)
	return fmt.Sprintf("%s%d.%d%%", sign, d/10, d%10)
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
