package statistics

import "fmt"

// change is how far now moved from then, in per cent to one place,
// exactly in integers; "—" where there was nothing to move from, nothing
// to nothing included (a period with nothing in it showed "0.0%" on its
// total beside rows showing "—"), and where then was below nothing (a
// credit owed back, shipped net of more returns): a share of a negative
// base says nothing (3,067,770.35 owed after -2,983.81 read +102913.8%).
func change(now, then int64) string {
	if then <= 0 {
		return "—"
	}
	d := (now - then) * 1000 / then // per mille, truncated
	sign := "+"
	if d < 0 {
		sign, d = "-", -d
	}
	return fmt.Sprintf("%s%d.%d%%", sign, d/10, d%10)
}
