package store

import "context"

// LineToBuy is an open order line planning answered "needs purchase",
// with what it answered on hand.
type LineToBuy struct {
	OrderRef  string
	LineNo    int
	Name      string
	Grade     string
	Spec      string
	Unit      string
	Qty       Milli
	Weight    Milli // tonnes
	Available Milli // on hand, in Unit
}

// OrderLinesToBuy lists the lines of contracts signed off and not yet
// done with (approved, signed, in fulfilment) whose latest stock answer
// is "needs purchase" and which are due by last ('YYYY-MM-DD'; a line
// with no delivery date counts), by product.
func (t *Tx) OrderLinesToBuy(ctx context.Context, last string) ([]LineToBuy, error) {
	return queryAll(ctx, t, func(sc scanner) (LineToBuy, error) {
		var l LineToBuy
		err := sc.Scan(&l.OrderRef, &l.LineNo, &l.Name, &l.Grade, &l.Spec, &l.Unit, &l.Qty, &l.Weight, &l.Available)
		return l, err
	}, `SELECT d.ref, ol.line_no, ol.name, ol.grade, ol.spec, ol.unit, ol.qty, ol.weight, a.available
	  FROM orders o JOIN documents d ON d.id = o.doc_id AND d.status IN ('approved', 'signed', 'in_fulfilment')
	  JOIN order_lines ol ON ol.doc_id = o.doc_id AND ol.removed = 0
	  JOIN order_stock_answers a ON a.id = (SELECT max(id) FROM order_stock_answers WHERE order_line_id = ol.id)
	 WHERE a.answer = ? AND (o.delivery_date = '' OR o.delivery_date <= ?)
	 ORDER BY ol.name, ol.grade, ol.spec, d.ref, ol.line_no`, StockPurchase, last)
}

// MonthPlanGroup is one product group of an approved month sales plan.
type MonthPlanGroup struct {
	PlanRef string
	RepID   int64
	Group   string
	Tonnes  Milli
}

// MonthPlanGroups lists the product groups of the approved month sales
// plans that meet first…last ('YYYY-MM-DD'), by rep and group.
func (t *Tx) MonthPlanGroups(ctx context.Context, first, last string) ([]MonthPlanGroup, error) {
	return queryAll(ctx, t, func(sc scanner) (MonthPlanGroup, error) {
		var g MonthPlanGroup
		err := sc.Scan(&g.PlanRef, &g.RepID, &g.Group, &g.Tonnes)
		return g, err
	}, `SELECT d.ref, p.rep_id, l.product_group, sum(l.tonnes)
	  FROM sales_plan_lines l JOIN sales_plans p ON p.doc_id = l.doc_id
	  JOIN documents d ON d.id = p.doc_id AND d.status = 'approved'
	 WHERE p.period = 'month' AND p.starts_on <= ? AND p.ends_on >= ? AND l.removed = 0 AND l.product_group <> ''
	 GROUP BY p.doc_id, d.ref, p.rep_id, l.product_group ORDER BY p.rep_id, l.product_group, d.ref`, last, first)
}
