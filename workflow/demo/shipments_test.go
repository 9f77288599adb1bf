package demo

import (
	"context"
	"testing"
)

// TestGenerateShipments: the demo's delivery notes are what the summary
// says, in every state of shipping, and obey the desk's rules: signed
// off by a supervisor who did not make them, released only through the
// gate, nothing shipped beyond an order line, parts that add up.
func TestGenerateShipments(t *testing.T) {
	t.Parallel() // each generates into a database of its own
	opts := options(120, 60, 3)
	opts.Orders, opts.Shipments, opts.ShipmentVolume = 80, 40, 300
	eng, sum, db := generated(t, opts)
	ctx := context.Background()
	wantCounts(t, db, []countCheck{
		{"notes", `SELECT count(*) FROM delivery_notes`, sum.Notes},
		{"payments", `SELECT count(*) FROM payment_confirmations`, sum.Payments},
		{"overrides", `SELECT count(*) FROM shipping_overrides`, sum.Overrides},
		{"left the warehouse", `SELECT count(*) FROM documents WHERE kind = 'delivery_note' AND status IN ('in_transit', 'delivered')`, sum.Shipped},
		{"released without a release record", `SELECT count(*) FROM documents d WHERE d.kind = 'delivery_note'
		   AND d.status IN ('released', 'loaded', 'in_transit', 'delivered') AND NOT EXISTS (SELECT 1 FROM delivery_releases WHERE note_doc_id = d.id)`, 0},
		{"signed off by the maker", `SELECT count(*) FROM transitions t JOIN documents d ON d.id = t.doc_id
		   WHERE d.kind = 'delivery_note' AND t.signoff = 1 AND t.actor_id = d.maker_id`, 0},
		{"over-shipped lines", `SELECT count(*) FROM order_lines l WHERE l.qty < (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl
		   JOIN documents d ON d.id = dl.doc_id WHERE dl.order_line_id = l.id AND dl.removed = 0 AND d.status <> 'void')`, 0},
		{"shipped orders with open lines", `SELECT count(*) FROM documents o WHERE o.kind = 'order' AND o.status = 'shipped' AND EXISTS (
		   SELECT 1 FROM order_lines l WHERE l.doc_id = o.id AND l.qty > (SELECT coalesce(sum(dl.qty), 0) FROM delivery_lines dl
		   JOIN documents d ON d.id = dl.doc_id WHERE dl.order_line_id = l.id AND d.status IN ('in_transit', 'delivered')))`, 0},
		{"orders waiting for a note, as the triggers keep them", `SELECT count(*) FROM (
		   SELECT d.id FROM documents d WHERE d.kind = 'order' AND d.status IN ('signed', 'in_fulfilment', 'partly_shipped') AND EXISTS (
		     SELECT 1 FROM order_lines l WHERE l.doc_id = d.id AND l.removed = 0 AND l.qty > (SELECT coalesce(sum(dl.qty), 0)
		       FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void'))
		   EXCEPT SELECT order_doc_id FROM shipping_open_orders)`, 0},
		{"orders listed as waiting that are not", `SELECT count(*) FROM shipping_open_orders so JOIN documents d ON d.id = so.order_doc_id
		   WHERE d.status NOT IN ('signed', 'in_fulfilment', 'partly_shipped') OR NOT EXISTS (
		     SELECT 1 FROM order_lines l WHERE l.doc_id = d.id AND l.removed = 0 AND l.qty > (SELECT coalesce(sum(dl.qty), 0)
		       FROM delivery_lines dl JOIN documents nd ON nd.id = dl.doc_id WHERE dl.order_line_id = l.id AND dl.removed = 0 AND nd.status <> 'void'))`, 0},
		{"totals that do not add up", `SELECT count(*) FROM delivery_notes n WHERE n.total <> (SELECT coalesce(sum(amount), 0) FROM delivery_lines WHERE doc_id = n.doc_id AND removed = 0)`, 0},
	})
	// Contracts on both weighing bases have loaded notes, and each bills
	// by its own: 磅计 a weight off the note's, 理计 the note's.
	for _, basis := range []string{"weighed", "theoretical"} {
		if n := count(t, db, `SELECT count(*) FROM delivery_line_billed b JOIN delivery_loads x ON x.delivery_line_id = b.id
		     JOIN order_lines l ON l.id = b.order_line_id JOIN orders o ON o.doc_id = l.doc_id
		    WHERE o.weighing = ? AND b.weight <> (SELECT weight FROM delivery_lines WHERE id = b.id)`, basis); (n == 0) != (basis == "theoretical") {
			t.Errorf("%d loaded lines on %s bill a weight other than the note's", n, basis)
		}
		if n := count(t, db, `SELECT count(*) FROM delivery_loads x JOIN delivery_lines dl ON dl.id = x.delivery_line_id
		     JOIN order_lines l ON l.id = dl.order_line_id JOIN orders o ON o.doc_id = l.doc_id WHERE o.weighing = ?`, basis); n == 0 {
			t.Errorf("no loaded line on %s", basis)
		}
	}
	wantStatuses(t, db, "delivery_note", "note", "draft", "submitted", "approved", "released", "loaded", "in_transit", "delivered")
	wantStatuses(t, db, "order", "order", "partly_shipped", "shipped")
	if sum.Notes < 300 || sum.Overrides != 2 || sum.Payments == 0 {
		t.Errorf("summary %+v", sum)
	}
	res, err := eng.Store().VerifyAudit(ctx)
	if err != nil || res.BrokenAt != 0 {
		t.Fatalf("audit: %+v %v", res, err)
	}
}
