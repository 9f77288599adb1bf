package store

import "time"

// StatSpan is the half-open span of days [From, To), each YYYY-MM-DD.
type StatSpan struct{ From, To string }

// statParts splits a span into the days before its first whole month,
// the whole months before its first whole year, its whole years, the
// whole months after them and the days after those, so that whole years
// are read from the year roll-ups, whole months from the month roll-ups
// and only the ends from the days.
type statParts struct {
	lead, trail             StatSpan // days; empty when From == To
	leadMonths, trailMonths StatSpan // YYYY-MM, half-open; empty when none
	years                   StatSpan // YYYY, half-open; empty when none
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
	p := statParts{
		lead:  StatSpan{s.From, first.Format(time.DateOnly)},
		trail: StatSpan{last.Format(time.DateOnly), s.To},
	}
	firstYear := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	if firstYear.Before(first) {
		firstYear = firstYear.AddDate(1, 0, 0)
	}
	lastYear := time.Date(last.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	if !firstYear.Before(lastYear) {
		p.leadMonths = StatSpan{first.Format("2006-01"), last.Format("2006-01")}
		return p
	}
	p.leadMonths = StatSpan{first.Format("2006-01"), firstYear.Format("2006-01")}
	p.years = StatSpan{firstYear.Format("2006"), lastYear.Format("2006")}
	p.trailMonths = StatSpan{lastYear.Format("2006-01"), last.Format("2006-01")}
	return p
}

func (s StatSpan) empty() bool { return s.From >= s.To }

// asMonths is a span of whole years as its months.
func (s StatSpan) asMonths() StatSpan { return StatSpan{s.From + "-01", s.To + "-01"} }
