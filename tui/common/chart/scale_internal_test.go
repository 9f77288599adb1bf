package chart

import (
	"math"
	"testing"
)

func TestStepsIsExactAtTheEdges(t *testing.T) {
	for _, c := range []struct {
		mag, full uint64
		n, want   int
	}{
		{0, 100, 8, 0},
		{100, 100, 8, 8},
		{50, 100, 8, 4},
		{1, 16, 8, 1},    // a half step rounds up
		{1, 17, 8, 0},    // under half rounds down
		{200, 100, 8, 8}, // past full counts as full
		{5, 0, 8, 0},     // nothing to scale against
		{math.MaxUint64, math.MaxUint64, 160, 160},
		{math.MaxUint64 / 2, math.MaxUint64, 160, 80},
		{magnitude(math.MinInt64), magnitude(math.MinInt64), 8, 8},
	} {
		if got := steps(c.mag, c.full, c.n); got != c.want {
			t.Errorf("steps(%d, %d, %d) = %d, want %d", c.mag, c.full, c.n, got, c.want)
		}
	}
}

func TestNiceCeilIsRoundAndAtLeastTheFigure(t *testing.T) {
	for v, want := range map[uint64]uint64{
		0: 1, 1: 1, 7: 8, 9: 10, 11: 12, 13: 15, 31_800_000_000: 40_000_000_000, 25_000_001: 30_000_000,
		math.MaxInt64: math.MaxInt64, // no round figure fits above it
	} {
		if got := niceCeil(v); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", v, got, want)
		}
	}
}

func TestMagnitudeOfTheSmallestInt64(t *testing.T) {
	if got := magnitude(math.MinInt64); got != 1<<63 {
		t.Errorf("magnitude(MinInt64) = %d", got)
	}
}
