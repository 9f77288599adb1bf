package store

import (
	"fmt"
	"slices"
	"strings"
)

// The sales statistics (销售统计) read the aggregates migration 0010 keeps
// (stat_days and its month roll-ups); README "Statistics: what each
// figure means" defines every figure.

// StatFigure is one measure: tonnes (kg, thousandths of a tonne) and money.
type StatFigure struct {
	Tonnes Milli
	Amount Money
}

// Add returns the sum of two figures.
func (f StatFigure) Add(g StatFigure) StatFigure {
	return StatFigure{Tonnes: f.Tonnes + g.Tonnes, Amount: f.Amount + g.Amount}
}

// StatFigures are every measure of one row for one span. Received and
// Open are money only (their Tonnes stay 0).
type StatFigures struct {
	Ordered  StatFigure // contracts signed (回传)
	Shipped  StatFigure // notes released, at what they bill
	Invoiced StatFigure // invoices issued
	Received StatFigure // money received
	Open     StatFigure // shipped less received up to the span's end (the statement's balance)
	Returned StatFigure // goods the warehouse received back, at what their lines take off shipped
}

// Add returns the sum of two rows' figures.
func (f StatFigures) Add(g StatFigures) StatFigures {
	return StatFigures{Ordered: f.Ordered.Add(g.Ordered), Shipped: f.Shipped.Add(g.Shipped),
		Invoiced: f.Invoiced.Add(g.Invoiced), Received: f.Received.Add(g.Received), Open: f.Open.Add(g.Open),
		Returned: f.Returned.Add(g.Returned)}
}

// Zero says whether every figure is zero.
func (f StatFigures) Zero() bool { return f == StatFigures{} }

// StatMeasure names one of the figures.
type StatMeasure string

// The measures.
const (
	StatOrdered  StatMeasure = "ordered"
	StatShipped  StatMeasure = "shipped"
	StatInvoiced StatMeasure = "invoiced"
	StatReceived StatMeasure = "received"
	StatOpen     StatMeasure = "open"
	StatReturned StatMeasure = "returned"
)

// StatMeasures are every measure, in the order a screen shows them
// (returned last, so the keys of the others stay as they were).
var StatMeasures = []StatMeasure{StatOrdered, StatShipped, StatInvoiced, StatReceived, StatOpen, StatReturned}

// Of picks one measure.
func (f StatFigures) Of(m StatMeasure) StatFigure { return *f.at(m) }

// MoneyOnly says m has no tonnes, only money: received and owed, which
// are a customer's, not a line's.
func (m StatMeasure) MoneyOnly() bool { return m == StatReceived || m == StatOpen }

// at is where one measure is kept.
func (f *StatFigures) at(m StatMeasure) *StatFigure {
	switch m {
	case StatOrdered:
		return &f.Ordered
	case StatShipped:
		return &f.Shipped
	case StatInvoiced:
		return &f.Invoiced
	case StatReceived:
		return &f.Received
	case StatReturned:
		return &f.Returned
	default:
		return &f.Open
	}
}

// StatDim is a dimension figures are split by.
type StatDim string

// The dimensions. The customer's (customer, rep, city, province, terms,
// source)
// are read from the customer file as it is now; the goods' (grade, name,
// spec, item) from the lines. StatAll is one row: the total.
const (
	StatAll      StatDim = "all"
	StatCustomer StatDim = "customer"
	StatRep      StatDim = "rep"      // the customer's rep (key 0: none)
	StatCity     StatDim = "city"     // the customer's city
	StatProvince StatDim = "province" // the customer's province (region)
	StatTerms    StatDim = "terms"    // the customer's payment terms: prepaid, monthly
	StatSource   StatDim = "source"   // where the customer came from (来源); "" not recorded
	StatGrade    StatDim = "grade"    // 牌号
	StatName     StatDim = "name"     // the goods' name (热轧钢板 …)
	StatSpec     StatDim = "spec"     // 规格
	StatItem     StatDim = "item"     // grade, name and spec together
)

// StatDims are every dimension.
var StatDims = []StatDim{StatAll, StatCustomer, StatRep, StatCity, StatProvince, StatTerms, StatSource, StatGrade, StatName, StatSpec, StatItem}

// statDimSQL is how a dimension reads on a row source x (customer_id,
// item_id) joined with customers c, users u (the rep) and stat_items i.
type statDimSQL struct {
	key, label, filter string
	goods              bool // split by the lines' goods: money received and owed are not
	intKey             bool // its key is an integer (an id)
}

var statDimsSQL = map[StatDim]statDimSQL{
	StatAll:      {key: `''`, label: `''`, filter: `? = ''`},
	StatCustomer: {key: `x.customer_id`, label: `c.name`, filter: `x.customer_id = CAST(? AS INTEGER)`, intKey: true},
	StatRep: {key: `coalesce(x.rep_id, c.rep_id, 0)`, label: `coalesce(u.name, '')`,
		filter: `coalesce(x.rep_id, c.rep_id, 0) = CAST(? AS INTEGER)`, intKey: true},
	StatCity:     {key: `c.city`, label: `c.city`, filter: `c.city = ?`},
	StatProvince: {key: `c.province`, label: `c.province`, filter: `c.province = ?`},
	StatTerms:    {key: `c.payment_terms`, label: `c.payment_terms`, filter: `c.payment_terms = ?`},
	StatSource:   {key: `c.source`, label: `c.source`, filter: `c.source = ?`},
	StatGrade:    {key: `i.grade`, label: `i.grade`, filter: `i.grade = ?`, goods: true},
	StatName:     {key: `i.name`, label: `i.name`, filter: `i.name = ?`, goods: true},
	StatSpec:     {key: `i.spec`, label: `i.spec`, filter: `i.spec = ?`, goods: true},
	StatItem: {key: `x.item_id`, label: `trim(i.grade || ' ' || i.name || ' ' || i.spec)`,
		filter: `x.item_id = CAST(? AS INTEGER)`, goods: true, intKey: true},
}

// Goods says whether d splits by the lines' goods, where money received
// and owed have no place (they are a customer's, not a line's).
func (d StatDim) Goods() bool { return statDimsSQL[d].goods }

// Valid says whether d is a known dimension.
func (d StatDim) Valid() bool { _, ok := statDimsSQL[d]; return ok }

// StatFilter keeps the rows whose Dim has Key: a drill-down's path (a
// rep, then one of their customers) and a rep's own customers.
type StatFilter struct {
	Dim StatDim
	Key string
}

// StatScope is a dimension and the filters on it.
type StatScope struct {
	Dim     StatDim
	Filters []StatFilter
}

// statSides is what a scope touches: the customer file beyond the rep,
// the rep, the goods (StatAll touches nothing).
type statSides struct{ customer, rep, goods bool }

func (s StatScope) sides() (sd statSides) {
	for _, d := range append([]StatDim{s.Dim}, filterDims(s.Filters)...) {
		switch {
		case d == StatAll:
		case d == StatRep:
			sd.rep = true
		case d.Goods():
			sd.goods = true
		default:
			sd.customer = true
		}
	}
	return sd
}

// Goods says whether the scope splits by goods anywhere (its dimension
// or a filter): money received and owed are then not shown.
func (s StatScope) Goods() bool { return s.sides().goods }

func filterDims(fs []StatFilter) []StatDim {
	out := make([]StatDim, len(fs))
	for i, f := range fs {
		out[i] = f.Dim
	}
	return out
}

func (s StatScope) check() error {
	for _, d := range append([]StatDim{s.Dim}, filterDims(s.Filters)...) {
		if !d.Valid() {
			return fmt.Errorf("statistics: unknown dimension %q", d)
		}
	}
	return nil
}

// where is the scope's filters as SQL on x, c, u, i with their values;
// a goods scope leaves out the rows of no goods (receipts).
func (s StatScope) where() (string, []any) {
	conds := []string{"1 = 1"} // PostgreSQL's WHERE takes no number
	var args []any
	if s.Goods() {
		conds = append(conds, "x.item_id <> 0")
	}
	for _, f := range s.Filters {
		conds = append(conds, statDimsSQL[f.Dim].filter)
		args = append(args, f.Key)
	}
	return strings.Join(conds, " AND "), args
}

// joins joins a row source x (customer_id, rep_id, item_id: a rep's
// roll-up has no customer, the others no rep of their own) to what the
// scope's dimension (with its label when label) and filters read, and
// nothing else: a trend of every customer reads no other table.
func (s StatScope) joins(label bool) string {
	var used []string
	for _, d := range append([]StatDim{s.Dim}, filterDims(s.Filters)...) {
		sq := statDimsSQL[d]
		used = append(used, sq.key, sq.filter)
		if label && d == s.Dim {
			used = append(used, sq.label)
		}
	}
	reads := func(alias string) bool {
		return slices.ContainsFunc(used, func(e string) bool { return strings.Contains(e, alias+".") })
	}
	var j string
	if reads("c") || reads("u") {
		j += ` LEFT JOIN customers c ON c.id = x.customer_id`
	}
	if reads("u") {
		j += ` LEFT JOIN users u ON u.id = coalesce(x.rep_id, c.rep_id)`
	}
	if reads("i") {
		j += ` LEFT JOIN stat_items i ON i.id = x.item_id`
	}
	return j
}
