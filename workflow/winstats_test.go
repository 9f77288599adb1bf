package workflow

import (
	"fmt"
	"testing"
	"time"

	"orderdesk/store"
)

// The figures of winning customers for a period, counted by hand: the
// leads entered in it by source and where each stands now, with the
// conversion, the share of decided leads won and the mean whole days to
// win; the visits planned for its days per rep, with how many reached
// their goal. A period's days are the desk's (Shenyang): a lead entered
// at 00:30 on 1 November there is November's though it is still
// October in UTC.
func TestWinningStatisticsOfAPeriod(t *testing.T) {
	p := newPricing(t)
	at := func(month time.Month, day, hour, minute int) {
		p.at(time.Date(2026, month, day, hour, minute, 0, 0, cst))
	}
	n := 0
	lead := func(by store.User, source string) int64 {
		n++
		return p.lead(by, LeadInput{Name: fmt.Sprintf("辽宁测试机械厂%d", n), Contact: "王经理", Phone: fmt.Sprintf("024-8800%04d", n),
			Source: source})
	}
	win := func(id int64) {
		in, err := p.e.Desk(p.rep).LeadCustomerInput(p.ctx, id)
		p.must(err)
		_, _, err = p.e.Desk(p.rep).ConvertLeadToCustomer(p.ctx, id, in)
		p.must(err)
		p.must(p.e.Desk(p.rep).Act(p.ctx, id, ActionWin, ""))
	}
	at(10, 31, 23, 30)
	lead(p.rep, "exhibition") // October's
	at(11, 1, 0, 30)
	l2 := lead(p.rep, "exhibition")
	at(11, 2, 9, 0)
	l3 := lead(p.rep, "exhibition")
	at(11, 3, 10, 0)
	p.must(p.e.Desk(p.rep).Act(p.ctx, l3, ActionLose, "价格高"))
	at(11, 5, 10, 0)
	l4 := lead(p.rep, "phone")
	at(11, 6, 10, 0)
	l5 := lead(p.rep2, "phone")
	p.must(p.e.Desk(p.rep2).Act(p.ctx, l5, ActionContact, ""))
	at(11, 8, 10, 0)
	win(l2) // 7 days 9.5 hours after it was entered: 7
	at(11, 9, 11, 0)
	win(l4) // 4 days 1 hour: 4
	at(11, 30, 23, 59)
	lead(p.rep, "email")
	at(12, 1, 0, 10)
	lead(p.rep, "email") // December's

	nov := PeriodOf(PeriodMonth, time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC))
	type leadRow struct {
		source                    string
		leads, won, lost, open    int
		conversion, winRate, days string // as shown: exact shares rounded for display only
	}
	show := func(r LeadStatRow) leadRow {
		days := "—"
		if d, ok := r.MeanDaysToWin(); ok {
			days = fmt.Sprint(d)
		}
		return leadRow{r.Source, r.Leads, r.Won, r.Lost, r.Open(), percentOf(r.Won, r.Leads), percentOf(r.Won, r.Won+r.Lost), days}
	}
	tests := []struct {
		name   string
		by     store.User
		period Period
		rows   []leadRow
		total  leadRow
	}{
		{"November, everyone's", p.boss, nov, []leadRow{
			{"phone", 2, 1, 0, 1, "50.0%", "100.0%", "4"},
			{"exhibition", 2, 1, 1, 0, "50.0%", "50.0%", "7"},
			{"email", 1, 0, 0, 1, "0.0%", "—", "—"},
		}, leadRow{"", 5, 2, 1, 2, "40.0%", "66.7%", "6"}}, // (7+4)/2 = 5.5 days, shown 6
		{"November, a rep's own", p.rep2, nov, []leadRow{
			{"phone", 1, 0, 0, 1, "0.0%", "—", "—"},
		}, leadRow{"", 1, 0, 0, 1, "0.0%", "—", "—"}},
		{"October", p.boss, nov.Shift(-1), []leadRow{
			{"exhibition", 1, 0, 0, 1, "0.0%", "—", "—"},
		}, leadRow{"", 1, 0, 0, 1, "0.0%", "—", "—"}},
		{"a year", p.boss, PeriodOf(PeriodYear, nov.From), nil, leadRow{"", 7, 2, 1, 4, "28.6%", "66.7%", "6"}}, // 2/7 = 0.2857
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, total, err := p.e.Desk(tc.by).LeadStatisticsOf(p.ctx, tc.period)
			p.must(err)
			if tc.rows == nil { // the year: its totals only
				rows = nil
			}
			sameRows(t, rows, total, show, tc.rows, tc.total)
		})
	}
}

// sameRows checks rows and their total, each as show shows it, against
// what was counted by hand.
func sameRows[R any, S comparable](t *testing.T, rows []R, total R, show func(R) S, want []S, wantTotal S) {
	t.Helper()
	if len(rows) != len(want) {
		t.Fatalf("%d rows %+v, want %d", len(rows), rows, len(want))
	}
	for i, r := range rows {
		if got := show(r); got != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, got, want[i])
		}
	}
	if got := show(total); got != wantTotal {
		t.Errorf("total %+v, want %+v", got, wantTotal)
	}
}

// percentOf is a share as the Statistics screen shows it.
func percentOf(num, den int) string {
	if den == 0 {
		return "—"
	}
	t := ratio(num*1000, den)
	return fmt.Sprintf("%d.%d%%", t/10, t%10)
}

// Visits per rep and how many reached their goal, for the days of a
// period: cancelled visits count apart, a visit past its day and not
// reviewed waits, and the share reached is of those reviewed.
func TestVisitStatisticsOfAPeriod(t *testing.T) {
	p := newPricing(t)
	plan := func(by store.User, cust int64, on string) int64 {
		id, err := p.e.Desk(by).PlanVisit(p.ctx, VisitInput{CustomerID: cust, On: on, At: "9:30", Place: "客户办公室", Goal: "volume"})
		p.must(err)
		return id
	}
	review := func(by store.User, id int64, reached string) {
		in := VisitReviewInput{Reached: reached, Achieved: "见了采购部长"}
		if reached != "yes" {
			in.WhyNot = "对方库存还多"
		}
		p.must(p.e.Desk(by).ReviewVisit(p.ctx, id, 0, in))
	}
	a := plan(p.rep, p.cust, "2026-11-03")
	b := plan(p.rep, p.cust, "2026-11-04")
	c := plan(p.rep, p.cust, "2026-11-05")
	plan(p.rep, p.cust, "2026-11-06") // left without its review
	d := plan(p.rep, p.cust, "2026-11-10")
	e := plan(p.rep2, p.cust2, "2026-11-04")
	plan(p.rep2, p.cust2, "2026-12-01") // December's
	p.must(p.e.Desk(p.rep).Act(p.ctx, d, ActionCancelVisit, "客户出差"))
	p.at(time.Date(2026, 11, 9, 1, 0, 0, 0, time.UTC))
	review(p.rep, a, "yes")
	review(p.rep, b, "yes")
	review(p.rep, c, "partly")
	review(p.rep2, e, "no")

	type visitRow struct {
		owner                                         int64
		visits, reviewed, reached, part, missed, wait int
		cancelled                                     int
		share                                         string
	}
	show := func(s store.VisitStat) visitRow {
		return visitRow{s.OwnerID, s.Visits, s.Reviewed, s.Reached, s.Part, s.Missed, s.Waiting, s.Cancelled, percentOf(s.Reached, s.Reviewed)}
	}
	nov := PeriodOf(PeriodMonth, time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name   string
		by     store.User
		period Period
		rows   []visitRow
		total  visitRow
	}{
		{"November", p.boss, nov, []visitRow{
			{p.rep.ID, 4, 3, 2, 1, 0, 1, 1, "66.7%"},
			{p.rep2.ID, 1, 1, 0, 0, 1, 0, 0, "0.0%"},
		}, visitRow{0, 5, 4, 2, 1, 1, 1, 1, "50.0%"}},
		{"a rep's own", p.rep2, nov, []visitRow{{p.rep2.ID, 1, 1, 0, 0, 1, 0, 0, "0.0%"}}, visitRow{0, 1, 1, 0, 0, 1, 0, 0, "0.0%"}},
		{"the week of 2 November", p.boss, PeriodOf(PeriodWeek, time.Date(2026, 11, 4, 0, 0, 0, 0, time.UTC)), []visitRow{
			{p.rep.ID, 4, 3, 2, 1, 0, 1, 0, "66.7%"},
			{p.rep2.ID, 1, 1, 0, 0, 1, 0, 0, "0.0%"},
		}, visitRow{0, 5, 4, 2, 1, 1, 1, 0, "50.0%"}},
		{"December", p.boss, nov.Shift(1), []visitRow{{p.rep2.ID, 1, 0, 0, 0, 0, 0, 0, "—"}}, visitRow{0, 1, 0, 0, 0, 0, 0, 0, "—"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, total, err := p.e.Desk(tc.by).VisitStatisticsOf(p.ctx, tc.period)
			p.must(err)
			sameRows(t, rows, total, show, tc.rows, tc.total)
		})
	}
}
