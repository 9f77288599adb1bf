package demo

import (
	"context"
	"testing"
)

// TestGenerateOrders: the demo's orders are what the summary says, in
// every state, and obey the desk's rules: contracts signed off by a
// supervisor who did not make them, numbers gapless in each series,
// revisions and cancellations signed off, orders from won quotes.
func TestGenerateOrders(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	opts := options(120, 60, 3)
	opts.Orders, opts.OrderVolume = 60, 400
	eng, sum, db := generated(t, opts)
	ctx := context.Background()
	wantCounts(t, db, []countCheck{
		{"orders", `SELECT count(*) FROM orders WHERE revision = 1`, sum.Orders},
		{"from won quotes", `SELECT count(*) FROM orders WHERE quote_doc_id IS NOT NULL`, sum.OrdersFromQuotes},
		{"numbered", `SELECT count(*) FROM order_numbers`, sum.OrdersNumbered},
		{"cancelled", `SELECT count(*) FROM documents WHERE kind = 'order' AND status = 'cancelled'`, sum.Cancelled},
		{"revised", `SELECT count(*) FROM documents WHERE kind = 'order' AND status = 'revised'`, sum.Revised},
		{"stock-up requests", `SELECT count(*) FROM stock_requests`, sum.StockRequests},
		{"signed-off contracts", `SELECT count(*) FROM documents d WHERE d.kind = 'order' AND d.status NOT IN ('draft', 'submitted')
		   AND EXISTS (SELECT 1 FROM transitions tr JOIN users u ON u.id = tr.actor_id WHERE tr.doc_id = d.id AND tr.action = 'approve'
		               AND tr.signoff = 1 AND tr.actor_id <> d.maker_id AND instr(u.roles, ',supervisor,') > 0)`,
			count(t, db, `SELECT count(*) FROM documents WHERE kind = 'order' AND status NOT IN ('draft', 'submitted')`)},
		{"gaps in a series", `SELECT count(*) FROM order_series s WHERE s.last_seq <> (SELECT count(*) FROM order_numbers WHERE series = s.series)
		   OR s.last_seq <> (SELECT max(seq) FROM order_numbers WHERE series = s.series)`, 0},
		{"won quotes still won", `SELECT count(*) FROM orders o JOIN documents d ON d.id = o.quote_doc_id WHERE d.status <> 'won'`, 0},
		{"totals that do not add up", `SELECT count(*) FROM orders o WHERE o.total <> (SELECT coalesce(sum(amount), 0) FROM order_lines WHERE doc_id = o.doc_id AND removed = 0)`, 0},
		{"signed without a sign-back", `SELECT count(*) FROM documents d WHERE d.kind = 'order' AND d.status IN ('signed', 'in_fulfilment', 'closed')
		   AND NOT EXISTS (SELECT 1 FROM order_signbacks WHERE order_doc_id = d.id)`, 0},
		{"numbered but still provisional", `SELECT count(*) FROM orders o JOIN documents d ON d.id = o.doc_id
		   JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id) WHERE d.ref NOT LIKE n.order_no || '%'`, 0},
		{"indexed for the filter", `SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_search WHERE doc_id = o.doc_id)`, 0},
	})
	wantStatuses(t, db, "order", "order", "draft", "submitted", "approved", "signed", "in_fulfilment", "closed", "cancelled", "revised")
	if sum.OrdersFromQuotes == 0 || sum.StockRequests == 0 {
		t.Errorf("summary %+v", sum)
	}
	res, err := eng.Store().VerifyAudit(ctx)
	if err != nil || res.BrokenAt != 0 {
		t.Fatalf("audit: %+v %v", res, err)
	}
}
