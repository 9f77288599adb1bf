package customers

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	good := map[string]string{
		"2026-12-01": "2026-12-01", "2026/12/1": "2026-12-01", "2026.1.5": "2026-01-05",
		"20261201": "2026-12-01", "2026年12月1日": "2026-12-01", "２０２６-１２-０１": "2026-12-01", " 2026-2-28 ": "2026-02-28",
	}
	today := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	good["11-05"], good["11月1日"] = "2026-11-05", "2026-11-01" // without a year: the nearest such day
	for in, want := range good {
		if got, ok := parseDate(in, today); !ok || got != want {
			t.Errorf("parseDate(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2026-02-30", "12/1/2026", "2026-13-01", "tomorrow", "2026-12"} {
		if got, ok := parseDate(in, today); ok {
			t.Errorf("parseDate(%q) = %q, want refused", in, got)
		}
	}
}
