package workflow

import (
	"context"
	"slices"
	"strconv"
	"time"

	"orderdesk/store"
)

// The manager's dashboard (销售看板): today's and the month's figures
// against the plan, the month's leading customers and products, money
// overdue by rung of the ladder, and what waits in the sales pipeline.
// Every figure is the statistics engine's, the plans' or the
// collections' own, held to what the user may see as those are.

// DashTop is how many customers and products the dashboard ranks.
const DashTop = 5

// DashParts name the parts of a dashboard that are read separately, so a
// change elsewhere reads again only the parts it touched.
type DashParts uint8

const (
	DashFigures  DashParts = 1 << iota // today, the month, its days, the leading customers and products
	DashPlan                           // the month's approved plans and targets
	DashOverdue                        // money overdue by rung of the ladder
	DashPipeline                       // inquiries open, quotes waiting
	DashAll      = DashFigures | DashPlan | DashOverdue | DashPipeline
)

// DashPartsOf are the parts a change of kind can move.
func DashPartsOf(kind string) DashParts {
	switch kind {
	case store.OrderKind, store.DeliveryNoteKind:
		return DashFigures
	case "customer": // moved to another rep: a rep's own figures, money and inquiries move with it
		return DashFigures | DashOverdue | DashPipeline
	case store.ImportBatchKind: // customers, opening balances
		return DashAll
	case store.InvoiceKind, ReceiptKind:
		return DashFigures | DashOverdue
	case store.PlanKind, store.TargetKind:
		return DashPlan
	case store.InquiryKind, store.QuoteKind:
		return DashPipeline
	}
	return 0
}

// DashRow is one customer or product of the month's leaders.
type DashRow struct {
	Key, Label string
	Figures    store.StatFigures
}

// DashStage is the money overdue on one rung of the ladder.
type DashStage struct {
	Stage    Stage
	Invoices int
	Amount   store.Money
}

// Dashboard is what the dashboard shows as of one day.
type Dashboard struct {
	Day   time.Time // the day shown
	Month Period    // the month holding it
	// Today and MonthFigures are the statistics' figures of the day and
	// of the whole month (the Statistics screen's day and month, by
	// nothing); Daily the month's days, the 1st first.
	Today, MonthFigures store.StatFigures
	Daily               []store.StatFigures
	// Plan is what the month's approved plans expect (their customers'
	// lines, as plan against actual adds them), Target the month's
	// approved targets; ordered is measured against both.
	Plan, Target store.StatFigure
	// TopCustomers and TopProducts lead the month by what was ordered
	// (money; tonnes where money is withheld), at most DashTop each.
	TopCustomers, TopProducts []DashRow
	// Overdue is the money past its due day on each rung (remind,
	// report, letter), with the invoices; nil where money is withheld.
	Overdue []DashStage
	// Pipeline: inquiries open, quotes sent and waiting for the
	// customer, quotes waiting for sign-off; Pipeline false where the
	// user does not see inquiries.
	Pipeline                                bool
	OpenInquiries, QuotesSent, QuotesToSign int
	// MoneyWithheld: the user sees tonnes only; amounts are zero and
	// not shown.
	MoneyWithheld bool
}

// Dashboard reads the whole dashboard as of day.
func (d *Desk) Dashboard(ctx context.Context, day time.Time) (Dashboard, error) {
	return d.RefreshDashboard(ctx, Dashboard{}, day, DashAll)
}

// RefreshDashboard reads again the parts of was that parts names, as of
// day; a dashboard of another day is read whole.
func (d *Desk) RefreshDashboard(ctx context.Context, was Dashboard, day time.Time, parts DashParts) (Dashboard, error) {
	if err := permitScreen(d.User, ScreenDashboard); err != nil {
		return was, err
	}
	rep, money := statAccess(d.User)
	v := was
	if !dayOf(day).Equal(was.Day) {
		v, parts = Dashboard{Day: dayOf(day)}, DashAll
	}
	v.Month, v.MoneyWithheld = PeriodOf(PeriodMonth, v.Day), !money
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		if parts&DashFigures != 0 {
			if err := d.dashFigures(ctx, tx, &v, rep); err != nil {
				return err
			}
		}
		if parts&DashPlan != 0 {
			span := v.Month.Span()
			var err error
			if v.Plan, v.Target, err = tx.MonthPlanTotal(ctx, rep, span.From, v.Month.Last().Format(time.DateOnly)); err != nil {
				return err
			}
		}
		if parts&DashPipeline != 0 {
			if err := d.dashPipeline(ctx, tx, &v, rep); err != nil {
				return err
			}
		}
		if parts&DashOverdue != 0 {
			v.Overdue = nil
			if money {
				var err error
				if v.Overdue, err = d.dashOverdue(ctx, tx, v.Day, rep); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return was, err
	}
	if !money {
		v.Plan, v.Target = store.StatFigure{Tonnes: v.Plan.Tonnes}, store.StatFigure{Tonnes: v.Target.Tonnes}
	}
	return v, nil
}

// dashScope is everything, or a rep's own customers, split by dim.
func dashScope(dim store.StatDim, rep int64) store.StatScope {
	s := store.StatScope{Dim: dim}
	if rep != 0 {
		s.Filters = []store.StatFilter{{Dim: store.StatRep, Key: strconv.FormatInt(rep, 10)}}
	}
	return s
}

// dashFigures reads the month day by day (today is one of its days) and
// ranks its customers and products.
func (d *Desk) dashFigures(ctx context.Context, tx *store.Tx, v *Dashboard, rep int64) error {
	daily, err := tx.StatDaily(ctx, dashScope(store.StatAll, rep), v.Month.Span())
	if err != nil {
		return err
	}
	v.Daily, v.Today, v.MonthFigures = daily, store.StatFigures{}, store.StatFigures{}
	for i, f := range daily {
		if v.MoneyWithheld {
			f = noMoney(f)
			daily[i] = f
		}
		v.MonthFigures = v.MonthFigures.Add(f)
		if i == v.Day.Day()-1 {
			v.Today = f
		}
	}
	if v.TopCustomers, err = d.dashTop(ctx, tx, dashScope(store.StatCustomer, rep), v); err != nil {
		return err
	}
	v.TopProducts, err = d.dashTop(ctx, tx, dashScope(store.StatItem, rep), v)
	return err
}

// dashTop ranks the month's keys of scope by what was ordered, the
// largest first (ties by key), keeping DashTop.
func (d *Desk) dashTop(ctx context.Context, tx *store.Tx, scope store.StatScope, v *Dashboard) ([]DashRow, error) {
	rows, err := tx.StatRows(ctx, scope, []store.StatSpan{v.Month.Span()}, false)
	if err != nil {
		return nil, err
	}
	by := func(f store.StatFigures) int64 {
		if v.MoneyWithheld {
			return int64(f.Ordered.Tonnes)
		}
		return int64(f.Ordered.Amount)
	}
	out := make([]DashRow, 0, len(rows))
	for _, r := range rows {
		f := r.Figures[0]
		if by(f) <= 0 {
			continue
		}
		if v.MoneyWithheld {
			f = noMoney(f)
		}
		out = append(out, DashRow{Key: r.Key, Label: r.Label, Figures: f})
	}
	slices.SortStableFunc(out, func(a, b DashRow) int {
		if x, y := by(a.Figures), by(b.Figures); x != y {
			if x > y {
				return -1
			}
			return 1
		}
		return 0 // StatRows came sorted by key
	})
	return out[:min(len(out), DashTop)], nil
}

// dashOverdue adds what is open past due by rung of the ladder as of
// day, as the Collections view places the same invoices, grouped in the
// database by due day: the stage follows from it alone.
func (d *Desk) dashOverdue(ctx context.Context, tx *store.Tx, day time.Time, rep int64) ([]DashStage, error) {
	rules, err := ladderRules(ctx, tx)
	if err != nil {
		return nil, err
	}
	on := day.Format(time.DateOnly)
	dues, err := tx.OverdueByDue(ctx, on, day.AddDate(0, 0, 1-rules.RemindAfter).Format(time.DateOnly), rep)
	if err != nil {
		return nil, err
	}
	out := []DashStage{{Stage: StageRemind}, {Stage: StageReport}, {Stage: StageLetter}}
	for _, due := range dues {
		st, _ := LadderStage(due.DueOn, on, rules)
		for i := range out {
			if out[i].Stage == st {
				out[i].Invoices += due.Invoices
				out[i].Amount += due.Open
			}
		}
	}
	return out, nil
}

// dashPipeline counts what waits in the sales pipeline, for those who
// see inquiries.
func (d *Desk) dashPipeline(ctx context.Context, tx *store.Tx, v *Dashboard, rep int64) (err error) {
	v.Pipeline = SeesScreen(d.User, ScreenInquiries)
	v.OpenInquiries, v.QuotesSent, v.QuotesToSign = 0, 0, 0
	if !v.Pipeline {
		return nil
	}
	if v.OpenInquiries, err = tx.CountInquiries(ctx, OpenInquiryStatuses, rep); err != nil {
		return err
	}
	if v.QuotesSent, err = tx.CountQuotes(ctx, "sent", rep); err != nil {
		return err
	}
	v.QuotesToSign, err = tx.CountQuotes(ctx, "submitted", rep)
	return err
}
