package workflow_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
)

// noOpen is f without what is owed: the dashboard reads the flows only.
func noOpen(f store.StatFigures) store.StatFigures {
	f.Open = store.StatFigure{}
	return f
}

// statTotal is the Statistics screen's total of a period by nothing.
func statTotal(t *testing.T, d *workflow.Desk, p workflow.Period) store.StatFigures {
	t.Helper()
	v, err := d.Statistics(context.Background(), workflow.StatQuery{Dim: store.StatAll, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	return noOpen(v.Total.Figures[workflow.StatNow])
}

// statLeaders are the Statistics screen's rows of the month by dim,
// ranked as the dashboard ranks them.
func statLeaders(t *testing.T, d *workflow.Desk, dim store.StatDim, p workflow.Period, tonnes bool) []workflow.DashRow {
	t.Helper()
	v, err := d.Statistics(context.Background(), workflow.StatQuery{Dim: dim, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	by := func(f store.StatFigures) int64 {
		if tonnes {
			return int64(f.Ordered.Tonnes)
		}
		return int64(f.Ordered.Amount)
	}
	var out []workflow.DashRow
	for _, r := range v.Rows {
		if f := noOpen(r.Figures[workflow.StatNow]); by(f) > 0 {
			out = append(out, workflow.DashRow{Key: r.Key, Label: r.Label, Figures: f})
		}
	}
	slices.SortStableFunc(out, func(a, b workflow.DashRow) int {
		x, y := by(a.Figures), by(b.Figures)
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	return out[:min(len(out), workflow.DashTop)]
}

// The dashboard's figures are the Statistics screen's for the same day,
// month, customers and products; its plan is what plan against actual
// adds for every rep, its overdue money the ladder's, for the desk, a
// supervisor, finance and a rep alike.
func TestDashboardAgreesWithStatisticsPlansAndLadder(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	for _, login := range []string{"zhao", "chen", "liu", "zheng"} {
		d := deskOf(t, eng, login)
		for _, day := range []time.Time{statToday, statToday.AddDate(0, -1, -3), statToday.AddDate(0, -2, 11)} {
			v, err := d.Dashboard(ctx, day)
			if err != nil {
				t.Fatal(login, err)
			}
			month := workflow.PeriodOf(workflow.PeriodMonth, day)
			if v.Month != month || v.MoneyWithheld {
				t.Errorf("%s %s: month %v, money withheld %v", login, day.Format(time.DateOnly), v.Month.Label(), v.MoneyWithheld)
			}
			if want := statTotal(t, d, workflow.PeriodOf(workflow.PeriodDay, day)); v.Today != want {
				t.Errorf("%s %s: today %+v, statistics %+v", login, day.Format(time.DateOnly), v.Today, want)
			}
			if want := statTotal(t, d, month); v.MonthFigures != want || want.Ordered.Amount == 0 {
				t.Errorf("%s %s: month %+v, statistics %+v", login, month.Label(), v.MonthFigures, want)
			}
			if len(v.Daily) != month.Days() {
				t.Errorf("%s %s: %d days, the month has %d", login, month.Label(), len(v.Daily), month.Days())
			}
			for i := 0; i < len(v.Daily); i += 6 {
				p := workflow.PeriodOf(workflow.PeriodDay, month.From.AddDate(0, 0, i))
				if want := statTotal(t, d, p); v.Daily[i] != want {
					t.Errorf("%s %s: %+v, statistics %+v", login, p.Label(), v.Daily[i], want)
				}
			}
			if want := statLeaders(t, d, store.StatCustomer, month, false); !slices.Equal(v.TopCustomers, want) || len(want) == 0 {
				t.Errorf("%s %s: top customers %+v, statistics %+v", login, month.Label(), v.TopCustomers, want)
			}
			if want := statLeaders(t, d, store.StatItem, month, false); !slices.Equal(v.TopProducts, want) || len(want) == 0 {
				t.Errorf("%s %s: top products %+v, statistics %+v", login, month.Label(), v.TopProducts, want)
			}
			checkOverdue(t, d, v)
		}
	}
	checkPlan(t, eng)
}

// checkOverdue: the money overdue on each rung is the ladder's.
func checkOverdue(t *testing.T, d *workflow.Desk, v workflow.Dashboard) {
	t.Helper()
	c, err := d.Collections(context.Background(), v.Day.Format(time.DateOnly))
	if err != nil {
		t.Fatal(err)
	}
	want := map[workflow.Stage]workflow.DashStage{}
	for _, x := range c.Items {
		s := want[x.Stage]
		s.Invoices++
		s.Amount += x.Open()
		want[x.Stage] = s
	}
	if len(v.Overdue) != 3 {
		t.Fatalf("%s: %d rungs", d.User.Login, len(v.Overdue))
	}
	for _, s := range v.Overdue {
		if w := want[s.Stage]; s.Invoices != w.Invoices || s.Amount != w.Amount {
			t.Errorf("%s %s: %s %d invoices %v, the ladder %d %v", d.User.Login, v.Day.Format(time.DateOnly), s.Stage, s.Invoices, s.Amount, w.Invoices, w.Amount)
		}
	}
}

// checkPlan: the month's plan is the sum of every rep's plan against
// actual, and a rep's their own; the targets are the approved ones.
func checkPlan(t *testing.T, eng *workflow.Engine) {
	t.Helper()
	ctx := context.Background()
	boss := deskOf(t, eng, "zhao")
	all, err := boss.Dashboard(ctx, statToday)
	if err != nil {
		t.Fatal(err)
	}
	targets, err := boss.Targets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var sum store.StatFigure
	for _, login := range []string{"liu", "zheng"} {
		rep := deskOf(t, eng, login)
		r, err := boss.PlanVsActual(ctx, rep.User.ID, all.Month.Label())
		if err != nil {
			t.Fatal(err)
		}
		plan := store.StatFigure{Tonnes: r.Total.PlanTonnes, Amount: r.Total.PlanAmount}
		sum = sum.Add(plan)
		mine, err := rep.Dashboard(ctx, statToday)
		if err != nil {
			t.Fatal(err)
		}
		var target store.StatFigure
		for _, x := range targets {
			if x.RepID == rep.User.ID && x.Period == all.Month.Label() && x.Status == "approved" {
				target = target.Add(store.StatFigure{Tonnes: x.Tonnes, Amount: x.Amount})
			}
		}
		if mine.Plan != plan || mine.Target != target {
			t.Errorf("%s: plan %+v target %+v, plan against actual %+v, targets %+v", login, mine.Plan, mine.Target, plan, target)
		}
	}
	if all.Plan != sum || sum.Amount == 0 {
		t.Errorf("the month's plan %+v, the reps' %+v", all.Plan, sum)
	}
}

// A rep sees their own customers' figures and pipeline; the warehouse
// and planning see tonnes only, no money, no overdue money and no
// pipeline; an admin sees no dashboard.
func TestDashboardConfidentiality(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	boss, err := deskOf(t, eng, "zhao").Dashboard(ctx, statToday)
	if err != nil {
		t.Fatal(err)
	}
	owner := customerReps(t, eng)
	raw := storetest.Raw(t, eng.Store().Path())
	for _, login := range []string{"liu", "zheng"} {
		rep := deskOf(t, eng, login)
		v, err := rep.Dashboard(ctx, statToday)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range v.TopCustomers {
			if owner[r.Key] != rep.User.ID {
				t.Errorf("%s sees customer %s of rep %d", login, r.Label, owner[r.Key])
			}
		}
		if v.MonthFigures.Ordered.Amount >= boss.MonthFigures.Ordered.Amount {
			t.Errorf("%s's month %v is not less than the office's %v", login, v.MonthFigures.Ordered.Amount, boss.MonthFigures.Ordered.Amount)
		}
		var inquiries, sent int
		if err := raw.QueryRow(`SELECT
		   (SELECT count(*) FROM documents d JOIN inquiries i ON i.doc_id = d.id JOIN customers c ON c.id = i.customer_id
		     WHERE d.status IN ('new', 'quoting', 'quoted') AND c.rep_id = ?1),
		   (SELECT count(*) FROM documents d JOIN quotes q ON q.doc_id = d.id JOIN customers c ON c.id = q.customer_id
		     WHERE d.status = 'sent' AND c.rep_id = ?1)`, rep.User.ID).Scan(&inquiries, &sent); err != nil {
			t.Fatal(err)
		}
		if !v.Pipeline || v.OpenInquiries != inquiries || v.QuotesSent != sent {
			t.Errorf("%s: %d inquiries, %d quotes sent; their customers have %d, %d", login, v.OpenInquiries, v.QuotesSent, inquiries, sent)
		}
	}
	if boss.OpenInquiries == 0 {
		t.Error("no open inquiries at the desk: the check says nothing")
	}
	for _, login := range []string{"wu", "zhou"} {
		v, err := deskOf(t, eng, login).Dashboard(ctx, statToday)
		if err != nil {
			t.Fatal(err)
		}
		figures := append([]store.StatFigures{v.Today, v.MonthFigures}, v.Daily...)
		for _, r := range append(slices.Clone(v.TopCustomers), v.TopProducts...) {
			figures = append(figures, r.Figures)
		}
		for _, f := range figures {
			if f.Ordered.Amount != 0 || f.Shipped.Amount != 0 || f.Invoiced.Amount != 0 || f.Received.Amount != 0 {
				t.Fatalf("%s sees money: %+v", login, f)
			}
		}
		if !v.MoneyWithheld || v.Overdue != nil || v.Plan.Amount != 0 || v.Target.Amount != 0 || v.Pipeline {
			t.Errorf("%s: withheld %v, overdue %v, plan %v, target %v, pipeline %v", login, v.MoneyWithheld, v.Overdue, v.Plan, v.Target, v.Pipeline)
		}
		if v.MonthFigures.Ordered.Tonnes != boss.MonthFigures.Ordered.Tonnes || v.Plan.Tonnes != boss.Plan.Tonnes || v.MonthFigures.Ordered.Tonnes == 0 {
			t.Errorf("%s: tonnes %v plan %v, the supervisor's %v %v", login, v.MonthFigures.Ordered.Tonnes, v.Plan.Tonnes,
				boss.MonthFigures.Ordered.Tonnes, boss.Plan.Tonnes)
		}
		if want := statLeaders(t, deskOf(t, eng, login), store.StatCustomer, v.Month, true); !slices.Equal(v.TopCustomers, want) {
			t.Errorf("%s: top customers by tonnes %+v, statistics %+v", login, v.TopCustomers, want)
		}
	}
	if _, err := deskOf(t, eng, "admin").Dashboard(ctx, statToday); !errors.Is(err, &workflow.Refusal{Code: workflow.RoleNotAllowed}) {
		t.Errorf("an admin reads the dashboard: %v", err)
	}
}

// A refresh reads again only the parts it is told: a part not asked
// keeps what was read before, and a new day is read whole.
func TestDashboardRefreshesTheParts(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	v, err := d.Dashboard(ctx, statToday)
	if err != nil {
		t.Fatal(err)
	}
	stale := v
	stale.OpenInquiries, stale.MonthFigures = -1, store.StatFigures{}
	got, err := d.RefreshDashboard(ctx, stale, statToday, workflow.DashPartsOf(store.InquiryKind))
	if err != nil {
		t.Fatal(err)
	}
	if got.OpenInquiries != v.OpenInquiries || got.MonthFigures != (store.StatFigures{}) {
		t.Errorf("an inquiry's change: inquiries %d (want %d), month %+v (want left as it was)", got.OpenInquiries, v.OpenInquiries, got.MonthFigures)
	}
	got, err = d.RefreshDashboard(ctx, stale, statToday.AddDate(0, 0, 1), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.OpenInquiries != v.OpenInquiries || got.MonthFigures.Ordered != v.MonthFigures.Ordered {
		t.Errorf("the next day: read whole, got %d inquiries and %+v", got.OpenInquiries, got.MonthFigures.Ordered)
	}
	// The days before today are kept while they add up to the month; a
	// day restated since is read again with the rest.
	restated := v
	workflow.RestateADay(&restated)
	got, err = d.RefreshDashboard(ctx, restated, statToday, workflow.DashFigures)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Daily, v.Daily) || got.MonthFigures != v.MonthFigures || got.Today != v.Today {
		t.Errorf("a restated day: days %v, want %v", got.Daily[:3], v.Daily[:3])
	}
	for _, k := range []string{store.OrderKind, store.DeliveryNoteKind, store.InvoiceKind, workflow.ReceiptKind} {
		if workflow.DashPartsOf(k)&workflow.DashFigures == 0 {
			t.Errorf("a change of %s leaves the figures", k)
		}
	}
	if workflow.DashPartsOf("product") != 0 || workflow.DashPartsOf(workflow.PresenceKind) != 0 {
		t.Error("a product's or a presence's change reads the dashboard again")
	}
}

// The screen a user chooses to open on is kept for their next session,
// audited; a screen their roles do not show is refused.
func TestStartScreenSurvivesANewSession(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	boss := deskOf(t, eng, "zhao")
	if s, err := boss.StartScreen(ctx); err != nil || s != "" {
		t.Fatalf("before any choice: %q %v", s, err)
	}
	if err := boss.SetStartScreen(ctx, workflow.ScreenDashboard); err != nil {
		t.Fatal(err)
	}
	if s, err := deskOf(t, eng, "zhao").StartScreen(ctx); err != nil || s != workflow.ScreenDashboard {
		t.Errorf("a new session opens on %q (%v)", s, err)
	}
	if s, _ := deskOf(t, eng, "chen").StartScreen(ctx); s != "" {
		t.Errorf("another user opens on %q", s)
	}
	var audited int
	raw := storetest.Raw(t, eng.Store().Path())
	if err := raw.QueryRow(`SELECT count(*) FROM audit_log WHERE tbl = 'user_preferences' AND actor_id = ?`, boss.User.ID).Scan(&audited); err != nil || audited != 1 {
		t.Errorf("%d audit records (%v)", audited, err)
	}
	if err := boss.SetStartScreen(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if s, _ := boss.StartScreen(ctx); s != "" {
		t.Errorf("back to the first tab: %q", s)
	}
	if err := deskOf(t, eng, "wu").SetStartScreen(ctx, workflow.ScreenInvoices); !errors.Is(err, &workflow.Refusal{Code: workflow.RoleNotAllowed}) {
		t.Errorf("the warehouse chooses invoices: %v", err)
	}
}
