package workflow_test

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	reportv "orderdesk/workflow/report"
)

// reportPeriods are the day, week and month reports checked: the last
// month of the demo desk, and a week and a day inside it.
func reportPeriods() []workflow.Period {
	month := workflow.PeriodOf(workflow.PeriodMonth, statToday).Previous()
	return []workflow.Period{month, workflow.PeriodOf(workflow.PeriodWeek, month.From.AddDate(0, 0, 10)),
		workflow.PeriodOf(workflow.PeriodDay, month.From.AddDate(0, 0, 12)), workflow.PeriodOf(workflow.PeriodMonth, statToday)}
}

// The report's figures are the statistics engine's: its total, its rows
// by rep adding up to it, the top customers and product groups the
// largest by ordered money, its trend ending with the period, and the
// money received and owed in its collections.
func TestReportHoldsTheStatistics(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	boss := deskOf(t, eng, "zhao")
	for _, p := range reportPeriods() {
		t.Run(p.Label(), func(t *testing.T) {
			r, err := boss.Report(ctx, workflow.ReportQuery{Period: p, SplitBy: store.StatCity})
			if err != nil {
				t.Fatal(err)
			}
			v, err := boss.Statistics(ctx, workflow.StatQuery{Period: p, Open: true})
			if err != nil {
				t.Fatal(err)
			}
			if r.Total.Figures != v.Total.Figures || r.NoData != v.NoData || r.Periods[reportv.Now].Label != p.Label() {
				t.Fatalf("report total %+v, statistics %+v", r.Total.Figures, v.Total.Figures)
			}
			if r.Kind != string(p.Kind) || r.Periods[reportv.Previous].Label != p.Previous().Label() || r.Periods[reportv.LastYear].Label != p.LastYear().Label() {
				t.Errorf("periods %+v", r.Periods)
			}
			for name, rows := range map[string][]reportv.Row{"by rep": r.ByRep, "by city": r.Split} {
				var sum [3]store.StatFigures
				for _, x := range rows {
					for i := range sum {
						sum[i] = sum[i].Add(x.Figures[i])
					}
				}
				if sum != r.Total.Figures {
					t.Errorf("%s adds up to %+v, total %+v", name, sum, r.Total.Figures)
				}
			}
			checkTop(t, boss, p, store.StatCustomer, r.TopCustomers)
			checkTop(t, boss, p, store.StatName, r.TopGroups)
			// The trend holds the flows of each period; owed is the total's.
			now := r.Total.Figures[reportv.Now]
			now.Open = store.StatFigure{}
			if len(r.Trend) != 12 || r.Trend[11].Label != p.Label() || r.Trend[11].Figures != now {
				t.Errorf("trend %+v", r.Trend)
			}
			if before, err := boss.Statistics(ctx, workflow.StatQuery{Period: p.Shift(-5)}); err != nil || r.Trend[6].Figures != before.Total.Figures[workflow.StatNow] {
				t.Errorf("trend 5 %ss before: %+v, statistics %+v (%v)", p.Kind, r.Trend[6].Figures, before.Total.Figures[workflow.StatNow], err)
			}
			c := r.Collections
			if c == nil || c.Received != v.Total.Figures[workflow.StatNow].Received.Amount || c.Owed != v.Total.Figures[workflow.StatNow].Open.Amount {
				t.Fatalf("collections %+v", c)
			}
			ladder, err := boss.Collections(ctx, c.AsOf)
			if err != nil {
				t.Fatal(err)
			}
			var staged store.Money
			for _, s := range c.Stages {
				staged += s.Amount
			}
			if staged != ladder.Total.Total || c.Overdue != staged-c.Stages[0].Amount {
				t.Errorf("stages add up to %v, the ladder's total %v; overdue %v", staged, ladder.Total.Total, c.Overdue)
			}
			if len(r.Reviews) == 0 {
				t.Error("no reviews for the supervisor")
			}
		})
	}
}

// checkTop: the rows are the statistics' largest by ordered money, in
// that order, with their figures.
func checkTop(t *testing.T, d *workflow.Desk, p workflow.Period, dim store.StatDim, top []reportv.Row) {
	t.Helper()
	v, err := d.Statistics(context.Background(), workflow.StatQuery{Dim: dim, Period: p, Open: !dim.Goods()})
	if err != nil {
		t.Fatal(err)
	}
	workflow.SortStatRows(v.Rows, workflow.StatColumn{Measure: store.StatOrdered}, true)
	if len(top) != min(10, len(v.Rows)) {
		t.Fatalf("top %s: %d rows of %d", dim, len(top), len(v.Rows))
	}
	for i, x := range top {
		if x.Key != v.Rows[i].Key || x.Figures != v.Rows[i].Figures {
			t.Errorf("top %s #%d: %s %+v, statistics %s %+v", dim, i+1, x.Label, x.Figures[0].Ordered, v.Rows[i].Label, v.Rows[i].Figures[0].Ordered)
		}
	}
}

// Each review's figures, checked against the statistics engine and the
// documents: ordered is the rep's row; new customers ordered in the
// period and never before it; on time is what the allocations paid of
// the invoices due in the period by their due day; target and plans are
// the approved ones.
func TestRepReviews(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	boss := deskOf(t, eng, "zhao")
	raw := storetest.Raw(t, eng.Store().Path())
	reps := customerReps(t, eng)
	// The demo's first month of orders, when its customers were won.
	var first string
	if err := raw.QueryRow(`SELECT min(day) FROM stat_orders WHERE counted_doc_id IS NOT NULL`).Scan(&first); err != nil {
		t.Fatal(err)
	}
	firstDay, _ := time.Parse(time.DateOnly, first)
	periods := append(reportPeriods(), workflow.PeriodOf(workflow.PeriodMonth, firstDay), workflow.PeriodOf(workflow.PeriodWeek, firstDay))
	wonAll := 0
	for _, p := range periods {
		t.Run(p.Label(), func(t *testing.T) {
			reviews, err := boss.RepReviews(ctx, p)
			if err != nil {
				t.Fatal(err)
			}
			byRep, err := boss.Statistics(ctx, workflow.StatQuery{Dim: store.StatRep, Period: p})
			if err != nil {
				t.Fatal(err)
			}
			// New customers: ordered in the period, nothing before it.
			now, err := boss.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: p})
			if err != nil {
				t.Fatal(err)
			}
			before, err := boss.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer,
				Period: workflow.Period{Kind: workflow.PeriodRange, From: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), To: p.From}})
			if err != nil {
				t.Fatal(err)
			}
			orderedBefore := map[string]bool{}
			for _, x := range before.Rows {
				orderedBefore[x.Key] = x.Figures[workflow.StatNow].Ordered != (store.StatFigure{})
			}
			won := map[int64]int{}
			for _, x := range now.Rows {
				if x.Figures[workflow.StatNow].Ordered != (store.StatFigure{}) && !orderedBefore[x.Key] {
					won[reps[x.Key]]++
				}
			}
			due, onTime := dueByRep(t, raw, p)
			var sawDue, sawTarget bool
			for _, r := range reviews {
				key := strconv.FormatInt(r.RepID, 10)
				var ordered store.StatFigure
				if i := slices.IndexFunc(byRep.Rows, func(x workflow.StatRow) bool { return x.Key == key }); i >= 0 {
					ordered = byRep.Rows[i].Figures[workflow.StatNow].Ordered
				}
				if r.Ordered != ordered {
					t.Errorf("%s ordered %+v, statistics %+v", r.Rep, r.Ordered, ordered)
				}
				if r.NewCustomers != won[r.RepID] {
					t.Errorf("%s won %d customers, the statistics say %d", r.Rep, r.NewCustomers, won[r.RepID])
				}
				if r.Due != due[r.RepID] || r.OnTime != onTime[r.RepID] || r.OnTime > r.Due {
					t.Errorf("%s due %v on time %v, the documents say %v and %v", r.Rep, r.Due, r.OnTime, due[r.RepID], onTime[r.RepID])
				}
				wonAll += r.NewCustomers
				sawDue, sawTarget = sawDue || r.Due > 0, sawTarget || r.Target.Set
				checkGoals(t, raw, p, r)
			}
			if p.Label() == statToday.Format("2006-01") && (!sawDue || !sawTarget || len(reviews) < 2) {
				t.Errorf("%s: %d reviews, money due %v, a target %v: the demo gives both reps some", p.Label(), len(reviews), sawDue, sawTarget)
			}
		})
	}
	if wonAll == 0 {
		t.Error("no customer won in the demo's first month: the count was not checked")
	}
}

// dueByRep reads the invoices due in p and their allocations one by one:
// the money due by rep and what of each invoice was paid by its due day.
func dueByRep(t *testing.T, raw *sql.DB, p workflow.Period) (due, onTime map[int64]store.Money) {
	t.Helper()
	rows, err := raw.Query(`SELECT s.invoice_doc_id, coalesce(c.rep_id, 0), s.amount, s.due_on FROM invoice_issues s
		JOIN documents d ON d.id = s.invoice_doc_id JOIN customers c ON c.id = s.customer_id
		WHERE d.status IN ('issued', 'mailed') AND s.due_on >= ? AND s.due_on <= ?`, p.Span().From, p.Last().Format(time.DateOnly))
	if err != nil {
		t.Fatal(err)
	}
	type inv struct {
		id, rep int64
		amount  store.Money
		dueOn   string
	}
	var invs []inv
	for rows.Next() {
		var x inv
		if err := rows.Scan(&x.id, &x.rep, &x.amount, &x.dueOn); err != nil {
			t.Fatal(err)
		}
		invs = append(invs, x)
	}
	rows.Close()
	due, onTime = map[int64]store.Money{}, map[int64]store.Money{}
	for _, x := range invs {
		var paid store.Money
		if err := raw.QueryRow(`SELECT coalesce(sum(amount), 0) FROM allocations WHERE invoice_doc_id = ? AND allocated_on <= ?`, x.id, x.dueOn).Scan(&paid); err != nil {
			t.Fatal(err)
		}
		due[x.rep] += x.amount
		onTime[x.rep] += min(paid, x.amount)
	}
	return due, onTime
}

// checkGoals: a month's review holds the rep's approved target for it,
// and every review the approved plans of its kind inside the period.
func checkGoals(t *testing.T, raw *sql.DB, p workflow.Period, r reportv.Review) {
	t.Helper()
	var target reportv.Goal
	if p.Kind == workflow.PeriodMonth {
		err := raw.QueryRow(`SELECT x.tonnes, x.amount FROM sales_targets x JOIN documents d ON d.id = x.doc_id
			WHERE d.status = 'approved' AND x.rep_id = ? AND x.period = ?`, r.RepID, p.Label()).Scan(&target.Tonnes, &target.Amount)
		target.Set = err == nil
	}
	var plan reportv.Goal
	var n int
	kind := map[workflow.PeriodKind]string{workflow.PeriodDay: "day", workflow.PeriodWeek: "week"}[p.Kind]
	if kind == "" {
		kind = "month"
	}
	if err := raw.QueryRow(`SELECT count(DISTINCT x.doc_id), coalesce(sum(l.tonnes), 0), coalesce(sum(l.amount), 0) FROM sales_plans x
		JOIN documents d ON d.id = x.doc_id LEFT JOIN sales_plan_lines l ON l.doc_id = x.doc_id AND l.removed = 0
		WHERE d.status = 'approved' AND x.rep_id = ? AND x.period = ? AND x.starts_on >= ? AND x.ends_on <= ?`,
		r.RepID, kind, p.Span().From, p.Last().Format(time.DateOnly)).Scan(&n, &plan.Tonnes, &plan.Amount); err != nil {
		t.Fatal(err)
	}
	plan.Set = n > 0
	if r.Target != target || r.Plan != plan {
		t.Errorf("%s: target %+v plan %+v, the documents say %+v and %+v", r.Rep, r.Target, r.Plan, target, plan)
	}
}

// A rep's report holds their own customers only, with their own review;
// the warehouse's tonnes without money, collections or reviews; a period
// with nothing in it says so.
func TestReportFollowsWhoReadsIt(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	p := reportPeriods()[0]
	liu := deskOf(t, eng, "liu")
	r, err := liu.Report(ctx, workflow.ReportQuery{Period: p})
	if err != nil {
		t.Fatal(err)
	}
	own, err := liu.Statistics(ctx, workflow.StatQuery{Period: p, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.Scope != liu.User.Name || r.Total.Figures != own.Total.Figures || len(r.ByRep) != 1 || r.ByRep[0].Key != strconv.FormatInt(liu.User.ID, 10) {
		t.Errorf("liu's report: scope %q, total %+v (own %+v), by rep %+v", r.Scope, r.Total.Figures[0], own.Total.Figures[0], r.ByRep)
	}
	if len(r.Reviews) != 1 || r.Reviews[0].RepID != liu.User.ID || r.Collections == nil {
		t.Errorf("liu's reviews %+v, collections %v", r.Reviews, r.Collections)
	}
	reps := customerReps(t, eng)
	for _, x := range r.TopCustomers {
		if reps[x.Key] != liu.User.ID {
			t.Errorf("liu's report lists %s, another rep's customer", x.Label)
		}
	}
	boss, err := deskOf(t, eng, "zhao").Report(ctx, workflow.ReportQuery{Period: p})
	if err != nil {
		t.Fatal(err)
	}
	if boss.Total.Figures == r.Total.Figures || boss.Scope != "" {
		t.Error("the supervisor's report is the rep's")
	}

	wu, err := deskOf(t, eng, "wu").Report(ctx, workflow.ReportQuery{Period: p})
	if err != nil {
		t.Fatal(err)
	}
	now := wu.Total.Figures[reportv.Now]
	if !wu.MoneyWithheld || wu.Collections != nil || wu.Reviews != nil || now.Ordered.Amount != 0 || now.Received.Amount != 0 ||
		now.Ordered.Tonnes != boss.Total.Figures[reportv.Now].Ordered.Tonnes {
		t.Errorf("the warehouse's report: withheld %v, collections %v, reviews %v, now %+v", wu.MoneyWithheld, wu.Collections, wu.Reviews, now)
	}
	if _, err := deskOf(t, eng, "wu").RepReviews(ctx, p); err == nil {
		t.Error("the warehouse read the reps' reviews")
	}

	empty, err := deskOf(t, eng, "zhao").Report(ctx, workflow.ReportQuery{Period: workflow.PeriodOf(workflow.PeriodDay, time.Date(2001, 5, 1, 0, 0, 0, 0, time.UTC))})
	if err != nil || !empty.NoData || len(empty.ByRep) != 0 || len(empty.Trend) != 12 {
		t.Errorf("an empty day: %v, NoData %v, %d rows", err, empty.NoData, len(empty.ByRep))
	}
}

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in, label string
		kind      workflow.PeriodKind
	}{
		{"2026-11-30", "2026-11-30", workflow.PeriodDay},
		{"2026-W49", "2026-W49", workflow.PeriodWeek},
		{"2026w1", "2026-W01", workflow.PeriodWeek},
		{"2020-W53", "2020-W53", workflow.PeriodWeek},
		{"2026-11", "2026-11", workflow.PeriodMonth},
		{"２０２６-１１", "2026-11", workflow.PeriodMonth},
		{"2026-Q4", "2026-Q4", workflow.PeriodQuarter},
		{"2026", "2026", workflow.PeriodYear},
	} {
		p, err := workflow.ParsePeriod(c.in)
		if err != nil || p.Label() != c.label || p.Kind != c.kind {
			t.Errorf("%q: %v %s %v", c.in, p.Kind, p.Label(), err)
		}
	}
	for _, bad := range []string{"", "2026-13", "2026-W54", "2026-W00", "2026-02-30", "yesterday", "2026-Q5"} {
		if _, err := workflow.ParsePeriod(bad); err == nil {
			t.Errorf("%q read as a period", bad)
		}
	}
	if p, err := workflow.ParsePeriodOf(workflow.PeriodWeek, "2026-12-02"); err != nil || p.Label() != "2026-W49" {
		t.Errorf("the week holding 2026-12-02: %s %v", p.Label(), err)
	}
	if _, err := workflow.ParsePeriodOf(workflow.PeriodWeek, "2026-12"); err == nil {
		t.Error("a month read as a week")
	}
}
