// Package report holds one sales report (日报、周报、月报) as a value: the
// figures of a day, an ISO week or a month beside the period before,
// the same period last year and the plans and targets, split by rep,
// the top customers and product groups, the money received and overdue
// on the collections ladder, and the reps' performance reviews
// (销售业绩评估). workflow builds it (Desk.Report); printout draws it as
// a PDF and export writes it as a workbook, both from this one value, so
// a figure reads the same everywhere. It knows nothing of the database.
package report

import (
	"strconv"

	"orderdesk/store"
)

// Which period of a row's figures.
const (
	Now      = 0 // the period reported
	Previous = 1 // the period before it
	LastYear = 2 // the same period a year earlier
)

// Span is one period: its label (2026-11-30, 2026-W49, 2026-11) and its
// first and last days (YYYY-MM-DD, both counted).
type Span struct {
	Label       string
	First, Last string
}

// Row is one key of a dimension (a rep, a customer, a product group) or
// the total, with every measure in the three periods.
type Row struct {
	Key, Label string
	Figures    [3]store.StatFigures // Now, Previous, LastYear
}

// Point is one period of the trend.
type Point struct {
	Label   string
	Figures store.StatFigures
}

// Goal is what approved plans or targets set for a period: Set false
// when there is none.
type Goal struct {
	Tonnes store.Milli
	Amount store.Money
	Set    bool
}

// Add adds g to a goal; the sum is set when either is.
func (a Goal) Add(g Goal) Goal {
	return Goal{Tonnes: a.Tonnes + g.Tonnes, Amount: a.Amount + g.Amount, Set: a.Set || g.Set}
}

// StageSum is the open invoices on one rung of the collections ladder.
type StageSum struct {
	Stage  string // current, remind, report, letter (workflow.Stage)
	Count  int
	Amount store.Money
}

// Collections is the money side of the period: received in it, owed at
// its end, the open invoices by ladder stage as of AsOf (the period's
// last day, or today while it runs), and what fell due in it and was
// received on time.
type Collections struct {
	AsOf     string
	Received store.Money
	Owed     store.Money
	Stages   []StageSum  // current, remind, report, letter
	Overdue  store.Money // the stages past due added up
	Due      store.Money
	OnTime   store.Money
}

// Review is one rep's performance review for the period (销售业绩评估).
// Its exact definitions are the README's ("Reports and rep reviews").
type Review struct {
	RepID int64
	Rep   string
	// Ordered is the statistics' ordered figure of the rep's customers
	// in the period.
	Ordered store.StatFigure
	Target  Goal // the rep's approved target for the period (a month's or a year's)
	Plan    Goal // the rep's approved plans of the period's kind lying within it
	// NewCustomers are the rep's customers whose first order counted
	// falls in the period; NewPlanned the new customers the plans aimed at.
	NewCustomers, NewPlanned int
	// Due is the money of the rep's invoices that fell due in the period;
	// OnTime what of it was received by each invoice's due day.
	Due, OnTime                 store.Money
	DueInvoices, OnTimeInvoices int
}

// Report is one report. Sections the reader may not see are left out:
// MoneyWithheld (the warehouse, planning, purchasing) leaves every
// amount zero and no collections or reviews; a rep's report holds their
// own customers only (Scope names them).
type Report struct {
	Kind    string  // day, week, month (quarter, year, range for a workbook)
	Periods [3]Span // Now, Previous, LastYear
	MadeOn  string  // the day it was made
	By      string  // who made it
	Scope   string  // "" the whole desk; else the rep whose customers alone it holds
	// NoData says nothing counts in any of the three periods.
	NoData        bool
	MoneyWithheld bool
	Total         Row
	Plan, Target  Goal // the reps' shown, added up
	ByRep         []Row
	TopCustomers  []Row
	TopGroups     []Row // product groups: the product name (品名)
	// Split is every row of one dimension (SplitBy), for the workbook.
	SplitBy string
	Split   []Row
	Trend   []Point // the last periods of the same kind, oldest first, ending with this one
	// Collections is nil when the reader may not see it.
	Collections *Collections
	// Reviews are nil when the reader may not see them; a rep sees
	// their own.
	Reviews []Review
}

// Share is num/den in tenths of a per cent, rounded half away from
// zero (935 is 93.5%); ok false when den is not positive.
func Share(num, den int64) (tenths int64, ok bool) {
	if den <= 0 {
		return 0, false
	}
	n := num * 1000
	if n >= 0 {
		return (n + den/2) / den, true
	}
	return -((-n + den/2) / den), true
}

// Percent writes a share as 93.5%, or "—" when there is none.
func Percent(num, den int64) string {
	t, ok := Share(num, den)
	if !ok {
		return "—"
	}
	return Tenths(t)
}

// Tenths writes a share in tenths of a per cent: 935 is 93.5%.
func Tenths(t int64) string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return sign + strconv.FormatInt(t/10, 10) + "." + strconv.FormatInt(t%10, 10) + "%"
}
