package store

import (
	"context"
	"fmt"
)

// StatDoc is one document behind a figure, with its part of it: an order
// (contract), a released delivery note, an issued invoice, a receipt, a
// received return (negative under shipped and open, which it takes off).
type StatDoc struct {
	Kind     string // OrderKind, DeliveryNoteKind, InvoiceKind, ReturnKind, or "receipt"
	ID       int64  // the document's id; a receipt's own id
	Ref      string // the order's or note's number, the invoice number, the receipt's reference
	Day      string // the day it counts on
	Customer string
	Tonnes   Milli
	Amount   Money // a receipt counts against what is owed: negative under StatOpen
}

// ReceiptKind names a receipt among a figure's documents.
const ReceiptKind = "receipt"

// statDocSources are each measure's documents as rows (kind, id, ref,
// day, customer_id, rep_id, item_id, kg, amount) of the days [?, ?): the same
// lines, days and rules as the triggers of migration 0010.
var statDocSources = map[StatMeasure]string{
	StatOrdered: `SELECT 'order' AS kind, s.counted_doc_id AS id, d.ref AS ref, s.day AS day, s.customer_id AS customer_id, CAST(NULL AS INTEGER) AS rep_id,
	       l.item_id AS item_id, l.kg AS kg, l.amount AS amount
	  FROM stat_orders s JOIN documents d ON d.id = s.counted_doc_id JOIN stat_order_lines l ON l.doc_id = s.counted_doc_id
	 WHERE s.day >= ? AND s.day < ?`,
	StatShipped: `SELECT 'delivery_note' AS kind, r.note_doc_id AS id, d.ref AS ref, r.released_on AS day, r.customer_id AS customer_id, CAST(NULL AS INTEGER) AS rep_id,
	       l.item_id AS item_id, l.kg AS kg, l.amount AS amount
	  FROM delivery_releases r JOIN documents d ON d.id = r.note_doc_id JOIN stat_note_lines l ON l.doc_id = r.note_doc_id
	 WHERE d.status <> 'void' AND r.released_on >= ? AND r.released_on < ?`,
	StatInvoiced: `SELECT 'invoice' AS kind, s.invoice_doc_id AS id, s.invoice_no AS ref, s.issued_on AS day, s.customer_id AS customer_id, CAST(NULL AS INTEGER) AS rep_id,
	       l.item_id AS item_id, l.kg AS kg, l.amount AS amount
	  FROM invoice_issues s JOIN documents d ON d.id = s.invoice_doc_id JOIN stat_invoice_lines l ON l.doc_id = s.invoice_doc_id
	 WHERE d.status <> 'void' AND s.issued_on >= ? AND s.issued_on < ?`,
	StatReturned: `SELECT 'return' AS kind, x.return_doc_id AS id, d.ref AS ref, x.received_on AS day, r.customer_id AS customer_id, CAST(NULL AS INTEGER) AS rep_id,
	       l.item_id AS item_id, l.kg AS kg, l.amount AS amount
	  FROM goods_return_receipts x JOIN goods_returns r ON r.doc_id = x.return_doc_id JOIN documents d ON d.id = x.return_doc_id
	  JOIN return_stat_lines l ON l.doc_id = x.return_doc_id
	 WHERE x.received_on >= ? AND x.received_on < ?`,
	StatReceived: `SELECT 'receipt' AS kind, p.id AS id, p.reference AS ref, p.received_on AS day, p.customer_id AS customer_id, CAST(NULL AS INTEGER) AS rep_id,
	       0 AS item_id, 0 AS kg, p.amount AS amount
	  FROM receipts p WHERE p.received_on >= ? AND p.received_on < ?`,
}

// StatTrace lists the documents that make the scope's figure of measure
// over span, by day: their sum is the figure StatRows gives (for StatOpen,
// every release, received return and receipt before the span's end,
// money only, returns and receipts negative; for StatShipped, received
// returns negative beside the releases).
// Put the row's key among the scope's filters to trace one row.
func (t *Tx) StatTrace(ctx context.Context, scope StatScope, m StatMeasure, span StatSpan) ([]StatDoc, error) {
	if err := scope.check(); err != nil {
		return nil, err
	}
	var src string
	var args []any
	switch m {
	case StatOpen:
		src = `SELECT kind, id, ref, day, customer_id, rep_id, item_id, 0 AS kg, amount FROM (` + statDocSources[StatShipped] + `)
		  UNION ALL SELECT kind, id, ref, day, customer_id, rep_id, item_id, 0, -amount FROM (` + statDocSources[StatReturned] + `)
		  UNION ALL SELECT 'receipt', p.id, p.reference, p.received_on, p.customer_id, NULL, 0, 0, -p.amount
		  FROM receipts p WHERE p.received_on >= ? AND p.received_on < ?`
		args = []any{"", span.To, "", span.To, "", span.To}
	case StatShipped:
		// Shipped is net of what came back (0024): its returns count
		// against it.
		src = statDocSources[StatShipped] + ` UNION ALL SELECT kind, id, ref, day, customer_id, rep_id, item_id, -kg, -amount FROM (` +
			statDocSources[StatReturned] + `)`
		args = []any{span.From, span.To, span.From, span.To}
	case StatOrdered, StatInvoiced, StatReceived, StatReturned:
		src = statDocSources[m]
		args = []any{span.From, span.To}
	default:
		return nil, fmt.Errorf("statistics: unknown measure %q", m)
	}
	where, wargs := scope.where()
	// A document's ref, day and customer are one per document: grouped
	// by, as PostgreSQL asks of every column shown beside a sum.
	q := `SELECT x.kind, x.id, x.ref, x.day, coalesce((SELECT name FROM customers WHERE id = x.customer_id), ''), sum(x.kg), sum(x.amount)
	  FROM (` + src + `) x` + scope.joins(true) + ` WHERE ` + where + `
	 GROUP BY x.kind, x.id, x.ref, x.day, x.customer_id ORDER BY x.day, x.kind, x.ref, x.id`
	return queryAll(ctx, t, func(sc scanner) (StatDoc, error) {
		var d StatDoc
		err := sc.Scan(&d.Kind, &d.ID, &d.Ref, &d.Day, &d.Customer, &d.Tonnes, &d.Amount)
		return d, err
	}, q, append(args, wargs...)...)
}
