package workflow

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/report"
)

// RepReviews reviews every rep's period (销售业绩评估): what their
// customers ordered against their approved target and plans, the
// customers they won, and the money due in the period received on time.
// The desk, supervisors and finance see every rep (and the customers
// without one, as a review with no name); a rep their own review only. The definitions are the README's ("Reports and rep
// reviews").
func (d *Desk) RepReviews(ctx context.Context, p Period) ([]report.Review, error) {
	if err := permit(d.User, SeeMoney, ""); err != nil {
		return nil, err
	}
	if p.Kind == "" {
		p = PeriodOf(PeriodMonth, d.e.today())
	}
	ordered, err := d.Statistics(ctx, StatQuery{Dim: store.StatRep, Period: p})
	if err != nil {
		return nil, err
	}
	return d.reviewsOf(ctx, p, ordered)
}

// reviewsOf reviews the reps of p given the period's statistics by rep.
func (d *Desk) reviewsOf(ctx context.Context, p Period, ordered StatView) ([]report.Review, error) {
	own, _ := statAccess(d.User)
	first, last := p.From.Format(time.DateOnly), p.Last().Format(time.DateOnly)
	from, to := p.Span().From, p.Span().To
	var (
		reps    []store.User
		plans   []store.Plan
		targets []store.Target
		won     []store.RepCount
		due     []store.DueCollection
	)
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		if reps, err = tx.UsersWithRole(ctx, string(SalesRep)); err != nil {
			return err
		}
		if plans, err = tx.ApprovedPlans(ctx, planKindOf(p.Kind), first, last); err != nil {
			return err
		}
		if period := targetPeriodOf(p); period != "" {
			if targets, err = tx.ApprovedTargets(ctx, period); err != nil {
				return err
			}
		}
		if won, err = tx.NewCustomers(ctx, from, to); err != nil {
			return err
		}
		due, err = tx.DueCollections(ctx, from, to)
		return err
	})
	if err != nil {
		return nil, err
	}
	byRep := map[int64]*report.Review{}
	review := func(id int64, name string) *report.Review {
		if own != 0 && id != own {
			return nil
		}
		r := byRep[id]
		if r == nil {
			r = &report.Review{RepID: id, Rep: name}
			byRep[id] = r
		}
		if r.Rep == "" {
			r.Rep = name
		}
		return r
	}
	for _, u := range reps {
		review(u.ID, u.Name)
	}
	for _, row := range ordered.Rows {
		id, _ := strconv.ParseInt(row.Key, 10, 64)
		if r := review(id, row.Label); r != nil {
			r.Ordered = row.Figures[StatNow].Ordered
		}
	}
	for _, x := range plans {
		if r := review(x.RepID, x.Rep); r != nil {
			r.Plan = r.Plan.Add(report.Goal{Tonnes: x.Tonnes, Amount: x.Amount, Set: true})
			r.NewPlanned += x.NewCustomers
		}
	}
	for _, x := range targets {
		if r := review(x.RepID, x.Rep); r != nil {
			r.Target = report.Goal{Tonnes: x.Tonnes, Amount: x.Amount, Set: true}
		}
	}
	for _, x := range won {
		if r := review(x.RepID, ""); r != nil {
			r.NewCustomers = x.N
		}
	}
	for _, x := range due {
		if r := review(x.RepID, ""); r != nil {
			r.Due, r.OnTime, r.DueInvoices, r.OnTimeInvoices = x.Due, x.OnTime, x.Invoices, x.OnTimeInvoices
		}
	}
	out := make([]report.Review, 0, len(byRep))
	for _, r := range byRep {
		// Customers without a rep are reviewed as one when they did
		// something in the period (Rep "").
		if r.RepID == 0 && r.Ordered == (store.StatFigure{}) && r.NewCustomers == 0 && r.DueInvoices == 0 {
			continue
		}
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b report.Review) int {
		return cmp.Or(cmp.Compare(noRep(a), noRep(b)), cmp.Compare(a.Rep, b.Rep), cmp.Compare(a.RepID, b.RepID))
	})
	return out, nil
}

// planKindOf is the kind of plan a period is measured against: a day's
// and a week's own, month plans for anything longer.
func planKindOf(k PeriodKind) string {
	switch k {
	case PeriodDay:
		return store.PeriodDay
	case PeriodWeek:
		return store.PeriodWeek
	}
	return store.PeriodMonth
}

// targetPeriodOf is the target a period is measured against: a month's
// or a year's; other periods have none.
func targetPeriodOf(p Period) string {
	switch p.Kind {
	case PeriodMonth, PeriodYear:
		return p.Label()
	}
	return ""
}

// noRep orders the customers without a rep after the reps.
func noRep(r report.Review) int {
	if r.RepID == 0 {
		return 1
	}
	return 0
}
