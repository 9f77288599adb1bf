package workflow

import (
	"context"
	"strconv"
	"time"

	"orderdesk/store"
)

// StatQuery asks for one statistics view (销售统计): every measure, split
// by Dim, for Period beside the period before it and the same period a
// year earlier. Filters are the drill-down's path so far (a rep, then
// one of their customers).
type StatQuery struct {
	Dim     store.StatDim
	Filters []store.StatFilter
	Period  Period
	Open    bool // money owed at each period's end (one more scan of the history)
	Months  int  // months of trend per row (the sparklines), ending with the period's last month; 0 for none
	// TrendOf are the measures the trend reads (none: all); a sparkline
	// of one measure reads less. Open's months (what each owed at each
	// month's end) come when Open is asked too.
	TrendOf []store.StatMeasure
}

// Which period of a view.
const (
	StatNow      = 0 // the period asked
	StatPrevious = 1 // the period before it
	StatLastYear = 2 // the same period a year earlier
)

// StatRow is one key of the dimension: its figures in the three periods
// and, when asked, its trend month by month (oldest first).
type StatRow struct {
	Key, Label string
	Figures    [3]store.StatFigures // StatNow, StatPrevious, StatLastYear
	Trend      []store.StatFigures
}

// Change is how a measure moved from the period compared with (StatPrevious
// or StatLastYear) to now.
func (r StatRow) Change(m store.StatMeasure, against int) store.StatFigure {
	now, then := r.Figures[StatNow].Of(m), r.Figures[against].Of(m)
	return store.StatFigure{Tonnes: now.Tonnes - then.Tonnes, Amount: now.Amount - then.Amount}
}

// StatView is what a statistics view shows.
type StatView struct {
	Query     StatQuery
	Periods   [3]Period // StatNow, StatPrevious, StatLastYear
	Rows      []StatRow // the keys with something in the three periods, by key; SortStatRows orders them by any column
	Total     StatRow   // the sum of Rows; its Trend the sum of every key's
	TrendFrom string    // YYYY-MM, the first month of each row's Trend
	// NoData says that nothing counts in any of the three periods: the
	// view shows zeros and says so.
	NoData bool
	// MoneyWithheld says the user may not see money: every amount is
	// withheld (left zero), and received and open, money only, are not
	// shown at all. Tonnes stand.
	MoneyWithheld bool
	// GoodsOnly says the view is split by goods (a grade, a product):
	// money received and owed belong to customers, not lines, and are
	// not shown.
	GoodsOnly bool
	under     *statUnder // the customers the rows were summed from, if they were
}

// statAccess is what u may see of the statistics: everything, a rep's
// own customers (ownRep), or tonnes without money.
func statAccess(u store.User) (ownRep int64, money bool) {
	switch {
	case hasAnyRole(u, []Role{Clerk, Supervisor, Finance}):
		return 0, true
	case u.HasRole(string(SalesRep)):
		return u.ID, true
	default:
		return 0, false
	}
}

// scope is the query's dimension and filters, held to the user's own
// customers when they are a rep.
func (d *Desk) statScope(dim store.StatDim, filters []store.StatFilter) (store.StatScope, bool, error) {
	if dim == "" {
		dim = store.StatAll
	}
	s := store.StatScope{Dim: dim, Filters: filters}
	for _, x := range append([]store.StatDim{dim}, statFilterDims(filters)...) {
		if !x.Valid() {
			return s, false, &FieldError{Field: FStatDim, Code: InvalidChoice}
		}
	}
	rep, money := statAccess(d.User)
	if rep != 0 {
		s.Filters = append([]store.StatFilter{{Dim: store.StatRep, Key: strconv.FormatInt(rep, 10)}}, filters...)
	}
	return s, money, nil
}

// FStatDim is the field a dimension is chosen in.
const FStatDim = "stat_dim"

func statFilterDims(fs []store.StatFilter) []store.StatDim {
	out := make([]store.StatDim, len(fs))
	for i, f := range fs {
		out[i] = f.Dim
	}
	return out
}

// Statistics reads a view. A period with nothing in it gives zero rows
// and NoData, never an error.
func (d *Desk) Statistics(ctx context.Context, q StatQuery) (StatView, error) {
	return d.StatisticsRowsFirst(ctx, q, nil)
}

// StatisticsRowsFirst is Statistics telling rows, once every row and
// figure is read (what each owes too) and before the months are, the
// view without them (no trend): a screen shows it, and keys act on its
// rows, while the months are read. The whole view has the same rows
// unless a write came between the reads, when they are read again and
// the rows told again.
func (d *Desk) StatisticsRowsFirst(ctx context.Context, q StatQuery, rows func(StatView)) (v StatView, err error) {
	if err = permitScreen(d.User, ScreenStatistics); err != nil {
		return v, err
	}
	scope, money, err := d.statScope(q.Dim, q.Filters)
	if err != nil {
		return v, err
	}
	q.Dim = scope.Dim
	if q.Period.Kind == "" {
		q.Period = PeriodOf(PeriodMonth, d.e.today())
	}
	v = StatView{Query: q, Periods: [3]Period{q.Period, q.Period.Previous(), q.Period.LastYear()},
		MoneyWithheld: !money, GoodsOnly: scope.Goods()}
	spans := []store.StatSpan{v.Periods[0].Span(), v.Periods[1].Span(), v.Periods[2].Span()}
	endsWithMonths := false // the period ends where the trend's last month does
	if q.Months > 0 {
		end := time.Date(q.Period.Last().Year(), q.Period.Last().Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		v.TrendFrom = end.AddDate(0, -q.Months, 0).Format("2006-01")
		endsWithMonths = spans[0].To == end.Format(time.DateOnly)
	}
	var figures []store.StatRow
	var owedHalves [2][]store.StatRow
	var group map[string]store.StatGroup
	rowScope, summed := scope, summedFromCustomers(scope)
	if summed {
		rowScope.Dim = store.StatCustomer
	}
	parts := []func(*store.Tx) error{func(tx *store.Tx) (err error) {
		figures, err = tx.StatRows(ctx, rowScope, spans, false)
		return err
	}}
	if q.Open && money {
		for n := range owedHalves {
			parts = append(parts, func(tx *store.Tx) (err error) {
				owedHalves[n], err = tx.StatOwedHalf(ctx, rowScope, spans, n)
				return err
			})
		}
	}
	if summed {
		parts = append(parts, func(tx *store.Tx) (err error) {
			group, err = tx.StatCustomerGroups(ctx, scope)
			return err
		})
	}
	owedPart, owedFill := owedMonths(ctx, q, scope, money, v.TrendFrom, endsWithMonths)
	// viewOf is v with the rows read, summed when read by customer, and
	// what each owed month by month put into the trend's months.
	viewOf := func(v StatView, trend map[string][]store.StatFigures) StatView {
		rows := store.WithStatOwed(figures, store.SumStatOwed(owedHalves[0], owedHalves[1]))
		if !summed {
			owedFill(trend, rows)
			return statViewOf(v, rows, trend, money)
		}
		grouped := sumByGroup(rows, group, len(spans))
		owedFill(trend, grouped)
		v = statViewOf(v, grouped, trend, money)
		if !money {
			rows = withoutMoney(rows)
		}
		v.under = &statUnder{customers: rows, group: group}
		return v
	}
	stages := [][]func(*store.Tx) error{parts}
	trendParts, joinTrend := statTrendParts(ctx, scope, v.TrendFrom, q.Months, trendMeasures(q.TrendOf))
	if owedPart != nil {
		trendParts = append(trendParts, owedPart)
	}
	if len(trendParts) > 0 {
		stages = append(stages, trendParts)
	}
	// The parts read side by side, the rows' first, in snapshots of one
	// history: on 5,000 customers the figures and each half of what each
	// owes are some 30 ms of work, each half of the months 80.
	var told func(stage int) // a caller who shows the rows is told them
	if rows != nil && len(stages) > 1 {
		told = func(stage int) {
			if stage == 0 {
				alone := v
				alone.Query.Months, alone.TrendFrom = 0, ""
				rows(viewOf(alone, nil))
			}
		}
	}
	if err = d.e.st.ReadInStages(ctx, told, stages...); err != nil {
		return v, err
	}
	return viewOf(v, joinTrend()), nil
}

// statViewOf is v with the rows read and their trend (months of
// v.Query), the total of both, and money withheld unless money.
func statViewOf(v StatView, rows []store.StatRow, trend map[string][]store.StatFigures, money bool) StatView {
	months := v.Query.Months
	v.Rows = make([]StatRow, 0, len(rows))
	for _, r := range rows {
		row := StatRow{Key: r.Key, Label: r.Label, Trend: trend[r.Key]}
		copy(row.Figures[:], r.Figures)
		if months > 0 && row.Trend == nil {
			row.Trend = make([]store.StatFigures, months)
		}
		v.Rows = append(v.Rows, row)
	}
	v.Total = statTotal(v.Rows, trend, months)
	v.NoData = len(v.Rows) == 0
	if !money {
		for i := range v.Rows {
			withholdMoney(&v.Rows[i])
		}
		withholdMoney(&v.Total)
	}
	return v
}

// statTotal adds every row's figures, and the trend of every key: one
// with something in the trend's months but nothing in the three periods
// has no row, and counts in the total's trend all the same.
func statTotal(rows []StatRow, trend map[string][]store.StatFigures, months int) StatRow {
	t := StatRow{Trend: make([]store.StatFigures, months)}
	for _, r := range rows {
		for i := range t.Figures {
			t.Figures[i] = t.Figures[i].Add(r.Figures[i])
		}
	}
	for _, series := range trend {
		for i := range series {
			t.Trend[i] = t.Trend[i].Add(series[i])
		}
	}
	return t
}

// withholdMoney clears every amount of a row the user may not see.
func withholdMoney(r *StatRow) {
	for i := range r.Figures {
		r.Figures[i] = noMoney(r.Figures[i])
	}
	for i := range r.Trend {
		r.Trend[i] = noMoney(r.Trend[i])
	}
}

func noMoney(f store.StatFigures) store.StatFigures {
	return store.StatFigures{Ordered: store.StatFigure{Tonnes: f.Ordered.Tonnes}, Shipped: store.StatFigure{Tonnes: f.Shipped.Tonnes},
		Invoiced: store.StatFigure{Tonnes: f.Invoiced.Tonnes}, Returned: store.StatFigure{Tonnes: f.Returned.Tonnes}}
}

// StatisticsTrace lists the documents that make one figure of a view:
// measure m of the row key (of q's dimension) in one of its periods
// (StatNow, StatPrevious, StatLastYear). Their sum is the figure. A rep
// sees their own customers' documents only; a user who may not see
// money sees the documents with their tonnes and no amounts, and no
// receipts.
func (d *Desk) StatisticsTrace(ctx context.Context, q StatQuery, key string, m store.StatMeasure, which int) ([]store.StatDoc, error) {
	if err := permitScreen(d.User, ScreenStatistics); err != nil {
		return nil, err
	}
	scope, money, err := d.statScope(q.Dim, q.Filters)
	if err != nil {
		return nil, err
	}
	scope.Filters = append(scope.Filters, store.StatFilter{Dim: scope.Dim, Key: key})
	if q.Period.Kind == "" {
		q.Period = PeriodOf(PeriodMonth, d.e.today())
	}
	period := [3]Period{q.Period, q.Period.Previous(), q.Period.LastYear()}[min(max(which, 0), 2)]
	if !money && m.MoneyOnly() {
		return nil, nil
	}
	docs, err := read(ctx, d.e, func(tx *store.Tx) ([]store.StatDoc, error) { return tx.StatTrace(ctx, scope, m, period.Span()) })
	if !money {
		for i := range docs {
			docs[i].Amount = 0
		}
	}
	return docs, err
}

// StatDrill is the dimension enter opens under a row of dim: a rep's,
// a city's, a terms' or a source's customers, a province's cities, a grade's, a
// name's or a spec's products, a product's customers. A customer's row opens its documents (StatisticsTrace), so
// it has none (ok false).
func StatDrill(dim store.StatDim) (next store.StatDim, ok bool) {
	switch dim {
	case store.StatAll, store.StatRep, store.StatCity, store.StatTerms, store.StatSource, store.StatItem:
		return store.StatCustomer, true
	case store.StatProvince:
		return store.StatCity, true
	case store.StatGrade, store.StatName, store.StatSpec:
		return store.StatItem, true
	}
	return "", false
}
