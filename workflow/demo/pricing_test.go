package demo

import (
	"context"
	"testing"

	"orderdesk/store"
)

// TestGeneratePricing: the demo's price list, market prices, inquiries
// and quotes are what the summary says, and every one of them obeys the
// desk's rules: quotes signed off by a supervisor other than their
// maker, sent and won prices in the history, inquiries following their
// quotes, revisions kept.
func TestGeneratePricing(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	opts := desk120.opts
	eng, sum, db := desk120.copyFor(t)
	ctx := context.Background()
	wantCounts(t, db, []countCheck{
		{"inquiries", `SELECT count(*) FROM inquiries`, sum.Inquiries},
		{"first versions", `SELECT count(*) FROM quotes WHERE revision = 1`, sum.Quotes},
		{"revisions", `SELECT count(*) FROM quotes WHERE revision > 1`, sum.Revisions},
		{"won", `SELECT count(*) FROM documents WHERE kind = 'quote' AND status = 'won'`, sum.Won},
		{"lost", `SELECT count(*) FROM documents WHERE kind = 'quote' AND status = 'lost'`, sum.Lost},
		{"list prices", `SELECT count(*) FROM price_list`, sum.ListPrices},
		{"market prices", `SELECT count(*) FROM market_prices`, sum.MarketPrices},
		{"price requests", `SELECT count(*) FROM price_requests`, sum.PriceRequests},
		{"pending price changes", `SELECT count(*) FROM documents WHERE kind = 'price_change' AND status = 'submitted'`, sum.PendingPrices},
		// Every version past review was signed off by a supervisor who
		// did not make it.
		{"signed-off quotes", `SELECT count(*) FROM documents d WHERE d.kind = 'quote' AND d.status NOT IN ('draft', 'submitted')
		   AND EXISTS (SELECT 1 FROM transitions tr JOIN users u ON u.id = tr.actor_id WHERE tr.doc_id = d.id AND tr.action = 'approve'
		               AND tr.signoff = 1 AND tr.actor_id <> d.maker_id AND instr(u.roles, ',supervisor,') > 0)`,
			count(t, db, `SELECT count(*) FROM documents WHERE kind = 'quote' AND status NOT IN ('draft', 'submitted')`)},
		// Every sent version's prices are in the history; won ones as sold.
		{"quoted history", `SELECT count(DISTINCT quote_doc_id) FROM customer_prices WHERE kind = 'quoted'`,
			count(t, db, `SELECT count(*) FROM documents d WHERE d.kind = 'quote' AND EXISTS (SELECT 1 FROM transitions WHERE doc_id = d.id AND action = 'mark_sent')`)},
		{"sold history", `SELECT count(DISTINCT quote_doc_id) FROM customer_prices WHERE kind = 'sold'`, sum.Won},
		// An inquiry whose latest quote is sent is quoted; won, won.
		{"inquiries following their quotes", `SELECT count(*) FROM inquiries i JOIN documents di ON di.id = i.doc_id
		   JOIN documents dq ON dq.id = (SELECT max(doc_id) FROM quotes WHERE inquiry_doc_id = i.doc_id)
		  WHERE (dq.status = 'sent' AND di.status <> 'quoted') OR (dq.status = 'won' AND di.status <> 'won')
		     OR (dq.status = 'lost' AND di.status <> 'lost') OR (dq.status IN ('draft', 'submitted', 'approved') AND di.status <> 'quoting')`, 0},
		{"revised versions kept", `SELECT count(*) FROM documents WHERE kind = 'quote' AND status = 'revised'`, sum.Revisions},
		{"lines not priced outside drafts", `SELECT count(*) FROM quote_lines l JOIN documents d ON d.id = l.doc_id
		  WHERE l.price IS NULL AND d.status <> 'draft'`, 0},
	})
	if sum.Inquiries != opts.Inquiries || sum.Quotes == 0 || sum.Won == 0 || sum.Lost == 0 || sum.Revisions == 0 || sum.MarketPrices == 0 {
		t.Errorf("a thin demo: %+v", sum)
	}
	// Something to do on every side: quotes to sign off, requests to
	// answer or not, quotes to chase.
	var boss, clerk store.User
	eng.Store().Read(ctx, func(tx *store.Tx) error {
		boss, _ = tx.UserByLogin(ctx, "zhao")
		clerk, _ = tx.UserByLogin(ctx, "wangli")
		return nil
	})
	items, err := eng.Desk(boss).Inbox(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, it := range items {
		kinds[it.Kind]++
	}
	if kinds[store.QuoteKind] == 0 || kinds[store.PriceChangeKind] != 1 {
		t.Errorf("supervisor's inbox: %v", kinds)
	}
	follow, err := eng.Desk(clerk).QuotesToFollowUp(ctx, today, 3)
	if err != nil || len(follow) == 0 {
		t.Errorf("nothing to follow up: %v", err)
	}
	open, err := eng.Desk(clerk).OpenInquiries(ctx, store.Page{})
	if err != nil || len(open) == 0 {
		t.Errorf("no open inquiries: %v", err)
	}
	// A product with market prices has a full price context.
	var grade, name, spec string
	var cust int64
	if err := db.QueryRow(`SELECT grade, name, spec FROM market_prices ORDER BY id DESC LIMIT 1`).Scan(&grade, &name, &spec); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT min(id) FROM customers`).Scan(&cust); err != nil {
		t.Fatal(err)
	}
	pc, err := eng.Desk(clerk).PriceContext(ctx, cust, grade, name, spec)
	if err != nil || pc.List == nil || len(pc.Market) == 0 {
		t.Errorf("price context of %s %s: %+v %v", grade, spec, pc, err)
	}
	if res, err := eng.Store().VerifyAudit(ctx); err != nil || res.BrokenAt != 0 {
		t.Errorf("audit: %+v %v", res, err)
	}
}
