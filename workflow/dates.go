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
)

// ParseDayField reads a day as clerks type it and returns it as
// YYYY-MM-DD ("" for an empty field): 2026-12-01, 2026/12/1, 2026.12.1,
// 2026年12月1日, 20261201, with full-width digits too; and without the
// year, 12-01, 12/1 or 12月1日, which means the next such day from today
// (this year or next), or for a NotFuture field the last one (this year
// or last). today is the desk's today, in its time zone.
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
		// Without a year: the nearest such day on the field's side of
		// today. 02-29 finds the next (or last) year that has one.
		step := 1
		if mode == NotFuture {
			step = -1
		}
		for y, tries := day0.Year(), 0; tries < 8 && !ok; y, tries = y+step, tries+1 {
			d, ok = makeDay(y, n[0], n[1])
			if ok && ((step > 0 && d.Before(day0)) || (step < 0 && d.After(day0))) {
				ok = false
			}
		}
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

// makeDay builds a day, refusing one that does not exist (2026-02-30
// would roll over into March).
func makeDay(y, m, d int) (time.Time, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// Day is a time's calendar day in loc, as YYYY-MM-DD.
func Day(t time.Time, loc *time.Location) string { return t.In(loc).Format("2006-01-02") }
