package customers

import "testing"

func TestParseDate(t *testing.T) {
	good := map[string]string{
		"2026-12-01": "2026-12-01", "2026/12/1": "2026-12-01", "2026.1.5": "2026-01-05",
		"20261201": "2026-12-01", "2026年12月1日": "2026-12-01", "２０２６-１２-０１": "2026-12-01", " 2026-2-28 ": "2026-02-28",
	}
	for in, want := range good {
		if got, ok := parseDate(in); !ok || got != want {
			t.Errorf("parseDate(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2026-02-30", "12/1/2026", "2026-13-01", "tomorrow", "2026-12"} {
		if got, ok := parseDate(in); ok {
			t.Errorf("parseDate(%q) = %q, want refused", in, got)
		}
	}
}
