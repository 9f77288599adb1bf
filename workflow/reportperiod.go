package workflow

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A period as typed on the command line: 2026-11-30 a day, 2026-W49 an
// ISO week, 2026-11 a month, 2026-Q4 a quarter, 2026 a year.
var (
	weekForm    = regexp.MustCompile(`^(\d{4})-?[Ww](\d{1,2})$`)
	quarterForm = regexp.MustCompile(`^(\d{4})-?[Qq]([1-4])$`)
	yearForm    = regexp.MustCompile(`^\d{4}$`)
)

// ParsePeriod reads a period in one of its forms (full-width digits
// too); one that cannot be read is refused at FPeriod.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(NormalizeDigits(s))
	bad := FieldErrors{{Field: FPeriod, Code: InvalidDate}}
	if m := weekForm.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		w, _ := strconv.Atoi(m[2])
		from := isoWeekStart(y, w)
		if wy, ww := from.ISOWeek(); w < 1 || wy != y || ww != w {
			return Period{}, bad
		}
		return PeriodOf(PeriodWeek, from), nil
	}
	if m := quarterForm.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		q, _ := strconv.Atoi(m[2])
		return PeriodOf(PeriodQuarter, time.Date(y, time.Month(3*q-2), 1, 0, 0, 0, 0, time.UTC)), nil
	}
	if yearForm.MatchString(s) {
		y, _ := strconv.Atoi(s)
		return PeriodOf(PeriodYear, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), nil
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return PeriodOf(PeriodDay, d), nil
	}
	if m, ok := ParseMonth(s); ok {
		t, _ := time.Parse("2006-01", m)
		return PeriodOf(PeriodMonth, t), nil
	}
	return Period{}, bad
}

// ParsePeriodOf reads a period that must be of kind: a day names the
// week or month that holds it; any other kind is refused at FPeriod.
func ParsePeriodOf(kind PeriodKind, s string) (Period, error) {
	p, err := ParsePeriod(s)
	if err != nil {
		return p, err
	}
	if p.Kind == PeriodDay && kind != PeriodDay {
		return PeriodOf(kind, p.From), nil
	}
	if p.Kind != kind {
		return Period{}, FieldErrors{{Field: FPeriod, Code: InvalidChoice}}
	}
	return p, nil
}
