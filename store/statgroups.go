package store

import "context"

// StatGroup is one key of a dimension with its label, as StatRows names
// a row.
type StatGroup struct{ Key, Label string }

// StatCustomerGroups names, for each customer the scope's filters keep
// (by its key as StatRows gives it under StatCustomer), its key and
// label under the scope's dimension: summed by them, the rows of a view
// by customer are the view by the dimension, and the customers of any
// one of its rows are at hand without a read (a rep's, a city's). Only
// for a dimension of the customer file; none for goods.
func (t *Tx) StatCustomerGroups(ctx context.Context, scope StatScope) (map[string]StatGroup, error) {
	if err := scope.check(); err != nil || scope.Goods() {
		return nil, err
	}
	dim := statDimsSQL[scope.Dim]
	where, args := scope.where()
	q := `SELECT x.customer_id, coalesce(` + dim.key + `, ''), coalesce(` + dim.label + `, '')
	  FROM (SELECT id AS customer_id, CAST(NULL AS INTEGER) AS rep_id, 0 AS item_id FROM customers) x` +
		scope.joins(true) + ` WHERE ` + where
	out := map[string]StatGroup{}
	err := t.each(ctx, q, args, func(sc scanner) error {
		var customer string
		var g StatGroup
		if err := sc.Scan(&customer, &g.Key, &g.Label); err != nil {
			return err
		}
		out[customer] = g
		return nil
	})
	return out, err
}
