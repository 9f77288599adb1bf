package store

import (
	"slices"
	"strings"
	"time"
)

// OrderDoc is the head a document drawn from an order carries (a delivery
// note, an invoice): its own document row, then the order's number,
// customer and terms.
type OrderDoc struct {
	DocID       int64
	Ref         string
	Status      string
	Version     int64
	MakerID     int64
	Maker       string
	StatusSince time.Time
	DrawnOrder
}

// DrawnOrder is the order a document or a list row is drawn from: its
// number with its revision, its customer's id and name, the rep and the
// order's payment terms (prepaid or monthly, with the days).
type DrawnOrder struct {
	OrderID      int64
	OrderNo      string
	CustomerID   int64
	Customer     string
	RepID        int64
	PaymentTerms string
	TermsDays    int
}

// fields are where DrawnOrder's columns are scanned, in the order
// orderDocCols reads them.
func (r *DrawnOrder) fields() []any {
	return []any{&r.OrderID, &r.OrderNo, &r.CustomerID, &r.Customer, &r.RepID, &r.PaymentTerms, &r.TermsDays}
}

// orderDocCols are OrderDoc's columns of the table aliased x, read
// through orderDocJoins.
func orderDocCols(x string) string {
	return x + `.doc_id, d.ref, d.status, d.version, d.maker_id, coalesce(m.name, ''), d.status_since, ` + x + `.order_doc_id,
	coalesce(od.ref, ''), ` + x + `.customer_id, o.customer_name, coalesce(o.rep_id, 0), o.payment_terms, o.terms_days`
}

// orderDocJoins joins the table aliased x to its document (d), its maker
// (m), its order (o) and the order's document (od).
func orderDocJoins(x string) string {
	return ` JOIN documents d ON d.id = ` + x + `.doc_id LEFT JOIN users m ON m.id = d.maker_id
	JOIN orders o ON o.doc_id = ` + x + `.order_doc_id JOIN documents od ON od.id = ` + x + `.order_doc_id`
}

// scanOrderDoc reads orderDocCols into h, then the columns after them
// into extra.
func scanOrderDoc(sc scanner, h *OrderDoc, extra ...any) error {
	var since string
	dest := append([]any{&h.DocID, &h.Ref, &h.Status, &h.Version, &h.MakerID, &h.Maker, &since}, h.DrawnOrder.fields()...)
	err := sc.Scan(append(dest, extra...)...)
	if noRow(err) {
		return ErrNotFound
	}
	h.StatusSince = parseStamp(since)
	return err
}

// DrawnFrom is the head of a new document drawn from order o: the order
// and its customer; the document row is filled when it is opened.
func DrawnFrom(o Order) OrderDoc {
	return OrderDoc{DrawnOrder: DrawnOrder{OrderID: o.DocID, CustomerID: o.CustomerID, Customer: o.CustomerName}}
}

// OrderItem is what an order line sells, as the lines drawn from it show
// it: the product, its unit, and its price on the order with the basis
// (quantity or weight) the price is per.
type OrderItem struct {
	Grade string
	Name  string
	Spec  string
	Unit  string
	Basis string
	Price Money
}

// Item names the goods in one line as a desk shows them: grade, name and
// spec, those given ("Q235B 热轧钢板 10×1500×6000").
func (i OrderItem) Item() string {
	return strings.Join(slices.DeleteFunc([]string{i.Grade, i.Name, i.Spec}, func(s string) bool { return strings.TrimSpace(s) == "" }), " ")
}
