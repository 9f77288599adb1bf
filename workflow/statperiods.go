package workflow

import (
	"fmt"
	"strings"
	"time"

	"orderdesk/store"
)

// PeriodKind is how a statistics period is cut.
type PeriodKind string

// Period kinds. Weeks run Monday to Sunday (ISO 8601).
const (
	PeriodDay     PeriodKind = "day"
	PeriodWeek    PeriodKind = "week"
	PeriodMonth   PeriodKind = "month"
	PeriodQuarter PeriodKind = "quarter"
	PeriodYear    PeriodKind = "year"
	PeriodRange   PeriodKind = "range" // any run of days
)

// PeriodKinds are every kind, in the order a screen cycles them.
var PeriodKinds = []PeriodKind{PeriodDay, PeriodWeek, PeriodMonth, PeriodQuarter, PeriodYear, PeriodRange}

// Period is the days [From, To) of one period (midnights, UTC-dated
// calendar days).
type Period struct {
	Kind     PeriodKind
	From, To time.Time
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// PeriodOf is the period of kind that holds day (a range: that day alone).
func PeriodOf(kind PeriodKind, day time.Time) Period {
	d := dayOf(day)
	switch kind {
	case PeriodWeek:
		from := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		return Period{kind, from, from.AddDate(0, 0, 7)}
	case PeriodMonth:
		from := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		return Period{kind, from, from.AddDate(0, 1, 0)}
	case PeriodQuarter:
		from := time.Date(d.Year(), (d.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
		return Period{kind, from, from.AddDate(0, 3, 0)}
	case PeriodYear:
		from := time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return Period{kind, from, from.AddDate(1, 0, 0)}
	case PeriodRange:
		return Period{kind, d, d.AddDate(0, 0, 1)}
	default:
		return Period{PeriodDay, d, d.AddDate(0, 0, 1)}
	}
}

// RangePeriod reads a range as typed, first and last day both counted
// (ParseDayField's forms; a first day without a year is the last such
// day up to today). An end before its start is refused at the end's
// field (DateOrder), a day that cannot be read at its own.
func RangePeriod(fromField, from, toField, to string, today time.Time) (Period, error) {
	first, err := requiredDay(fromField, from, today, NotFuture)
	if err != nil {
		return Period{}, err
	}
	// The last day without a year is the next such day from the first.
	last, err := requiredDay(toField, to, first, Following)
	if err != nil {
		return Period{}, err
	}
	if last.Before(first) {
		return Period{}, FieldErrors{{Field: toField, Code: DateOrder}}
	}
	return Period{PeriodRange, first, last.AddDate(0, 0, 1)}, nil
}

// requiredDay reads a day that must be given (ParseDayField).
func requiredDay(field, s string, today time.Time, mode DateMode) (time.Time, error) {
	d, fe := ParseDayField(field, s, today, mode)
	if fe == nil && d == "" {
		fe = &FieldError{Field: field, Code: Required}
	}
	if fe != nil {
		return time.Time{}, FieldErrors{fe}
	}
	t, _ := time.Parse(time.DateOnly, d)
	return t, nil
}

// Days is how many days the period holds.
func (p Period) Days() int { return int(p.To.Sub(p.From).Hours()+0.5) / 24 }

// Shift is the period n periods later (earlier for n < 0): the next
// month, the week before; a range moves by its own length.
func (p Period) Shift(n int) Period {
	switch p.Kind {
	case PeriodWeek:
		return Period{p.Kind, p.From.AddDate(0, 0, 7*n), p.To.AddDate(0, 0, 7*n)}
	case PeriodMonth:
		return Period{p.Kind, p.From.AddDate(0, n, 0), p.From.AddDate(0, n+1, 0)}
	case PeriodQuarter:
		return Period{p.Kind, p.From.AddDate(0, 3*n, 0), p.From.AddDate(0, 3*n+3, 0)}
	case PeriodYear:
		return Period{p.Kind, p.From.AddDate(n, 0, 0), p.From.AddDate(n+1, 0, 0)}
	default:
		d := p.Days() * n
		return Period{p.Kind, p.From.AddDate(0, 0, d), p.To.AddDate(0, 0, d)}
	}
}

// Previous is the period just before, of the same kind and length.
func (p Period) Previous() Period { return p.Shift(-1) }

// LastYear is the same period a year earlier: the same month, quarter
// or year; the ISO week of the same number (the last week of a year
// without a 53rd); the same days (29 February: the 28th).
func (p Period) LastYear() Period {
	switch p.Kind {
	case PeriodMonth, PeriodQuarter, PeriodYear:
		return p.Shift(map[PeriodKind]int{PeriodMonth: -12, PeriodQuarter: -4, PeriodYear: -1}[p.Kind])
	case PeriodWeek:
		y, w := p.From.ISOWeek()
		from := isoWeekStart(y-1, w)
		if wy, _ := from.ISOWeek(); wy != y-1 {
			from = from.AddDate(0, 0, -7)
		}
		return Period{p.Kind, from, from.AddDate(0, 0, 7)}
	default:
		from := yearEarlier(p.From)
		return Period{p.Kind, from, from.AddDate(0, 0, p.Days())}
	}
}

// yearEarlier is the same day a year before, 29 February the 28th.
func yearEarlier(d time.Time) time.Time {
	e := d.AddDate(-1, 0, 0)
	if e.Day() != d.Day() {
		e = e.AddDate(0, 0, -e.Day())
	}
	return e
}

// isoWeekStart is the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w-1))
}

// Span is the period as the store reads it.
func (p Period) Span() store.StatSpan {
	return store.StatSpan{From: p.From.Format(time.DateOnly), To: p.To.Format(time.DateOnly)}
}

// Last is the period's last day.
func (p Period) Last() time.Time { return p.To.AddDate(0, 0, -1) }

// Label names the period: 2026-11-30, 2026-W49, 2026-11, 2026-Q4, 2026,
// 2026-11-03–2026-11-20.
func (p Period) Label() string {
	switch p.Kind {
	case PeriodWeek:
		y, w := p.From.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case PeriodMonth:
		return p.From.Format("2006-01")
	case PeriodQuarter:
		return fmt.Sprintf("%d-Q%d", p.From.Year(), (int(p.From.Month())+2)/3)
	case PeriodYear:
		return fmt.Sprint(p.From.Year())
	case PeriodRange:
		return strings.Join([]string{p.From.Format(time.DateOnly), p.Last().Format(time.DateOnly)}, "–")
	default:
		return p.From.Format(time.DateOnly)
	}
}
