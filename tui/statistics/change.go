package statistics

import "fmt"

// change is how far now moved from then, in per cent to one place,
// exactly in integers; "—" where there was nothing to move from.
func change(now, then int64) string {
	if then == 0 {
		if now == 0 {
			return "0.0%"
		}
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
