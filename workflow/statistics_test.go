package workflow_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// statToday is the day the statistics' demo desk is dated to.
var statToday = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// statDesk opens, for t, its own copy of a demo desk with two years of
// orders shipped, invoiced and paid, cancelled and revised orders,
// returns (some received), and the desk's current month's work (built once, cached in the temporary
// folder).
func statDesk(t *testing.T) *workflow.Engine {
	t.Helper()
	name := "orderdesk-stat-desk.db" // rebuilt whenever the code changes (workflowtest.Cached)
	return workflowtest.Cached(t, name, statToday, func(eng *workflow.Engine) {
		o := demo.DefaultOptions()
		o.Customers, o.Products, o.Inquiries, o.Orders, o.Shipments, o.Invoices = 40, 40, 20, 40, 30, 30
		o.InvoiceVolume, o.LateInvoices, o.Pending, o.SentBack, o.Today, o.DeskLogin = 240, 10, 0, 0, statToday, ""
		o.MonthlyPercent = 40
		o.Returns = 12 // in every state: some received, so shipped nets and returned counts
		if _, err := demo.Generate(context.Background(), eng, o); err != nil {
			t.Fatal(err)
		}
	})
}

// deskOf is the desk of the demo user with login.
func deskOf(t *testing.T, eng *workflow.Engine, login string) *workflow.Desk {
	t.Helper()
	return eng.Desk(workflowtest.User(t, eng, login))
}

// statMonths are the months the figures are checked in: the last year
// of the desk's history, month by month.
func statMonths() []workflow.Period {
	var out []workflow.Period
	p := workflow.PeriodOf(workflow.PeriodMonth, statToday)
	for i := 0; i < 13; i++ {
		out = append(out, p.Shift(-i))
	}
	return out
}

// The sum over any dimension is the total, in every period and every
// measure that dimension carries, and the history is not empty.
func TestStatisticsAddUpOverEveryDimension(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	periods := append(statMonths(),
		workflow.PeriodOf(workflow.PeriodQuarter, statToday), workflow.PeriodOf(workflow.PeriodYear, statToday),
		workflow.PeriodOf(workflow.PeriodWeek, statToday.AddDate(0, -2, 0)), workflow.PeriodOf(workflow.PeriodDay, statToday.AddDate(0, -1, 3)),
		workflow.Period{Kind: workflow.PeriodRange, From: statToday.AddDate(0, -7, -11), To: statToday.AddDate(0, -3, 5)})
	var seen store.StatFigures
	for _, p := range periods {
		all, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatAll, Period: p, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		seen = seen.Add(all.Total.Figures[workflow.StatNow])
		for _, dim := range store.StatDims {
			v, err := d.Statistics(ctx, workflow.StatQuery{Dim: dim, Period: p, Open: true})
			if err != nil {
				t.Fatal(dim, err)
			}
			for i := range v.Total.Figures {
				want := all.Total.Figures[i]
				if dim.Goods() {
					want.Received, want.Open = store.StatFigure{}, store.StatFigure{}
				}
				if got := v.Total.Figures[i]; got != want {
					t.Errorf("%s by %s, period %d: rows add up to %+v, the total is %+v", p.Label(), dim, i, got, want)
				}
			}
		}
	}
	for _, m := range store.StatMeasures {
		if seen.Of(m).Amount == 0 {
			t.Errorf("no %s in any period checked: the desk's history is empty", m)
		}
	}
}

// Shipped, invoiced and received of a month are the reconciliation
// ledger's, customer by customer, and what a customer owes at a month's
// end is the ledger's closing balance.
func TestStatisticsAgreeWithTheLedger(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "chen")
	for _, p := range statMonths() {
		v, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: p, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		got := map[int64]store.StatFigures{}
		for _, r := range v.Rows {
			var id int64
			fmt.Sscan(r.Key, &id)
			got[id] = r.Figures[workflow.StatNow]
		}
		var ledger []store.MonthFigures
		if err := eng.Store().Read(ctx, func(tx *store.Tx) (err error) { ledger, err = tx.MonthFigures(ctx, p.Label(), 0); return err }); err != nil {
			t.Fatal(err)
		}
		for _, l := range ledger {
			g := got[l.CustomerID]
			if g.Shipped.Amount != l.Shipped || g.Invoiced.Amount != l.Invoiced || g.Received.Amount != l.Received || g.Open.Amount != l.Closing {
				t.Errorf("%s customer %d: statistics shipped %v invoiced %v received %v owed %v, the ledger %v %v %v closing %v", p.Label(), l.CustomerID,
					g.Shipped.Amount, g.Invoiced.Amount, g.Received.Amount, g.Open.Amount, l.Shipped, l.Invoiced, l.Received, l.Closing)
			}
			delete(got, l.CustomerID)
		}
		for id, g := range got {
			if g.Shipped.Amount != 0 || g.Invoiced.Amount != 0 || g.Received.Amount != 0 || g.Open.Amount != 0 {
				t.Errorf("%s customer %d: statistics %+v, not in the ledger", p.Label(), id, g)
			}
		}
	}
}

// Every figure is the sum of the documents its trace lists, and the
// ordered figures are what the orders in force hold, worked out again
// from the orders themselves.
func TestStatisticsTraceToTheirDocuments(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	ranged := workflow.Period{Kind: workflow.PeriodRange, From: statToday.AddDate(0, -2, -9), To: statToday.AddDate(0, 0, -12)}
	for _, p := range append(statMonths()[:3], ranged) {
		for _, dim := range []store.StatDim{store.StatRep, store.StatGrade, store.StatItem} {
			q := workflow.StatQuery{Dim: dim, Period: p, Open: true}
			v, err := d.Statistics(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range v.Rows {
				for _, m := range store.StatMeasures {
					if dim.Goods() && (m == store.StatReceived || m == store.StatOpen) {
						continue
					}
					for which := range r.Figures {
						docs, err := d.StatisticsTrace(ctx, q, r.Key, m, which)
						if err != nil {
							t.Fatal(err)
						}
						var sum store.StatFigure
						for _, doc := range docs {
							sum = sum.Add(store.StatFigure{Tonnes: doc.Tonnes, Amount: doc.Amount})
						}
						if want := r.Figures[which].Of(m); sum != want {
							t.Errorf("%s %s %s %s period %d: the %d documents add up to %+v, the figure is %+v", p.Label(), dim, r.Label, m, which, len(docs), sum, want)
						}
					}
				}
			}
		}
	}
	// Ordered from the orders: each order counted once, at the lines of
	// its latest version the customer signed, on the day its first
	// version came back signed, unless it was cancelled.
	raw := storetest.Raw(t, eng.Store().Path())
	rows, err := raw.Query(`SELECT substr(first.day, 1, 7), sum(l.amount), sum(l.weight)
	  FROM (SELECT coalesce(o.root_doc_id, o.doc_id) AS root, min(b.signed_on) AS day, max(o.revision) AS rev
	          FROM orders o JOIN order_signbacks b ON b.order_doc_id = o.doc_id GROUP BY root) first
	  JOIN orders o ON coalesce(o.root_doc_id, o.doc_id) = first.root AND o.revision = first.rev
	  JOIN order_lines l ON l.doc_id = o.doc_id AND l.removed = 0
	 WHERE NOT EXISTS (SELECT 1 FROM orders c JOIN documents cd ON cd.id = c.doc_id
	                    WHERE coalesce(c.root_doc_id, c.doc_id) = first.root AND cd.status = 'cancelled')
	 GROUP BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]store.StatFigure{}
	for rows.Next() {
		var month string
		var f store.StatFigure
		if err := rows.Scan(&month, &f.Amount, &f.Tonnes); err != nil {
			t.Fatal(err)
		}
		want[month] = f
	}
	rows.Close()
	for _, p := range statMonths() {
		v, err := d.Statistics(ctx, workflow.StatQuery{Period: p})
		if err != nil {
			t.Fatal(err)
		}
		if got := v.Total.Figures[workflow.StatNow].Ordered; got != want[p.Label()] {
			t.Errorf("%s: ordered %+v, the orders in force hold %+v", p.Label(), got, want[p.Label()])
		}
	}
}

// A period with nothing in it shows no rows and says so; it is not an
// error.
func TestStatisticsOfAnEmptyPeriod(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	for _, dim := range store.StatDims {
		v, err := deskOf(t, eng, "zhao").Statistics(ctx, workflow.StatQuery{Dim: dim, Period: workflow.PeriodOf(workflow.PeriodYear, time.Date(2001, 5, 1, 0, 0, 0, 0, time.UTC)), Months: 24})
		if err != nil {
			t.Fatal(dim, err)
		}
		if !v.NoData || len(v.Rows) != 0 || !v.Total.Figures[workflow.StatNow].Zero() || len(v.Total.Trend) != 24 {
			t.Errorf("by %s in 2001: NoData %v, %d rows, total %+v, %d months of trend", dim, v.NoData, len(v.Rows), v.Total.Figures, len(v.Total.Trend))
		}
	}
}

// What each role sees follows the rules of the desk: a rep their own
// customers' figures only, with money; the warehouse and planning
// tonnes without money (said, not zeroed silently); an admin nothing.
func TestStatisticsConfidentiality(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	p := workflow.PeriodOf(workflow.PeriodYear, statToday)
	boss := deskOf(t, eng, "zhao")
	byRep, err := boss.Statistics(ctx, workflow.StatQuery{Dim: store.StatRep, Period: p, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	bossByCustomer, err := boss.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: p})
	if err != nil {
		t.Fatal(err)
	}
	for _, login := range []string{"liu", "zheng"} {
		rep := deskOf(t, eng, login)
		mine := fmt.Sprint(rep.User.ID)
		v, err := rep.Statistics(ctx, workflow.StatQuery{Dim: store.StatRep, Period: p, Open: true})
		if err != nil {
			t.Fatal(err)
		}
		var want workflow.StatRow
		for _, r := range byRep.Rows {
			if r.Key == mine {
				want = r
			}
		}
		if len(v.Rows) != 1 || v.Rows[0].Key != mine || v.Total.Figures != want.Figures || v.MoneyWithheld || want.Figures[0].Shipped.Amount == 0 {
			t.Errorf("%s by rep: %d rows %+v, want only their own %+v", login, len(v.Rows), v.Rows, want.Figures)
		}
		custs, err := rep.Statistics(ctx, workflow.StatQuery{Dim: store.StatCustomer, Period: p})
		if err != nil {
			t.Fatal(err)
		}
		owner := customerReps(t, eng)
		for _, r := range custs.Rows {
			if owner[r.Key] != rep.User.ID {
				t.Errorf("%s sees customer %s of rep %d", login, r.Label, owner[r.Key])
			}
		}
		// Another rep's customer: a drill-down there, or a trace, shows nothing.
		for _, r := range bossByCustomer.Rows {
			if owner[r.Key] == rep.User.ID {
				continue
			}
			q := workflow.StatQuery{Dim: store.StatCustomer, Period: p}
			docs, err := rep.StatisticsTrace(ctx, q, r.Key, store.StatShipped, workflow.StatNow)
			if err != nil || len(docs) != 0 {
				t.Errorf("%s traces %d documents of %s (%v)", login, len(docs), r.Label, err)
			}
			q.Filters = []store.StatFilter{{Dim: store.StatCustomer, Key: r.Key}}
			if v, err := rep.Statistics(ctx, q); err != nil || !v.NoData {
				t.Errorf("%s drills into %s: %d rows (%v)", login, r.Label, len(v.Rows), err)
			}
			break
		}
	}
	for _, login := range []string{"wu", "zhou"} {
		d := deskOf(t, eng, login)
		v, err := d.Statistics(ctx, workflow.StatQuery{Dim: store.StatRep, Period: p, Open: true, Months: 12})
		if err != nil {
			t.Fatal(err)
		}
		if !v.MoneyWithheld || len(v.Rows) != len(byRep.Rows) {
			t.Fatalf("%s: money withheld %v, %d rows of %d", login, v.MoneyWithheld, len(v.Rows), len(byRep.Rows))
		}
		for i, r := range v.Rows {
			for n, f := range r.Figures {
				b := byRep.Rows[i].Figures[n]
				if f.Ordered.Amount != 0 || f.Shipped.Amount != 0 || f.Invoiced.Amount != 0 || f.Received.Amount != 0 || f.Open.Amount != 0 ||
					f.Ordered.Tonnes != b.Ordered.Tonnes || f.Shipped.Tonnes != b.Shipped.Tonnes || f.Invoiced.Tonnes != b.Invoiced.Tonnes {
					t.Errorf("%s sees %+v of %s, the supervisor %+v", login, f, r.Label, b)
				}
			}
			for _, f := range r.Trend {
				if f.Shipped.Amount != 0 || f.Received.Amount != 0 || f.Open.Amount != 0 {
					t.Errorf("%s sees money in the trend of %s", login, r.Label)
				}
			}
		}
		docs, err := d.StatisticsTrace(ctx, workflow.StatQuery{Dim: store.StatRep, Period: p}, v.Rows[0].Key, store.StatShipped, workflow.StatNow)
		if err != nil || len(docs) == 0 {
			t.Fatalf("%s traces shipped: %d documents (%v)", login, len(docs), err)
		}
		for _, doc := range docs {
			if doc.Amount != 0 {
				t.Fatalf("%s sees the amount of %s", login, doc.Ref)
			}
		}
		if docs, err := d.StatisticsTrace(ctx, workflow.StatQuery{Dim: store.StatRep, Period: p}, v.Rows[0].Key, store.StatReceived, workflow.StatNow); err != nil || len(docs) != 0 {
			t.Fatalf("%s traces receipts: %d (%v)", login, len(docs), err)
		}
	}
	if _, err := deskOf(t, eng, "admin").Statistics(ctx, workflow.StatQuery{Period: p}); !errors.Is(err, &workflow.Refusal{Code: workflow.RoleNotAllowed}) {
		t.Errorf("an admin reads statistics: %v", err)
	}
}

// customerReps maps each customer's key to its rep.
func customerReps(t *testing.T, eng *workflow.Engine) map[string]int64 {
	t.Helper()
	rows, err := storetest.Raw(t, eng.Store().Path()).Query(`SELECT id, coalesce(rep_id, 0) FROM customers`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id, rep int64
		if err := rows.Scan(&id, &rep); err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprint(id)] = rep
	}
	return out
}

// A drill-down's rows add up to the row it opened, whichever roll-up or
// index each reads: a rep's customers and goods, a customer's goods, a
// grade's products and customers.
func TestStatisticsDrillDownsAddUp(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	for _, p := range []workflow.Period{workflow.PeriodOf(workflow.PeriodYear, statToday),
		workflow.Period{Kind: workflow.PeriodRange, From: statToday.AddDate(0, -5, -9), To: statToday.AddDate(0, -1, 0)}} {
		for _, dim := range []store.StatDim{store.StatRep, store.StatCustomer, store.StatGrade, store.StatCity} {
			top, err := d.Statistics(ctx, workflow.StatQuery{Dim: dim, Period: p, Months: 6})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range top.Rows {
				if i%7 != 0 { // a sample of the rows
					continue
				}
				filters := []store.StatFilter{{Dim: dim, Key: r.Key}}
				for _, under := range []store.StatDim{store.StatCustomer, store.StatItem, store.StatSpec} {
					v, err := d.Statistics(ctx, workflow.StatQuery{Dim: under, Filters: filters, Period: p, Months: 6})
					if err != nil {
						t.Fatal(err)
					}
					for n := range r.Figures {
						got, want := v.Total.Figures[n], r.Figures[n]
						if got.Ordered != want.Ordered || got.Shipped != want.Shipped || got.Invoiced != want.Invoiced {
							t.Errorf("%s %s %s by %s, period %d: %+v, the row %+v", p.Label(), dim, r.Label, under, n, got, want)
						}
					}
					for m := range r.Trend {
						if got, want := v.Total.Trend[m].Shipped, r.Trend[m].Shipped; got != want {
							t.Errorf("%s %s %s by %s, month %d of the trend: shipped %+v, the row %+v", p.Label(), dim, r.Label, under, m, got, want)
						}
					}
				}
			}
		}
	}
}

// A trend of one measure is that measure of the whole trend, and holds
// nothing else.
func TestStatisticsTrendOfOneMeasure(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	q := workflow.StatQuery{Dim: store.StatCustomer, Period: workflow.PeriodOf(workflow.PeriodMonth, statToday), Months: 24}
	all, err := d.Statistics(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []store.StatMeasure{store.StatShipped, store.StatReceived} {
		q.TrendOf = []store.StatMeasure{m}
		one, err := d.Statistics(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		seen := false
		for i := range all.Total.Trend {
			got, want := one.Total.Trend[i], all.Total.Trend[i]
			if got.Of(m) != want.Of(m) {
				t.Errorf("%s month %d: %+v, the whole trend %+v", m, i, got, want)
			}
			rest := got
			switch m {
			case store.StatShipped:
				rest.Shipped = store.StatFigure{}
			default:
				rest.Received = store.StatFigure{}
			}
			if !rest.Zero() {
				t.Errorf("%s month %d holds more: %+v", m, i, got)
			}
			seen = seen || got.Of(m).Amount != 0
		}
		if !seen {
			t.Errorf("no %s in 24 months", m)
		}
	}
}

// The months read in two halves side by side are the months read in one:
// each key's series, month by month, for a short trend and a long one,
// odd and even, by customer and by goods.
func TestStatisticsTrendInHalvesIsTheWhole(t *testing.T) {
	eng := statDesk(t)
	ctx := context.Background()
	d := deskOf(t, eng, "zhao")
	p := workflow.PeriodOf(workflow.PeriodMonth, statToday)
	for _, c := range []struct {
		dim    store.StatDim
		months int
	}{{store.StatCustomer, 1}, {store.StatCustomer, 2}, {store.StatCustomer, 13}, {store.StatCustomer, 24}, {store.StatGrade, 24}, {store.StatRep, 7}} {
		v, err := d.Statistics(ctx, workflow.StatQuery{Dim: c.dim, Period: p, Months: c.months})
		if err != nil {
			t.Fatal(err)
		}
		from, _ := time.Parse("2006-01", v.TrendFrom)
		var whole map[string][]store.StatFigures
		err = eng.Store().Read(ctx, func(tx *store.Tx) (err error) {
			whole, err = tx.StatSeries(ctx, store.StatScope{Dim: c.dim}, v.TrendFrom, from.AddDate(0, c.months, 0).Format("2006-01"))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, r := range v.Rows {
			want := whole[r.Key]
			if want == nil {
				want = make([]store.StatFigures, c.months)
			}
			if !reflect.DeepEqual(r.Trend, want) {
				t.Errorf("%s over %d months, %s: %v, read in one %v", c.dim, c.months, r.Label, r.Trend, want)
			}
			if !slices.ContainsFunc(r.Trend, func(f store.StatFigures) bool { return !f.Zero() }) {
				continue
			}
			seen++
		}
		if seen == 0 {
			t.Errorf("%s over %d months: no row has a trend", c.dim, c.months)
		}
	}
}
