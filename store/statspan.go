package store

import "time"

// StatSpan is the half-open span of days [From, To), each YYYY-MM-DD.
type StatSpan struct{ From, To string }

// statParts splits a span into the days before its first whole month,
// its whole months and the days after them, so whole months are read
// from the month roll-ups and only the ends from the days.
type statParts struct {
	lead, trail StatSpan // days; empty when From == To
	months      StatSpan // YYYY-MM, half-open; empty when none
}

func (s StatSpan) parts() statParts {
	from, err1 := time.Parse(time.DateOnly, s.From)
	to, err2 := time.Parse(time.DateOnly, s.To)
	if err1 != nil || err2 != nil || !from.Before(to) {
		return statParts{}
	}
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if first.Before(from) {
		first = first.AddDate(0, 1, 0)
	}
	last := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC)
	if !first.Before(last) {
		return statParts{lead: s}
	}
	return statParts{
		lead:   StatSpan{s.From, first.Format(time.DateOnly)},
		months: StatSpan{first.Format("2006-01"), last.Format("2006-01")},
		trail:  StatSpan{last.Format(time.DateOnly), s.To},
	}
}

func (s StatSpan) empty() bool { return s.From >= s.To }
