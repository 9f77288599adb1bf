package workflow

import (
	"context"
	"slices"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/report"
)

// ReportQuery asks for one report (日报、周报、月报).
type ReportQuery struct {
	Period Period
	// SplitBy is the dimension every row of which the workbook lists
	// (report.Report.Split); "" the reps.
	SplitBy store.StatDim
	Top     int // top customers and product groups; 0: 10
	Trend   int // periods of trend, this one the last; 0: 12
}

// Report builds the report of a period as this user may see it: from
// Statistics (the same figures as the Statistics screen), the
// collections ladder and RepReviews. A rep's report holds their own
// customers; the warehouse, planning and purchasing get tonnes without
// money, collections or reviews. A period with nothing in it is a
// report that says so (NoData), never an error.
func (d *Desk) Report(ctx context.Context, q ReportQuery) (r report.Report, err error) {
	if err = permitScreen(d.User, ScreenStatistics); err != nil {
		return r, err
	}
	p := q.Period
	if p.Kind == "" {
		p = PeriodOf(PeriodMonth, d.e.today())
	}
	q.Top, q.Trend = orDefault(q.Top, 10), orDefault(q.Trend, 12)
	if q.SplitBy == "" {
		q.SplitBy = store.StatRep
	}
	total, err := d.Statistics(ctx, StatQuery{Dim: store.StatAll, Period: p, Open: true})
	if err != nil {
		return r, err
	}
	r = report.Report{Kind: string(p.Kind), MadeOn: d.e.today().Format(time.DateOnly), By: d.User.Name,
		NoData: total.NoData, MoneyWithheld: total.MoneyWithheld, Total: reportRow(total.Total), SplitBy: string(q.SplitBy)}
	r.Total.Label = p.Label()
	for i, x := range total.Periods {
		r.Periods[i] = report.Span{Label: x.Label(), First: x.From.Format(time.DateOnly), Last: x.Last().Format(time.DateOnly)}
	}
	if own, _ := statAccess(d.User); own != 0 {
		r.Scope = d.User.Name
	}
	rank := StatColumn{Measure: store.StatOrdered, Tonnes: r.MoneyWithheld}
	views := map[store.StatDim]StatView{}
	split := func(dim store.StatDim, top int) ([]report.Row, error) {
		v, ok := views[dim]
		if !ok {
			if v, err = d.Statistics(ctx, StatQuery{Dim: dim, Period: p, Open: !dim.Goods()}); err != nil {
				return nil, err
			}
			views[dim] = v
		}
		rows := append([]StatRow(nil), v.Rows...)
		SortStatRows(rows, rank, true)
		if top > 0 && len(rows) > top {
			rows = rows[:top]
		}
		out := make([]report.Row, len(rows))
		for i, x := range rows {
			out[i] = reportRow(x)
		}
		return out, nil
	}
	if r.ByRep, err = split(store.StatRep, 0); err != nil {
		return r, err
	}
	if r.TopCustomers, err = split(store.StatCustomer, q.Top); err != nil {
		return r, err
	}
	if r.TopGroups, err = split(store.StatName, q.Top); err != nil {
		return r, err
	}
	if r.Split, err = split(q.SplitBy, 0); err != nil {
		return r, err
	}
	if r.Trend, err = d.reportTrend(ctx, p, q.Trend); err != nil {
		return r, err
	}
	if r.MoneyWithheld {
		return r, nil
	}
	if Can(d.User, SeeMoney) {
		if r.Reviews, err = d.reviewsOf(ctx, p, views[store.StatRep]); err != nil {
			return r, err
		}
		for _, x := range r.Reviews {
			r.Plan, r.Target = r.Plan.Add(x.Plan), r.Target.Add(x.Target)
		}
	}
	if SeesScreen(d.User, ScreenReconciliation) {
		c, err := d.reportCollections(ctx, p, r)
		if err != nil {
			return r, err
		}
		r.Collections = &c
	}
	return r, nil
}

// orDefault is n, or def when n is not positive.
func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

func reportRow(x StatRow) report.Row {
	return report.Row{Key: x.Key, Label: x.Label, Figures: x.Figures}
}

// reportTrend is the total of the n periods of p's kind ending with p,
// oldest first, read in one pass (each period once).
func (d *Desk) reportTrend(ctx context.Context, p Period, n int) ([]report.Point, error) {
	scope, money, err := d.statScope(store.StatAll, nil)
	if err != nil {
		return nil, err
	}
	out := make([]report.Point, n)
	spans := make([]store.StatSpan, n)
	for i := range out {
		x := p.Shift(i - n + 1)
		out[i].Label, spans[i] = x.Label(), x.Span()
	}
	rows, err := read(ctx, d.e, func(tx *store.Tx) ([]store.StatRow, error) { return tx.StatRows(ctx, scope, spans, false) })
	if err != nil {
		return nil, err
	}
	for i := range out {
		for _, r := range rows {
			out[i].Figures = out[i].Figures.Add(r.Figures[i])
		}
		if !money {
			out[i].Figures = noMoney(out[i].Figures)
		}
	}
	return out, nil
}

// reportCollections is the money side: received and owed from the
// statistics, the ladder as of the period's last day (today while it
// runs), and what fell due in it and came in on time from the reviews.
func (d *Desk) reportCollections(ctx context.Context, p Period, r report.Report) (report.Collections, error) {
	asOf := p.Last()
	if today := d.e.today(); today.Before(asOf) {
		asOf = today
	}
	c := report.Collections{AsOf: asOf.Format(time.DateOnly), Received: r.Total.Figures[report.Now].Received.Amount,
		Owed: r.Total.Figures[report.Now].Open.Amount}
	ladder, err := d.Collections(ctx, c.AsOf)
	if err != nil {
		return c, err
	}
	stages := []Stage{StageCurrent, StageRemind, StageReport, StageLetter}
	c.Stages = make([]report.StageSum, len(stages))
	for i, s := range stages {
		c.Stages[i].Stage = string(s)
	}
	for _, x := range ladder.Items {
		i := slices.Index(stages, x.Stage)
		c.Stages[i].Count++
		c.Stages[i].Amount += x.Open()
		if x.Stage != StageCurrent {
			c.Overdue += x.Open()
		}
	}
	for _, x := range r.Reviews {
		c.Due += x.Due
		c.OnTime += x.OnTime
	}
	return c, nil
}
