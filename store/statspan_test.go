package store

import (
	"slices"
	"testing"
)

// A span splits into the days, months, quarters and years each is read
// from.
func TestStatSpanParts(t *testing.T) {
	for _, c := range []struct {
		name string
		span StatSpan
		want statParts
	}{
		{"a day", StatSpan{"2026-03-05", "2026-03-06"}, statParts{lead: StatSpan{"2026-03-05", "2026-03-06"}}},
		{"a month", StatSpan{"2026-03-01", "2026-04-01"}, statParts{lead: StatSpan{"2026-03-01", "2026-03-01"},
			leadMonths: StatSpan{"2026-03", "2026-04"}, trail: StatSpan{"2026-04-01", "2026-04-01"}}},
		{"a quarter", StatSpan{"2026-07-01", "2026-10-01"}, statParts{lead: StatSpan{"2026-07-01", "2026-07-01"},
			leadMonths: StatSpan{"2026-07", "2026-07"}, leadQuarters: StatSpan{"2026-07", "2026-10"}, trailMonths: StatSpan{"2026-10", "2026-10"},
			trail: StatSpan{"2026-10-01", "2026-10-01"}}},
		{"two months astride a quarter", StatSpan{"2026-06-01", "2026-08-01"}, statParts{lead: StatSpan{"2026-06-01", "2026-06-01"},
			leadMonths: StatSpan{"2026-06", "2026-08"}, trail: StatSpan{"2026-08-01", "2026-08-01"}}},
		{"a year", StatSpan{"2025-01-01", "2026-01-01"}, statParts{lead: StatSpan{"2025-01-01", "2025-01-01"},
			leadMonths: StatSpan{"2025-01", "2025-01"}, leadQuarters: StatSpan{"2025-01", "2025-01"}, years: StatSpan{"2025", "2026"},
			trailQuarters: StatSpan{"2026-01", "2026-01"}, trailMonths: StatSpan{"2026-01", "2026-01"}, trail: StatSpan{"2026-01-01", "2026-01-01"}}},
		{"a range over a year", StatSpan{"2024-11-15", "2026-02-10"}, statParts{lead: StatSpan{"2024-11-15", "2024-12-01"},
			leadMonths: StatSpan{"2024-12", "2025-01"}, leadQuarters: StatSpan{"2025-01", "2025-01"}, years: StatSpan{"2025", "2026"},
			trailQuarters: StatSpan{"2026-01", "2026-01"}, trailMonths: StatSpan{"2026-01", "2026-02"}, trail: StatSpan{"2026-02-01", "2026-02-10"}}},
		{"a range of ragged quarters over a year", StatSpan{"2024-08-15", "2026-05-10"}, statParts{lead: StatSpan{"2024-08-15", "2024-09-01"},
			leadMonths: StatSpan{"2024-09", "2024-10"}, leadQuarters: StatSpan{"2024-10", "2025-01"}, years: StatSpan{"2025", "2026"},
			trailQuarters: StatSpan{"2026-01", "2026-04"}, trailMonths: StatSpan{"2026-04", "2026-05"}, trail: StatSpan{"2026-05-01", "2026-05-10"}}},
		{"quarters inside a year", StatSpan{"2025-02-20", "2025-12-05"}, statParts{lead: StatSpan{"2025-02-20", "2025-03-01"},
			leadMonths: StatSpan{"2025-03", "2025-04"}, leadQuarters: StatSpan{"2025-04", "2025-10"}, trailMonths: StatSpan{"2025-10", "2025-12"},
			trail: StatSpan{"2025-12-01", "2025-12-05"}}},
		{"a range over the turn of a year", StatSpan{"2025-11-15", "2026-02-10"}, statParts{lead: StatSpan{"2025-11-15", "2025-12-01"},
			leadMonths: StatSpan{"2025-12", "2026-02"}, trail: StatSpan{"2026-02-01", "2026-02-10"}}},
		{"inside a month", StatSpan{"2026-02-03", "2026-02-27"}, statParts{lead: StatSpan{"2026-02-03", "2026-02-27"}}},
		{"backwards", StatSpan{"2026-02-03", "2026-01-27"}, statParts{}},
		{"unreadable", StatSpan{"2026-02", "2026-03-01"}, statParts{}},
	} {
		if got := c.span.parts(); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// The spans a read picks rows by cover the days of the spans asked, each
// once: the empty dropped, the overlapping and the adjoining joined.
func TestMergedSpans(t *testing.T) {
	for _, c := range []struct {
		in, want []StatSpan
	}{
		{nil, nil},
		{[]StatSpan{{"2026-10", "2026-10"}}, nil},
		{[]StatSpan{{"", "2026"}, {"", "2026"}, {"", "2025"}}, []StatSpan{{"", "2026"}}},
		{[]StatSpan{{"2026-01", "2026-10"}, {"2026-01", "2026-07"}, {"2025-01", "2025-10"}}, []StatSpan{{"2025-01", "2025-10"}, {"2026-01", "2026-10"}}},
		{[]StatSpan{{"2026-10", "2026-11"}, {"2026-07", "2026-10"}, {"2025-10", "2025-11"}}, []StatSpan{{"2025-10", "2025-11"}, {"2026-07", "2026-11"}}},
		{[]StatSpan{{"2026-11-01", "2026-11-15"}, {"2026-10-01", "2026-10-01"}, {"2026-11-10", "2026-11-20"}}, []StatSpan{{"2026-11-01", "2026-11-20"}}},
	} {
		if got := mergedSpans(c.in); !slices.Equal(got, c.want) {
			t.Errorf("%v: %v, want %v", c.in, got, c.want)
		}
	}
}
