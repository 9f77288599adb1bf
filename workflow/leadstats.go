package workflow

import (
	"context"
	"time"

	"orderdesk/store"
)

// LeadStatRow is one source's leads by stage, with how many became
// customers (won) and how long that took. Rates are in tenths of a
// percent and days in tenths of a day, exact integers.
type LeadStatRow struct {
	Source    string         // "" on the totals row
	ByStage   map[string]int // leads in each stage
	Leads     int
	Won, Lost int
	WinDays   int // whole days from entered to won, added up over the won
}

// Open is how many are still followed up.
func (r LeadStatRow) Open() int { return r.Leads - r.Won - r.Lost }

// ConversionPermille is won out of all leads, in tenths of a percent
// (rounded half up); 0 with no leads.
func (r LeadStatRow) ConversionPermille() int { return ratio(r.Won*1000, r.Leads) }

// ClosedWinPermille is won out of those decided (won or lost), in tenths
// of a percent.
func (r LeadStatRow) ClosedWinPermille() int { return ratio(r.Won*1000, r.Won+r.Lost) }

// WinDaysTenths is the mean time to win in tenths of a day (0 with none
// won).
func (r LeadStatRow) WinDaysTenths() int { return ratio(r.WinDays*10, r.Won) }

// MeanDaysToWin is the mean time to win in whole days, the exact
// WinDays/Won rounded half up; false with none won.
func (r LeadStatRow) MeanDaysToWin() (int, bool) { return ratio(r.WinDays, r.Won), r.Won > 0 }

func ratio(num, den int) int {
	if den == 0 {
		return 0
	}
	return (2*num + den) / (2 * den)
}

// LeadStatistics counts leads by source and stage: a row per source
// that has leads, in the sources' order, and the totals. A sales rep
// counts their own leads, the desk and supervisors everyone's.
func (d *Desk) LeadStatistics(ctx context.Context) (rows []LeadStatRow, total LeadStatRow, err error) {
	return d.leadStatistics(ctx, time.Time{}, time.Time{})
}

// LeadStatisticsOf is LeadStatistics of the leads entered in period p
// (the desk's days): each where it stands now.
func (d *Desk) LeadStatisticsOf(ctx context.Context, p Period) (rows []LeadStatRow, total LeadStatRow, err error) {
	return d.leadStatistics(ctx, d.e.dayStart(p.From), d.e.dayStart(p.To))
}

// dayStart is the first moment of day's date in the desk's time zone.
func (e *Engine) dayStart(day time.Time) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, e.loc)
}

// leadStatistics counts the leads entered from from up to before to
// (zero times leave an end open).
func (d *Desk) leadStatistics(ctx context.Context, from, to time.Time) (rows []LeadStatRow, total LeadStatRow, err error) {
	if err := permitScreen(d.User, ScreenLeads); err != nil {
		return nil, total, err
	}
	owner := d.leadScope()
	counts, err := read(ctx, d.e, func(tx *store.Tx) ([]store.LeadCount, error) { return tx.LeadCounts(ctx, owner, from, to) })
	if err != nil {
		return nil, total, err
	}
	bySource := map[string]*LeadStatRow{}
	total.ByStage = map[string]int{}
	for _, c := range counts {
		r := bySource[c.Source]
		if r == nil {
			r = &LeadStatRow{Source: c.Source, ByStage: map[string]int{}}
			bySource[c.Source] = r
		}
		for _, x := range []*LeadStatRow{r, &total} {
			x.ByStage[c.Status] += c.Leads
			x.Leads += c.Leads
			x.WinDays += c.WinDays
			switch c.Status {
			case "won":
				x.Won += c.Leads
			case "lost":
				x.Lost += c.Leads
			}
		}
	}
	for _, s := range LeadSources {
		if r := bySource[s]; r != nil {
			rows = append(rows, *r)
		}
	}
	return rows, total, nil
}
