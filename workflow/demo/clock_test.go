package demo

import (
	"testing"
	"time"
)

// The demo dates nothing after the moment it runs: today's records at
// an hour still to come are stamped now.
func TestDemoClockNeverRunsAhead(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 15, 0, 0, time.UTC)
	g := &gen{today: now}
	tests := []struct {
		days int
		hour float64
		want time.Time
	}{
		{0, 16, now},
		{0, 10.25, now},
		{0, 8, time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)},
		{0, 0, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)},
		{1, 16, time.Date(2026, 11, 29, 16, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		if got := g.at(tc.days, tc.hour); !got.Equal(tc.want) {
			t.Errorf("at(%d, %v): %s, want %s", tc.days, tc.hour, got, tc.want)
		}
	}
}
