package workflow

import (
	"errors"
	"testing"
	"time"
)

// span writes a period as its first and last day.
func span(p Period) string {
	return p.From.Format(time.DateOnly) + ".." + p.Last().Format(time.DateOnly)
}

func TestPeriods(t *testing.T) {
	for _, c := range []struct {
		kind                          PeriodKind
		on                            string
		label, now, previous, lastYer string
	}{
		{PeriodDay, "2026-11-20", "2026-11-20", "2026-11-20..2026-11-20", "2026-11-19..2026-11-19", "2025-11-20..2025-11-20"},
		{PeriodDay, "2028-02-29", "2028-02-29", "2028-02-29..2028-02-29", "2028-02-28..2028-02-28", "2027-02-28..2027-02-28"},
		{PeriodDay, "2026-03-01", "2026-03-01", "2026-03-01..2026-03-01", "2026-02-28..2026-02-28", "2025-03-01..2025-03-01"},
		// Weeks start on Monday; a Sunday ends its week.
		{PeriodWeek, "2026-11-22", "2026-W47", "2026-11-16..2026-11-22", "2026-11-09..2026-11-15", "2025-11-17..2025-11-23"},
		{PeriodWeek, "2026-11-16", "2026-W47", "2026-11-16..2026-11-22", "2026-11-09..2026-11-15", "2025-11-17..2025-11-23"},
		// The ISO year: 2027-01-01 is in 2026's 53rd week, and 2025 has
		// none, so its last week stands for it.
		{PeriodWeek, "2027-01-01", "2026-W53", "2026-12-28..2027-01-03", "2026-12-21..2026-12-27", "2025-12-22..2025-12-28"},
		{PeriodWeek, "2026-01-01", "2026-W01", "2025-12-29..2026-01-04", "2025-12-22..2025-12-28", "2024-12-30..2025-01-05"},
		{PeriodMonth, "2026-03-31", "2026-03", "2026-03-01..2026-03-31", "2026-02-01..2026-02-28", "2025-03-01..2025-03-31"},
		{PeriodMonth, "2026-01-15", "2026-01", "2026-01-01..2026-01-31", "2025-12-01..2025-12-31", "2025-01-01..2025-01-31"},
		{PeriodQuarter, "2026-11-20", "2026-Q4", "2026-10-01..2026-12-31", "2026-07-01..2026-09-30", "2025-10-01..2025-12-31"},
		{PeriodQuarter, "2026-02-10", "2026-Q1", "2026-01-01..2026-03-31", "2025-10-01..2025-12-31", "2025-01-01..2025-03-31"},
		{PeriodYear, "2026-06-30", "2026", "2026-01-01..2026-12-31", "2025-01-01..2025-12-31", "2025-01-01..2025-12-31"},
		{PeriodRange, "2026-11-20", "2026-11-20–2026-11-20", "2026-11-20..2026-11-20", "2026-11-19..2026-11-19", "2025-11-20..2025-11-20"},
	} {
		p := PeriodOf(c.kind, day(c.on))
		if p.Label() != c.label || span(p) != c.now || span(p.Previous()) != c.previous || span(p.LastYear()) != c.lastYer {
			t.Errorf("%s of %s: %s %s, previous %s, last year %s; want %s %s, %s, %s", c.kind, c.on,
				p.Label(), span(p), span(p.Previous()), span(p.LastYear()), c.label, c.now, c.previous, c.lastYer)
		}
		if next := p.Shift(1).Shift(-1); next != p {
			t.Errorf("%s of %s: a step on and back gives %s", c.kind, c.on, span(next))
		}
	}
}

func TestRangePeriod(t *testing.T) {
	today := day("2026-11-20")
	for _, c := range []struct {
		from, to string
		want     string // span, or the field and code refused
	}{
		{"2026-03-10", "2026-04-20", "2026-03-10..2026-04-20"},
		{"2026-04-20", "2026-04-20", "2026-04-20..2026-04-20"},
		{"3月10日", "4月20日", "2026-03-10..2026-04-20"},
		{"12-01", "01-31", "2025-12-01..2026-01-31"}, // the last day without a year follows the first
		{"2026-04-20", "2026-03-10", "to date_order"},
		{"2026-02-30", "2026-03-10", "from invalid_date"},
		{"", "2026-03-10", "from required"},
		{"2026-03-10", "", "to required"},
		{"2027-01-01", "2027-02-01", "from date_in_future"},
	} {
		p, err := RangePeriod("from", c.from, "to", c.to, today)
		got := ""
		var fes FieldErrors
		switch {
		case errors.As(err, &fes) && len(fes) == 1:
			got = fes[0].Field + " " + string(fes[0].Code)
		case err != nil:
			got = err.Error()
		default:
			got = span(p)
			if p.Kind != PeriodRange || p.Previous().Days() != p.Days() {
				t.Errorf("%s..%s: kind %s, the period before %s", c.from, c.to, p.Kind, span(p.Previous()))
			}
		}
		if got != c.want {
			t.Errorf("%q..%q: %s, want %s", c.from, c.to, got, c.want)
		}
	}
}
