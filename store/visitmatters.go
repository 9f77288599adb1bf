package store

import "context"

// OpenMatter is something left open on a customer's file that a visit
// should settle (记清是否有以前遗留的问题): a complaint not closed, an
// invoice past its due day with money still open, a quote waiting for
// the customer's answer.
type OpenMatter struct {
	Kind  string // complaint, invoice, quote
	Ref   string // the complaint's or quote's ref, the invoice's number
	Day   string // recorded, due, sent (YYYY-MM-DD)
	About string // a complaint's type; "" otherwise
}

// OpenMatters lists a customer's open matters as of day (YYYY-MM-DD),
// the oldest of each kind first.
func (t *Tx) OpenMatters(ctx context.Context, customerID int64, day string) ([]OpenMatter, error) {
	return queryAll(ctx, t, func(sc scanner) (OpenMatter, error) {
		var m OpenMatter
		err := sc.Scan(&m.Kind, &m.Ref, &m.Day, &m.About)
		return m, err
	}, `SELECT 'complaint', d.ref, substr(x.created_at, 1, 10), x.type
	  FROM complaints x JOIN documents d ON d.id = x.doc_id
	 WHERE x.customer_id = ? AND d.status IN ('open', 'in_hand', 'resolved')
	UNION ALL
	SELECT 'invoice', b.invoice_no, b.due_on, ''
	  FROM invoice_balances b WHERE b.customer_id = ? AND b.open > 0 AND b.due_on < ? AND b.invoice_no <> ''
	UNION ALL
	SELECT 'quote', d.ref, substr(d.status_since, 1, 10), ''
	  FROM quotes q JOIN documents d ON d.id = q.doc_id
	 WHERE q.customer_id = ? AND d.status = 'sent'
	 ORDER BY 1, 3, 2 LIMIT 30`, customerID, customerID, day, customerID)
}
