package chart

import (
	"math"
	"math/bits"
)

// magnitude is |v| as an unsigned number; it never overflows, even for
// math.MinInt64.
func magnitude(v int64) uint64 {
	if v < 0 {
		return uint64(0) - uint64(v)
	}
	return uint64(v)
}

// steps maps mag out of full onto 0..n, rounded to the nearest step,
// exactly (a 128-bit product, so fen in the trillions never overflow).
// mag beyond full counts as full.
func steps(mag, full uint64, n int) int {
	if full == 0 || n <= 0 {
		return 0
	}
	mag = min(mag, full)
	hi, lo := bits.Mul64(mag, uint64(n))
	q, rem := bits.Div64(hi, lo, full)
	if rem >= full-rem {
		q++
	}
	return int(q)
}

// niceCeil is the smallest round figure at least v (1, 1.2, 1.5, 2,
// 2.5, 3, 4, 5, 6 or 8 × 10ⁿ), so an axis is labelled with round
// figures and its top is never far above the highest bar; v itself
// where that would pass the largest int64.
func niceCeil(v uint64) uint64 {
	for p := uint64(1); p <= math.MaxInt64/80; p *= 10 {
		for _, tenths := range []uint64{10, 12, 15, 20, 25, 30, 40, 50, 60, 80} {
			if c := tenths * p; c%10 == 0 && c/10 >= v {
				return c / 10
			}
		}
	}
	return v
}

// extent is the smallest and largest of the series, each taken with 0,
// so bars always stand on zero.
func extent(series ...[]int64) (lo, hi int64) {
	for _, s := range series {
		for _, v := range s {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	return lo, hi
}
