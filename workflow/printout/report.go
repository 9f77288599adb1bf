package printout

import (
	"strconv"

	"orderdesk/store"
	"orderdesk/workflow/report"
)

// ReportPDF draws a sales report (日报、周报、月报) for the manager: the
// period's figures beside the period before, last year and the plans
// and targets, with charts; by rep, the top customers and product
// groups; collections; the reps' reviews. lang "en" writes it in
// English, anything else in Chinese. Every figure is the report's own.
func ReportPDF(r report.Report, lang string) ([]byte, error) {
	w := wordsFor(lang)
	title := w.title[r.Kind] + "  " + r.Periods[report.Now].Label
	d, err := newPDF(title)
	if err != nil {
		return nil, err
	}
	d.pageOf = w.pageOf
	d.startSection(title)
	d.setSize(16)
	d.line(title, alignCenter)
	d.setSize(9)
	now, prev, ly := r.Periods[report.Now], r.Periods[report.Previous], r.Periods[report.LastYear]
	d.line(w.period+" "+spanDays(now)+"   "+w.previous+" "+spanDays(prev)+"   "+w.lastYear+" "+spanDays(ly), alignCenter)
	d.line(w.madeOn+" "+r.MadeOn+"   "+w.by+" "+r.By, alignCenter)
	if r.Scope != "" {
		d.line(w.scope+r.Scope, alignCenter)
	}
	if r.MoneyWithheld {
		d.line(w.withheld, alignCenter)
	}
	d.y += 2
	if r.NoData {
		d.setSize(12)
		d.line(w.noData, alignCenter)
		d.setSize(9)
	}
	rp := reportPDF{d: d, w: w, r: r}
	rp.summary()
	rp.periodChart()
	rp.trendChart()
	rp.rows(w.byRep, w.rep, r.ByRep, true)
	rp.rows(w.topCustomers, w.customer, r.TopCustomers, true)
	rp.rows(w.topGroups, w.group, r.TopGroups, false)
	rp.collections()
	rp.reviews()
	return d.bytes()
}

// reportPDF is one report being drawn.
type reportPDF struct {
	d *pdfDoc
	w reportWords
	r report.Report
}

func spanDays(s report.Span) string {
	if s.First == s.Last {
		return s.First
	}
	return s.First + "–" + s.Last
}

// measures are the flows a report compares, in order.
var measures = []store.StatMeasure{store.StatOrdered, store.StatShipped, store.StatInvoiced, store.StatReceived, store.StatOpen}

func (p reportPDF) measureName(m store.StatMeasure) string {
	return map[store.StatMeasure]string{store.StatOrdered: p.w.ordered, store.StatShipped: p.w.shipped, store.StatInvoiced: p.w.invoiced,
		store.StatReceived: p.w.received, store.StatOpen: p.w.owed}[m]
}

// heading starts a section.
func (p reportPDF) heading(s string) {
	p.d.ensure(4 * p.d.lineH())
	p.d.y += 3
	p.d.setSize(12)
	p.d.line(s, alignLeft)
	p.d.setSize(9)
}

// summary is every measure now, before, last year, their changes, and
// the plans and targets beside ordered.
func (p reportPDF) summary() {
	w, r := p.w, p.r
	p.heading(w.summary)
	t := &table{cols: []column{{head: w.measure, align: alignLeft, wrap: true}, {head: w.now, align: alignRight},
		{head: w.previous, align: alignRight}, {head: w.change, align: alignRight}, {head: w.lastYear, align: alignRight},
		{head: w.change, align: alignRight}, {head: w.plan, align: alignRight}, {head: w.target, align: alignRight},
		{head: w.vsTarget, align: alignRight}}}
	f := r.Total.Figures
	for _, m := range measures {
		for _, inTonnes := range []bool{true, false} {
			if (inTonnes && m.MoneyOnly()) || (!inTonnes && r.MoneyWithheld) {
				continue
			}
			unit := w.moneyUnit
			if inTonnes {
				unit = w.tonnesUnit
			}
			v := func(i int) int64 { return value(f[i].Of(m), inTonnes) }
			row := []string{p.measureName(m) + unit, figure(v(report.Now), inTonnes), figure(v(report.Previous), inTonnes),
				report.Percent(v(report.Now)-v(report.Previous), v(report.Previous)), figure(v(report.LastYear), inTonnes),
				report.Percent(v(report.Now)-v(report.LastYear), v(report.LastYear)), "", "", ""}
			if m == store.StatOrdered {
				row[6] = goal(r.Plan, inTonnes)
				row[7] = goal(r.Target, inTonnes)
				if r.Target.Set {
					row[8] = report.Percent(v(report.Now), goalValue(r.Target, inTonnes))
				}
			}
			if m == store.StatOpen { // a balance at the period's end, not a flow
				row[3], row[5] = "", ""
			}
			t.rows = append(t.rows, row)
		}
	}
	p.d.drawTable(t)
}

func value(f store.StatFigure, inTonnes bool) int64 {
	if inTonnes {
		return int64(f.Tonnes)
	}
	return int64(f.Amount)
}

// figure writes tonnes with three decimals, money with two.
func figure(v int64, inTonnes bool) string {
	if inTonnes {
		return tonnes(store.Milli(v))
	}
	return yuan(store.Money(v))
}

func goalValue(g report.Goal, inTonnes bool) int64 {
	if inTonnes {
		return int64(g.Tonnes)
	}
	return int64(g.Amount)
}

func goal(g report.Goal, inTonnes bool) string {
	if !g.Set {
		return "—"
	}
	return figure(goalValue(g, inTonnes), inTonnes)
}

// flowsShown are the measures the charts draw: money, or tonnes when
// money is withheld (then received has none).
func (p reportPDF) flowsShown() ([]store.StatMeasure, bool) {
	if p.r.MoneyWithheld {
		return []store.StatMeasure{store.StatOrdered, store.StatShipped, store.StatInvoiced}, true
	}
	return []store.StatMeasure{store.StatOrdered, store.StatShipped, store.StatInvoiced, store.StatReceived}, false
}

func scaleLabel(inTonnes bool) func(int64) string {
	return func(v int64) string {
		if inTonnes {
			return strconv.FormatInt(v/1000, 10) + " t"
		}
		s := yuan(store.Money(v / 100 * 100))
		return s[:len(s)-3] // whole yuan
	}
}

// periodChart: each flow now, before and last year, as bars.
func (p reportPDF) periodChart() {
	ms, inTonnes := p.flowsShown()
	groups := make([]string, len(ms))
	values := make([][]int64, len(ms))
	for i, m := range ms {
		groups[i] = p.measureName(m)
		for j := range 3 {
			values[i] = append(values[i], value(p.r.Total.Figures[j].Of(m), inTonnes))
		}
	}
	unit := p.w.moneyUnit
	if inTonnes {
		unit = p.w.tonnesUnit
	}
	p.d.barChart(p.w.chartPeriods+unit, groups, []string{p.w.now, p.w.previous, p.w.lastYear}, values, scaleLabel(inTonnes))
}

// trendChart: ordered and shipped over the last periods.
func (p reportPDF) trendChart() {
	if len(p.r.Trend) < 2 {
		return
	}
	ms, inTonnes := p.flowsShown()
	ms = ms[:2]
	labels := make([]string, len(p.r.Trend))
	values := make([][]int64, len(ms))
	for i, x := range p.r.Trend {
		labels[i] = x.Label
		for j, m := range ms {
			values[j] = append(values[j], value(x.Figures.Of(m), inTonnes))
		}
	}
	unit := p.w.moneyUnit
	if inTonnes {
		unit = p.w.tonnesUnit
	}
	p.d.lineChart(p.w.chartTrend+unit, labels, []string{p.measureName(ms[0]), p.measureName(ms[1])}, values, scaleLabel(inTonnes))
}

// rows is a table of a dimension's rows: ordered in tonnes and money
// beside the period before and last year, shipped, invoiced and, for
// customers and reps, received and owed; a total row of the rows shown.
func (p reportPDF) rows(title, head string, rows []report.Row, money bool) {
	if len(rows) == 0 {
		return
	}
	w, r := p.w, p.r
	p.heading(title)
	cols := []column{{head: head, align: alignLeft, wrap: true}, {head: w.ordered + w.tonnesUnit, align: alignRight}}
	withMoney := !r.MoneyWithheld
	if withMoney {
		cols = append(cols, column{head: w.ordered + w.moneyUnit, align: alignRight}, column{head: w.previous, align: alignRight},
			column{head: w.lastYear, align: alignRight}, column{head: w.shipped + w.moneyUnit, align: alignRight},
			column{head: w.invoiced + w.moneyUnit, align: alignRight})
		if money {
			cols = append(cols, column{head: w.received + w.moneyUnit, align: alignRight}, column{head: w.owed + w.moneyUnit, align: alignRight})
		}
	} else {
		cols = append(cols, column{head: w.shipped + w.tonnesUnit, align: alignRight}, column{head: w.invoiced + w.tonnesUnit, align: alignRight})
	}
	cells := func(label string, f [3]store.StatFigures) []string {
		out := []string{label, tonnes(f[report.Now].Ordered.Tonnes)}
		if !withMoney {
			return append(out, tonnes(f[report.Now].Shipped.Tonnes), tonnes(f[report.Now].Invoiced.Tonnes))
		}
		out = append(out, yuan(f[report.Now].Ordered.Amount), yuan(f[report.Previous].Ordered.Amount), yuan(f[report.LastYear].Ordered.Amount),
			yuan(f[report.Now].Shipped.Amount), yuan(f[report.Now].Invoiced.Amount))
		if money {
			out = append(out, yuan(f[report.Now].Received.Amount), yuan(f[report.Now].Open.Amount))
		}
		return out
	}
	t := &table{cols: cols}
	var sum [3]store.StatFigures
	for _, x := range rows {
		label := x.Label
		if label == "" && head == w.rep {
			label = w.noRep
		}
		t.rows = append(t.rows, cells(label, x.Figures))
		for i := range sum {
			sum[i] = sum[i].Add(x.Figures[i])
		}
	}
	t.total = cells(w.total, sum)
	p.d.setSize(8)
	p.d.drawTable(t)
	p.d.setSize(9)
}

// collections: received, owed, what fell due and came in on time, and
// the open invoices on each rung of the ladder.
func (p reportPDF) collections() {
	c, w := p.r.Collections, p.w
	if c == nil {
		return
	}
	p.heading(w.collections + "  (" + w.asOf + " " + c.AsOf + ")")
	t := &table{cols: []column{{head: w.measure, align: alignLeft, wrap: true}, {head: w.amount + w.moneyUnit, align: alignRight},
		{head: w.onTime, align: alignRight}}}
	t.rows = [][]string{
		{w.received, yuan(c.Received), ""},
		{w.owed, yuan(c.Owed), ""},
		{w.dueInPeriod, yuan(c.Due), ""},
		{w.onTime, yuan(c.OnTime), report.Percent(int64(c.OnTime), int64(c.Due))},
	}
	p.d.drawTable(t)
	p.d.y += 2
	st := &table{cols: []column{{head: w.stage, align: alignLeft, wrap: true}, {head: w.invoices, align: alignRight},
		{head: w.amount + w.moneyUnit, align: alignRight}}}
	var n int
	var sum store.Money
	for _, s := range c.Stages {
		st.rows = append(st.rows, []string{w.stages[s.Stage], strconv.Itoa(s.Count), yuan(s.Amount)})
		n, sum = n+s.Count, sum+s.Amount
	}
	st.total = []string{w.total, strconv.Itoa(n), yuan(sum)}
	p.d.drawTable(st)
	p.d.y += 1
	p.d.line(w.overdue+" "+yuan(c.Overdue), alignLeft)
}

// reviews: each rep's attainment of target and plan, customers won and
// money received on time, with the attainments as bars.
func (p reportPDF) reviews() {
	w := p.w
	if len(p.r.Reviews) == 0 {
		return
	}
	p.heading(w.reviews)
	t := &table{}
	for i, h := range w.reviewHeads {
		t.cols = append(t.cols, column{head: h, align: alignRight, wrap: i == 0})
	}
	t.cols[0].align = alignLeft
	labels := make([]string, len(p.r.Reviews))
	shares := make([]int64, len(p.r.Reviews))
	ok := make([]bool, len(p.r.Reviews))
	for i, x := range p.r.Reviews {
		name := x.Rep
		if x.RepID == 0 {
			name = w.noRep
		}
		won := strconv.Itoa(x.NewCustomers)
		if x.NewPlanned > 0 {
			won += " / " + strconv.Itoa(x.NewPlanned)
		}
		ofTarget, ofPlan := "—", "—"
		if x.Target.Set {
			ofTarget = report.Percent(int64(x.Ordered.Amount), int64(x.Target.Amount))
		}
		if x.Plan.Set {
			ofPlan = report.Percent(int64(x.Ordered.Amount), int64(x.Plan.Amount))
		}
		tTarget := "—"
		if x.Target.Set {
			tTarget = report.Percent(int64(x.Ordered.Tonnes), int64(x.Target.Tonnes))
		}
		t.rows = append(t.rows, []string{name, tonnes(x.Ordered.Tonnes), goal(x.Target, true), tTarget,
			yuan(x.Ordered.Amount), goal(x.Target, false), ofTarget, ofPlan, won,
			yuan(x.Due), report.Percent(int64(x.OnTime), int64(x.Due))})
		// The bars measure against the target; without one, the plan.
		labels[i] = name
		switch {
		case x.Target.Set:
			shares[i], ok[i] = report.Share(int64(x.Ordered.Amount), int64(x.Target.Amount))
		case x.Plan.Set:
			labels[i] += w.ofPlanMark
			shares[i], ok[i] = report.Share(int64(x.Ordered.Amount), int64(x.Plan.Amount))
		}
	}
	p.d.setSize(7.5)
	p.d.drawTable(t)
	p.d.setSize(9)
	p.d.shareBars(w.chartAttainment, labels, shares, ok)
}
