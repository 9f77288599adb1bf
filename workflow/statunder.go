package workflow

import (
	"slices"
	"sort"

	"orderdesk/store"
)

// A view whose enter opens customers (by rep, city, terms, source, or
// the total) is read by customer and summed into its rows here, for
// much the same work as summing by its key in the database: what a row
// holds is then at hand for enter without a read. On 5,000 customers a
// rep's customers read alone are some 40 ms, past a key's 10 ms; taken
// from the view shown they are a filter of its customers.

// statUnder are the customers a view was summed from, with the row each
// counts in.
type statUnder struct {
	customers []store.StatRow // by key, as a view by customer reads them
	group     map[string]store.StatGroup
}

// summedFromCustomers says whether a view of scope is read by customer
// and summed: a dimension of the customer file whose enter opens
// customers.
func summedFromCustomers(scope store.StatScope) bool {
	next, ok := StatDrill(scope.Dim)
	return ok && next == store.StatCustomer && !scope.Goods()
}

// sumByGroup sums customers' rows into the rows of their groups, by key;
// a group whose figures sum to nothing in every period is left out, as
// the database leaves out a key with nothing in it.
func sumByGroup(customers []store.StatRow, group map[string]store.StatGroup, spans int) []store.StatRow {
	byKey := map[string]*store.StatRow{}
	for _, c := range customers {
		g := group[c.Key]
		r, ok := byKey[g.Key]
		if !ok {
			r = &store.StatRow{Key: g.Key, Label: g.Label, Figures: make([]store.StatFigures, spans)}
			byKey[g.Key] = r
		}
		for i, f := range c.Figures {
			r.Figures[i] = r.Figures[i].Add(f)
		}
	}
	out := make([]store.StatRow, 0, len(byKey))
	for _, r := range byKey {
		if slices.ContainsFunc(r.Figures, func(f store.StatFigures) bool { return !f.Zero() }) {
			out = append(out, *r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// withoutMoney is customers with every amount cleared, in slices of
// their own (the view told first shares them with the whole one).
func withoutMoney(customers []store.StatRow) []store.StatRow {
	out := make([]store.StatRow, len(customers))
	for i, c := range customers {
		out[i] = store.StatRow{Key: c.Key, Label: c.Label, Figures: make([]store.StatFigures, len(c.Figures))}
		for n, f := range c.Figures {
			out[i].Figures[n] = noMoney(f)
		}
	}
	return out
}

// Drilled is what enter on the row key opens, the customers under it,
// taken from the customers the view was summed from: the rows a read of
// that view tells first (its months not read). ok is false for a view
// not summed from its customers.
func (v StatView) Drilled(key string) (d StatView, ok bool) {
	if v.under == nil {
		return d, false
	}
	q := v.Query
	q.Dim = store.StatCustomer
	q.Filters = append(slices.Clone(q.Filters), store.StatFilter{Dim: v.Query.Dim, Key: key})
	q.Months = 0
	var rows []store.StatRow
	for _, c := range v.under.customers {
		if v.under.group[c.Key].Key == key {
			rows = append(rows, c)
		}
	}
	d = StatView{Query: q, Periods: v.Periods, MoneyWithheld: v.MoneyWithheld, GoodsOnly: v.GoodsOnly}
	return statViewOf(d, rows, nil, !v.MoneyWithheld), true
}
