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
	DashPipeline                       // inquiries open, quotes waiting, complaints open
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
	case store.InquiryKind, store.QuoteKind, store.ComplaintKind:
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
	// Complaints: complaints still being worked (their customers', for
	// a rep) and those of them flagged for want of an action, as the
	// Complaints screen ages them; false where the user does not see
	// complaints.
	Complaints                        bool
	OpenComplaints, FlaggedComplaints int
	// MoneyWithheld: the user sees tonnes only; amounts are zero and
	// not shown.
	MoneyWithheld bool
	// rawDaily are the month's days as read, money and all: a refresh
	// keeps those before today while they add up to the month.
	rawDaily []store.StatFigures
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

// dashFigures ranks the month's customers and products and reads the
// month's total (from the month roll-ups), reads today's days and keeps the
// month's other days from the read before: read again whole only when
// they no longer add up to the month (a document restated an earlier
// day, or this is the first read). A change elsewhere then costs today's
// rows and the month roll-ups, not every row of the month.
func (d *Desk) dashFigures(ctx context.Context, tx *store.Tx, v *Dashboard, rep int64) error {
	span, all, at := v.Month.Span(), dashScope(store.StatAll, rep), v.Day.Day()-1
	customers, err := tx.StatTop(ctx, dashScope(store.StatCustomer, rep), span, v.MoneyWithheld, DashTop)
	if err != nil {
		return err
	}
	items, err := tx.StatTop(ctx, dashScope(store.StatItem, rep), span, v.MoneyWithheld, DashTop)
	if err != nil {
		return err
	}
	total, err := tx.StatRows(ctx, all, []store.StatSpan{span}, false)
	if err != nil {
		return err
	}
	var month store.StatFigures
	for _, r := range total {
		month = month.Add(r.Figures[0])
	}
	today, err := tx.StatDaily(ctx, all, PeriodOf(PeriodDay, v.Day).Span())
	if err != nil || len(today) != 1 {
		return err
	}
	daily := slices.Clone(v.rawDaily)
	if len(daily) == v.Month.Days() {
		daily[at] = today[0]
	}
	var sum store.StatFigures
	for _, f := range daily {
		sum = sum.Add(f)
	}
	if len(daily) != v.Month.Days() || sum != month {
		if daily, err = tx.StatDaily(ctx, all, v.Month.Span()); err != nil {
			return err
		}
	}
	v.rawDaily, v.Daily, v.Today, v.MonthFigures = daily, daily, daily[at], month
	v.TopCustomers, v.TopProducts = dashTop(customers, v.MoneyWithheld), dashTop(items, v.MoneyWithheld)
	if v.MoneyWithheld {
		v.Daily = make([]store.StatFigures, len(daily))
		for i, f := range daily {
			v.Daily[i] = noMoney(f)
		}
		v.Today, v.MonthFigures = noMoney(v.Today), noMoney(v.MonthFigures)
	}
	return nil
}

// dashTop are the month's leaders as the user may see them.
func dashTop(rows []store.StatRow, withheld bool) []DashRow {
	out := make([]DashRow, len(rows))
	for i, r := range rows {
		f := r.Figures[0]
		if withheld {
			f = noMoney(f)
		}
		out[i] = DashRow{Key: r.Key, Label: r.Label, Figures: f}
	}
	return out
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

// dashPipeline counts what waits: the sales pipeline for those who see
// inquiries, complaints for those who see them.
func (d *Desk) dashPipeline(ctx context.Context, tx *store.Tx, v *Dashboard, rep int64) (err error) {
	if err := d.dashComplaints(ctx, tx, v, rep); err != nil {
		return err
	}
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

// dashComplaints counts the complaints still being worked, a rep's own
// customers' only, and those flagged for want of an action.
func (d *Desk) dashComplaints(ctx context.Context, tx *store.Tx, v *Dashboard, rep int64) error {
	v.Complaints = SeesScreen(d.User, ScreenComplaints)
	v.OpenComplaints, v.FlaggedComplaints = 0, 0
	if !v.Complaints {
		return nil
	}
	rules, err := afterSalesRules(ctx, tx)
	if err != nil {
		return err
	}
	rows, err := tx.Complaints(ctx, store.ComplaintFilter{Statuses: OpenComplaintStatuses})
	for _, row := range rows {
		if rep != 0 && row.RepID != rep {
			continue
		}
		v.OpenComplaints++
		if d.e.complaintItem(row, rules).Flagged {
			v.FlaggedComplaints++
		}
	}
	return err
}
