package store

import (
	"strconv"
	"strings"
	"time"
)

// statTable is stat_days or one of its roll-ups (migrations 0011, 0022
// and 0024), with the keys it keeps: a scope reads each part of a span from
// the coarsest one that keeps every key it splits or filters by.
type statTable struct {
	name                string
	at                  string // its period column: day (YYYY-MM-DD), month or quarter (YYYY-MM) or year (YYYY)
	customer, item, rep bool   // keeps customer_id, item_id, rep_id
	received            bool   // keeps money received (goods roll-ups do not)
}

var (
	statDayTable             = statTable{name: "stat_days", at: "day", customer: true, item: true, received: true}
	statMonthTable           = statTable{name: "stat_months", at: "month", customer: true, item: true, received: true}
	statCustomerMonthTable   = statTable{name: "stat_customer_months", at: "month", customer: true, received: true}
	statItemMonthTable       = statTable{name: "stat_item_months", at: "month", item: true}
	statRepItemMonthTable    = statTable{name: "stat_rep_item_months", at: "month", rep: true, item: true}
	statCustomerQuarterTable = statTable{name: "stat_customer_quarters", at: "quarter", customer: true, received: true}
	statCustomerYearTable    = statTable{name: "stat_customer_years", at: "year", customer: true, received: true}
	statItemYearTable        = statTable{name: "stat_item_years", at: "year", item: true}
)

// monthTable is the month roll-up a scope reads whole months from.
func (sd statSides) monthTable() statTable {
	switch {
	case sd.goods && sd.customer:
		return statMonthTable
	case sd.goods && sd.rep:
		return statRepItemMonthTable
	case sd.goods:
		return statItemMonthTable
	default:
		return statCustomerMonthTable
	}
}

// quarterTable is the roll-up a scope reads whole quarters from: by
// customer when it splits no goods, else its month roll-up (a quarter
// is named by its first month, so a span of quarters reads as months).
func (sd statSides) quarterTable() statTable {
	if sd.goods {
		return sd.monthTable()
	}
	return statCustomerQuarterTable
}

// yearTable is the year roll-up a scope reads whole years from; none
// (ok false) for goods split by customer or rep, read by month.
func (sd statSides) yearTable() (statTable, bool) {
	switch {
	case sd.goods && (sd.customer || sd.rep):
		return statTable{}, false
	case sd.goods:
		return statItemYearTable, true
	default:
		return statCustomerYearTable, true
	}
}

// cols are the columns every row source gives (customer_id, rep_id,
// item_id): a roll-up without a customer gives 0, without goods 0, and
// rep_id is NULL but in the reps' own (the customer's rep is joined).
func (t statTable) cols() string {
	c, r, i := "0 AS customer_id", "CAST(NULL AS INTEGER) AS rep_id", "0 AS item_id" // a typed NULL: PostgreSQL reads a bare one as text
	if t.customer {
		c = "customer_id"
	}
	if t.rep {
		r = "rep_id"
	}
	if t.item {
		i = "item_id"
	}
	return c + ", " + r + ", " + i
}

// receivedCol is the money received a row holds.
func (t statTable) receivedCol() string {
	if t.received {
		return "received"
	}
	return "0"
}

// pick picks t's rows of s (in t's own periods) and, of the scope's
// filters, those t can apply itself (a customer, goods, a rep), so its
// indexes read only them; the scope's where applies every filter again.
func (t statTable) pick(scope StatScope, s StatSpan) (string, []any) {
	conds := []string{t.at + " >= ?", t.at + " < ?"}
	args := []any{s.From, s.To}
	if t.onePeriod(s) {
		// One period by equality: its rows come in key order, so grouping
		// them by key sorts nothing.
		conds, args = []string{t.at + " = ?"}, []any{s.From}
	}
	for _, f := range scope.Filters {
		switch {
		case f.Dim == StatCustomer && t.customer:
			conds = append(conds, "customer_id = CAST(? AS INTEGER)")
		case f.Dim == StatItem && t.item:
			conds = append(conds, "item_id = CAST(? AS INTEGER)")
		case f.Dim == StatRep && t.rep:
			conds = append(conds, "rep_id = CAST(? AS INTEGER)")
		case f.Dim == StatRep && t.customer && statRepID(f.Key) > 0:
			// The rep's customers alone, through the customer-first
			// indexes (migration 0031): a rep's 24 months then read no
			// other rep's rows. Rep 0 (customers with none) stays with the
			// scope's where, which reads it as a NULL rep.
			conds = append(conds, "customer_id IN (SELECT id FROM customers WHERE rep_id = CAST(? AS INTEGER))")
		default:
			continue
		}
		args = append(args, f.Key)
	}
	return strings.Join(conds, " AND "), args
}

// statRepID is a rep filter's key as an id; 0 for none or not a number.
func statRepID(key string) int64 {
	id, err := strconv.ParseInt(key, 10, 64)
	if err != nil {
		return 0
	}
	return id
}

// onePeriod says whether s is one of t's periods exactly.
func (t statTable) onePeriod(s StatSpan) bool {
	layout, months := "2006-01", 1
	switch t.at {
	case "day":
		layout, months = time.DateOnly, 0
	case "quarter":
		months = 3
	case "year":
		layout, months = "2006", 12
	}
	from, err := time.Parse(layout, s.From)
	if err != nil {
		return false
	}
	next := from.AddDate(0, months, 0)
	if months == 0 {
		next = from.AddDate(0, 0, 1)
	}
	return next.Format(layout) == s.To
}
