package workflow

import (
	"strconv"
	"strings"
	"time"
)

// DateMode says which days a date field takes.
type DateMode int

// Date modes.
const (
	AnyDay    DateMode = iota
	NotPast            // delivery dates, a price's first day: today or later
	NotFuture          // the day a market gave a price: today or earlier
	// Following reads a day without a year as the next such day on or
	// after the day given as today: the last day of a range, read from
	// its first.
	Following
)

// ParseDayField reads a day as clerks type it and returns it as
// YYYY-MM-DD ("" for an empty field): 2026-12-01, 2026/12/1, 2026.12.1,
// 2026年12月1日, 20261201, with full-width digits too; and without the
// year, 12-01, 12/1 or 12月1日 (yearDay says which year). A day on the
// wrong side of today for the field is refused at it. today is the
// desk's today, in its time zone.
func ParseDayField(field, s string, today time.Time, mode DateMode) (string, *FieldError) {
	s = strings.TrimSpace(NormalizeDigits(s))
	if s == "" {
		return "", nil
	}
	if len(s) == 8 && strings.Trim(s, "0123456789") == "" {
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	s = strings.NewReplacer("/", "-", ".", "-", "年", "-", "月", "-", "日", "").Replace(s)
	var n []int
	for _, p := range strings.Split(s, "-") {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || v < 0 {
			return "", &FieldError{Field: field, Code: InvalidDate}
		}
		n = append(n, v)
	}
	day0 := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	var d time.Time
	var ok bool
	switch len(n) {
	case 3:
		if n[0] < 1900 || n[0] > 9999 {
			return "", &FieldError{Field: field, Code: InvalidDate}
		}
		d, ok = makeDay(n[0], n[1], n[2])
	case 2:
		d, ok = yearDay(n[0], n[1], day0, mode)
	}
	if !ok {
		return "", &FieldError{Field: field, Code: InvalidDate}
	}
	switch {
	case mode == NotPast && d.Before(day0):
		return "", &FieldError{Field: field, Code: DateInPast}
	case mode == NotFuture && d.After(day0):
		return "", &FieldError{Field: field, Code: DateInFuture}
	}
	return d.Format("2006-01-02"), nil
}

// yearDay is the day of a month and day typed without a year. A field
// that takes past days only reads the last such day up to today (a
// range from 1-1 typed in December starts this January); a range's last
// day the next one on or after its first. Every other field reads the
// such day nearest to today, the year before, this year or the next
// (ties go forward): 1-15 typed on 20 December is next January, and
// 12-01 typed on 6 December is this year's, refused at a field that
// takes no past day rather than read silently as a year ahead.
// 02-29 finds the nearest year that has one.
func yearDay(month, day int, today time.Time, mode DateMode) (time.Time, bool) {
	var best time.Time
	found := false
	for y := today.Year() - 4; y <= today.Year()+4; y++ {
		d, ok := makeDay(y, month, day)
		switch {
		case !ok:
			continue
		case mode == NotFuture && d.After(today), mode == Following && d.Before(today):
			continue
		case !found, mode == NotFuture: // the years go up: the last one kept is nearest
			best, found = d, true
		case mode == Following:
		case distance(d, today) <= distance(best, today):
			best = d
		}
	}
	return best, found
}

// distance is how far apart two days are, either way.
func distance(a, b time.Time) time.Duration {
	if a.Before(b) {
		return b.Sub(a)
	}
	return a.Sub(b)
}

// makeDay builds a day, refusing one that does not exist (2026-02-30
// would roll over into March).
func makeDay(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// Day is a time's calendar day in loc, as YYYY-MM-DD.
func Day(t time.Time, loc *time.Location) string { return t.In(loc).Format("2006-01-02") }
