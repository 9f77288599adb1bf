package statistics

import "testing"

// A change from nothing, or from below nothing, is "—", whatever it
// came to; from something, the per cent truncated to one place.
func TestChangeFromAZeroOrNegativeBaseIsADash(t *testing.T) {
	tests := []struct {
		now, then int64
		want      string
	}{
		{0, 0, "—"},
		{500, 0, "—"},
		{0, 400, "-100.0%"},
		{150, 100, "+50.0%"},
		{100, 100, "+0.0%"},
		{2, 3, "-33.3%"},
		{3067770, -2983, "—"},
		{-500, -400, "—"},
	}
	for _, tc := range tests {
		if got := change(tc.now, tc.then); got != tc.want {
			t.Errorf("change(%d, %d) = %q, want %q", tc.now, tc.then, got, tc.want)
		}
	}
}
