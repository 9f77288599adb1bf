package store

import (
	"context"
	"strings"
)

// InvoiceRow is one invoice in a list: the request, its issue if any and
// what is open of it.
type InvoiceRow struct {
	OrderDoc
	Total       Money
	InvoiceNo   string
	IssuedOn    string
	DueOn       string
	MailedOn    string
	Allocated   Money
	MoneyHidden bool // set by the workflow when the reader may not see it
}

// Open is what is still to be paid.
func (r InvoiceRow) Open() Money { return r.Total - r.Allocated }

// InvoiceFilter picks invoices for a list.
type InvoiceFilter struct {
	Statuses   []string // any of (all if none)
	CustomerID int64    // 0: all
	Month      string   // YYYY-MM: issued that month ("" any)
	OpenOnly   bool     // issued or mailed with something still open
	DueBefore  string   // with OpenOnly: due before this day (overdue lists)
	Query      string   // words in the request's or invoice's number, order number or customer name
	ByDue      bool     // oldest due first (open lists read whole); otherwise by id, keyset-paged
	Cursor     int64    // keyset: doc ids after (before, Backward) this one
	Backward   bool
	Limit      int
}

var invoiceRowCols = orderDocCols("i") + `, i.total,
	coalesce(s.invoice_no, ''), coalesce(s.issued_on, ''), coalesce(s.due_on, ''), coalesce(x.mailed_on, ''),
	coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = i.doc_id), 0)`

var invoiceRowJoins = orderDocJoins("i") + `
	LEFT JOIN invoice_issues s ON s.invoice_doc_id = i.doc_id LEFT JOIN invoice_mailings x ON x.invoice_doc_id = i.doc_id`

func scanInvoiceRow(sc scanner) (InvoiceRow, error) {
	var r InvoiceRow
	err := scanOrderDoc(sc, &r.OrderDoc, &r.Total, &r.InvoiceNo, &r.IssuedOn, &r.DueOn, &r.MailedOn, &r.Allocated)
	return r, err
}

// InvoiceRows lists invoices matching f, by id or (ByDue) oldest due
// first.
func (t *Tx) InvoiceRows(ctx context.Context, f InvoiceFilter) ([]InvoiceRow, error) {
	where := []string{"1 = 1"}
	var args []any
	if len(f.Statuses) > 0 {
		where = append(where, "d.status IN ("+marks(len(f.Statuses))+")")
		args = append(args, anys(f.Statuses)...)
	}
	if f.CustomerID != 0 {
		where = append(where, "i.customer_id = ?")
		args = append(args, f.CustomerID)
	}
	if f.Month != "" {
		where = append(where, "s.issued_on >= ? AND s.issued_on < ?")
		args = append(args, f.Month+"-01", f.Month+"-32")
	}
	order := "i.doc_id"
	if f.ByDue {
		order = "s.due_on, i.doc_id"
	}
	if f.OpenOnly {
		where = append(where, "d.status IN ('issued', 'mailed')",
			"i.total > coalesce((SELECT sum(a.amount) FROM settlements a WHERE a.invoice_doc_id = i.doc_id), 0)")
		if f.DueBefore != "" {
			where = append(where, "s.due_on < ?")
			args = append(args, f.DueBefore)
		}
	}
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		where = append(where, "instr(lower(d.ref || ' ' || coalesce(s.invoice_no, '') || ' ' || od.ref || ' ' || o.customer_name), ?) > 0")
		args = append(args, w)
	}
	if f.Backward && !f.ByDue {
		order = "i.doc_id DESC"
		if f.Cursor > 0 {
			where = append(where, "i.doc_id < ?")
			args = append(args, f.Cursor)
		}
	} else if f.Cursor > 0 {
		where = append(where, "i.doc_id > ?")
		args = append(args, f.Cursor)
	}
	limit := docListLimit(f.Limit)
	args = append(args, limit)
	out, err := queryAll(ctx, t, scanInvoiceRow, `SELECT `+invoiceRowCols+` FROM invoices i`+invoiceRowJoins+
		` WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT ?`, args...)
	if f.Backward && !f.ByDue {
		reverse(out)
	}
	return out, err
}

// ToInvoice is an order with shipped quantities no invoice holds yet.
type ToInvoice struct {
	DrawnOrder
	LastShipped string // the day the latest note left: handed to the carrier, else its planned day
	Lines       int    // shipped lines with something left to invoice
}

// OrdersToInvoice lists orders whose shipped lines are not invoiced in
// full, by order id, keyset-paged; the page's query matches the order's
// number and the customer's name.
func (t *Tx) OrdersToInvoice(ctx context.Context, p Page) ([]ToInvoice, error) {
	where, args := "", []any{}
	for _, w := range strings.Fields(strings.ToLower(p.Query)) {
		where += " AND instr(lower(od.ref || ' ' || o.customer_name), ?) > 0"
		args = append(args, w)
	}
	order := "n.order_doc_id"
	if p.Backward {
		order += " DESC"
		if p.Cursor > 0 {
			where += " AND n.order_doc_id < ?"
			args = append(args, p.Cursor)
		}
	} else if p.Cursor > 0 {
		where += " AND n.order_doc_id > ?"
		args = append(args, p.Cursor)
	}
	args = append(args, p.limit())
	out, err := queryAll(ctx, t, func(sc scanner) (ToInvoice, error) {
		var r ToInvoice
		err := sc.Scan(append(r.DrawnOrder.fields(), &r.LastShipped, &r.Lines)...)
		return r, err
	}, `SELECT n.order_doc_id, od.ref, o.customer_id, o.customer_name, coalesce(o.rep_id, 0), o.payment_terms, o.terms_days,
	       max(coalesce(substr(hand.shipped_at, 1, 10), n.ship_on)), count(*)
	  FROM delivery_notes n JOIN documents nd ON nd.id = n.doc_id JOIN delivery_lines dl ON dl.doc_id = n.doc_id
	  JOIN delivery_line_billed b ON b.id = dl.id
	  LEFT JOIN delivery_dispatches hand ON hand.note_doc_id = n.doc_id
	  JOIN orders o ON o.doc_id = n.order_doc_id JOIN documents od ON od.id = n.order_doc_id
	 WHERE nd.status IN ('in_transit', 'delivered') AND dl.removed = 0`+where+`
	   AND b.qty > (SELECT coalesce(sum(il.qty), 0) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
	                                   WHERE il.delivery_line_id = dl.id AND il.removed = 0 AND d.status <> 'void')
	 GROUP BY n.order_doc_id ORDER BY `+order+` LIMIT ?`, args...)
	if p.Backward {
		reverse(out)
	}
	return out, err
}

// OrderLineInvoicing is an order line's shipped, invoiced (issued or in
// play) and open-to-invoice quantities.
type OrderLineInvoicing struct {
	OrderLineID int64
	LineNo      int
	Ordered     Milli
	Shipped     Milli
	Invoiced    Milli // invoices in play (not void), requests included
	Issued      Milli // of it, on issued invoices
}

// ToInvoice is what has shipped and no invoice holds yet.
func (l OrderLineInvoicing) ToInvoice() Milli { return l.Shipped - l.Invoiced }

// OrderInvoicing lists an order's kept lines with what shipped and was
// invoiced of them.
func (t *Tx) OrderInvoicing(ctx context.Context, orderID int64) ([]OrderLineInvoicing, error) {
	return queryAll(ctx, t, func(sc scanner) (OrderLineInvoicing, error) {
		var l OrderLineInvoicing
		err := sc.Scan(&l.OrderLineID, &l.LineNo, &l.Ordered, &l.Shipped, &l.Invoiced, &l.Issued)
		return l, err
	}, `SELECT l.id, l.line_no, l.qty,
	       coalesce((SELECT sum(b.qty) FROM delivery_line_billed b JOIN documents nd ON nd.id = b.doc_id
	                  WHERE b.order_line_id = l.id AND b.removed = 0 AND nd.status IN ('in_transit', 'delivered')), 0),
	       coalesce((SELECT sum(il.qty) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
	                  WHERE il.order_line_id = l.id AND il.removed = 0 AND d.status <> 'void'), 0),
	       coalesce((SELECT sum(il.qty) FROM invoice_lines il JOIN documents d ON d.id = il.doc_id
	                  WHERE il.order_line_id = l.id AND il.removed = 0 AND d.status IN ('issued', 'mailed')), 0)
	  FROM order_lines l WHERE l.doc_id = ? AND l.removed = 0 ORDER BY l.line_no`, orderID)
}
