package store

import (
	"slices"
	"strings"
	"time"
)

// StatSpan is the half-open span of days [From, To), each YYYY-MM-DD.
type StatSpan struct{ From, To string }

// statParts splits a span into the days before its first whole month,
// the whole months before its first whole quarter, the whole quarters
// before its first whole year, its whole years, and the same after them
// in reverse, so that whole years are read from the year roll-ups, whole
// quarters from the quarter roll-up, whole months from the month
// roll-ups and only the ends from the days. A quarter is named by its
// first month, so quarters are spans of months (YYYY-MM) too.
type statParts struct {
	lead, trail                 StatSpan // days; empty when From == To
	leadMonths, trailMonths     StatSpan // YYYY-MM, half-open; empty when none
	leadQuarters, trailQuarters StatSpan // YYYY-MM of the quarters' first months, half-open; empty when none
	years                       StatSpan // YYYY, half-open; empty when none
}

func (s StatSpan) parts() statParts {
	from, err1 := time.Parse(time.DateOnly, s.From)
	to, err2 := time.Parse(time.DateOnly, s.To)
	if err1 != nil || err2 != nil || !from.Before(to) {
		return statParts{}
	}
	first, last := statRound(from, 1, true), statRound(to, 1, false)
	if !first.Before(last) {
		return statParts{lead: s}
	}
	const month = "2006-01"
	p := statParts{lead: StatSpan{s.From, first.Format(time.DateOnly)}, trail: StatSpan{last.Format(time.DateOnly), s.To}}
	firstQ, lastQ := statRound(first, 3, true), statRound(last, 3, false)
	if !firstQ.Before(lastQ) {
		p.leadMonths = StatSpan{first.Format(month), last.Format(month)}
		return p
	}
	p.leadMonths, p.trailMonths = StatSpan{first.Format(month), firstQ.Format(month)}, StatSpan{lastQ.Format(month), last.Format(month)}
	firstY, lastY := statRound(firstQ, 12, true), statRound(lastQ, 12, false)
	if !firstY.Before(lastY) {
		p.leadQuarters = StatSpan{firstQ.Format(month), lastQ.Format(month)}
		return p
	}
	p.leadQuarters, p.trailQuarters = StatSpan{firstQ.Format(month), firstY.Format(month)}, StatSpan{lastY.Format(month), lastQ.Format(month)}
	p.years = StatSpan{firstY.Format("2006"), lastY.Format("2006")}
	return p
}

// statRound is the first day of the period of months months (1, 3 or
// 12, counted from January) that holds t or, rounding up, of the next
// one unless t is already a first day.
func statRound(t time.Time, months int, up bool) time.Time {
	m := (int(t.Month())-1)/months*months + 1
	r := time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	if up && r.Before(t) {
		r = r.AddDate(0, months, 0)
	}
	return r
}

func (s StatSpan) empty() bool { return s.From >= s.To }

// mergedSpans are the days spans cover, as few spans as make them: the
// empty left out, the overlapping and the adjoining joined; by From.
func mergedSpans(spans []StatSpan) []StatSpan {
	var out []StatSpan
	for _, s := range slices.SortedFunc(slices.Values(spans), func(a, b StatSpan) int { return strings.Compare(a.From, b.From) }) {
		switch {
		case s.empty():
		case len(out) > 0 && s.From <= out[len(out)-1].To:
			out[len(out)-1].To = max(out[len(out)-1].To, s.To)
		default:
			out = append(out, s)
		}
	}
	return out
}

// asMonths is a span of whole years as its months.
func (s StatSpan) asMonths() StatSpan { return StatSpan{s.From + "-01", s.To + "-01"} }
