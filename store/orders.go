package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Document kinds of the order desk.
const (
	OrderKind        = "order"         // 销售订单 and its contract (合同)
	OrderCancelKind  = "order_cancel"  // a request to cancel an order, signed off by a supervisor
	StockRequestKind = "stock_request" // 备货申请 to purchasing
)

// Price bases of an order line: what its unit price is per.
const (
	BasisWeight = "weight" // yuan per tonne of the line's weight (steel's usual price)
	BasisQty    = "qty"    // yuan per unit of the line's quantity (per piece, per kg)
)

// Order is one version of a sales order.
//
// Rounding rule (the quotes' rule): a line's amount is its unit price
// (fen per tonne, or per unit of quantity) times its basis (weight in
// thousandths of a tonne, or quantity in thousandths of its unit),
// rounded half away from zero to the fen (Money.Mul); the order's total
// is the sum of the rounded line amounts, never rounded again. The
// database checks each line's amount, and the total at submission.
type Order struct {
	DocID        int64
	Ref          string // the provisional reference until numbered, then the number
	Status       string
	Version      int64 // the document's version, for optimistic saves
	MakerID      int64
	CustomerID   int64
	RepID        int64
	Rep          string
	QuoteID      int64 // the won quote it was made from, 0 if none
	CopiedFromID int64 // the order it copies, 0 if none
	RootID       int64 // the first version (its own id on the first)
	Revision     int
	RevisesID    int64
	OrderNo      string // the number of the first version, "" until signed off
	OrderDate    string
	DeliveryDate string
	CustomerName string
	Contact      string
	Phone        string
	ShipTo       string
	PaymentTerms string
	TermsDays    int
	SigningPlace string
	Weighing     string // WeighingTheoretical or WeighingWeighed: what weight the goods bill
	Total        Money
	Notes        string
	UpdatedBy    string
	Lines        []OrderLine
}

// weighing is the basis to store: an order made without one (imports,
// tests) takes the column's default.
func (o Order) weighing() string {
	if o.Weighing == "" {
		return WeighingWeighed
	}
	return o.Weighing
}

// Number is the order's number with its revision ("LNSYNO.0001/2"), or
// "" before the contract is signed off.
func (o Order) Number() string {
	if o.OrderNo == "" {
		return ""
	}
	return OrderRef(o.OrderNo, o.Revision)
}

// OrderRef is a version's number: the order number, and "/n" from the
// second revision on.
func OrderRef(no string, revision int) string {
	if revision <= 1 {
		return no
	}
	return fmt.Sprintf("%s/%d", no, revision)
}

// OrderLine is one line of an order.
type OrderLine struct {
	ID           int64
	DocID        int64
	LineNo       int
	QuoteLineID  int64
	Grade        string
	Name         string
	Spec         string
	Qty          Milli // thousandths of Unit
	Unit         string
	Weight       Milli // thousandths of a tonne
	Basis        string
	Price        Money // fen per tonne (BasisWeight) or per unit (BasisQty)
	Priced       bool
	Amount       Money
	Requirements string
	ProductID    int64
	Unknown      bool
	Removed      bool
	Stock        *StockAnswer // planning's latest answer, when loaded
}

// LineAmount is price × basis rounded half away from zero to the fen.
func LineAmount(price Money, basis string, qty, weight Milli) Money {
	if basis == BasisQty {
		return price.Mul(qty)
	}
	return price.Mul(weight)
}

// SetPrice prices the line (or unprices it with priced false) on basis
// and works out its amount.
func (l *OrderLine) SetPrice(price Money, priced bool, basis string) {
	if basis == "" {
		basis = BasisWeight
	}
	l.Price, l.Priced, l.Basis, l.Amount = price, priced, basis, 0
	if priced {
		l.Amount = LineAmount(price, basis, l.Qty, l.Weight)
	} else {
		l.Price = 0
	}
}

// OrderTotal adds the rounded amounts of the priced, kept lines.
func OrderTotal(lines []OrderLine) Money {
	var sum Money
	for _, l := range lines {
		if l.Priced && !l.Removed {
			sum += l.Amount
		}
	}
	return sum
}

func (l OrderLine) priceArgs() (any, any) {
	if !l.Priced {
		return nil, nil
	}
	return int64(l.Price), int64(LineAmount(l.Price, l.Basis, l.Qty, l.Weight))
}

// CreateOrder opens an order version in status with its lines. A first
// version gets a provisional reference (DD2026-000001) until its number
// is drawn; a revision (o.RevisesID set) carries the number and o.RootID
// and o.Revision. It returns the document id and ref.
func (t *Tx) CreateOrder(ctx context.Context, by int64, status string, o Order) (int64, string, error) {
	c, err := t.Customer(ctx, o.CustomerID)
	if err != nil {
		return 0, "", err
	}
	ref := ""
	if o.RevisesID == 0 {
		if ref, err = t.nextDraftRef(ctx); err != nil {
			return 0, "", err
		}
		o.Revision, o.RootID = 1, 0
	} else {
		ref = OrderRef(o.OrderNo, o.Revision)
	}
	docID, err := t.CreateDocument(ctx, by, Document{Kind: OrderKind, Ref: ref, Status: status, SubjectID: c.ID, Summary: o.CustomerName})
	if err != nil {
		return 0, "", err
	}
	o.Total = OrderTotal(o.Lines)
	now := stamp(t.Now)
	root := any(nil)
	if o.Revision > 1 {
		root = o.RootID
	}
	if _, err := t.exec(ctx, `INSERT INTO orders(doc_id, customer_id, rep_id, quote_doc_id, copied_from_doc_id, root_doc_id, revision,
		revises_doc_id, order_date, delivery_date, customer_name, contact, phone, ship_to, payment_terms, terms_days, signing_place,
		weighing, total, notes, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, c.ID, nullID(c.RepID), nullID(o.QuoteID), nullID(o.CopiedFromID), root, o.Revision, nullID(o.RevisesID),
		o.OrderDate, o.DeliveryDate, o.CustomerName, o.Contact, o.Phone, o.ShipTo, o.PaymentTerms, o.TermsDays, o.SigningPlace,
		o.weighing(), o.Total, o.Notes, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	if err := t.addNewOrderLines(ctx, by, docID, o.Lines); err != nil {
		return 0, "", err
	}
	if o.RevisesID != 0 {
		return docID, ref, t.IndexOrder(ctx, docID) // its number is the first version's
	}
	text := orderSearchText(orderSearchHead{ref: ref, name: o.CustomerName, short: c.ShortName, mnemonic: c.Mnemonic, code: c.Code},
		newLineGradeSpecs(o.Lines))
	return docID, ref, t.writeOrderIndex(ctx, docID, text)
}

// UpdateOrder saves an order's header fields and its total, which the
// caller worked out from the lines.
func (t *Tx) UpdateOrder(ctx context.Context, by int64, o Order) error {
	res, err := t.exec(ctx, `UPDATE orders SET order_date = ?, delivery_date = ?, customer_name = ?, contact = ?, phone = ?, ship_to = ?,
		payment_terms = ?, terms_days = ?, signing_place = ?, weighing = ?, total = ?, notes = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		o.OrderDate, o.DeliveryDate, o.CustomerName, o.Contact, o.Phone, o.ShipTo, o.PaymentTerms, o.TermsDays, o.SigningPlace,
		o.weighing(), o.Total, o.Notes, stamp(t.Now), by, o.DocID)
	return affectedOne(res, err)
}

// AddOrderLine appends a line with the next line number.
func (t *Tx) AddOrderLine(ctx context.Context, by, docID int64, l OrderLine) (int64, error) {
	price, amount := l.priceArgs()
	if l.Basis == "" {
		l.Basis = BasisWeight
	}
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO order_lines(doc_id, line_no, quote_line_id, grade, name, spec, qty, unit, weight, price_basis,
		price, amount, requirements, product_id, unknown_product, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM order_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, nullID(l.QuoteLineID), l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.Weight, l.Basis, price, amount, l.Requirements,
		nullID(l.ProductID), l.Unknown, now, now, by)
}

// addNewOrderLines writes the lines of an order version just made,
// numbered from 1, in one statement: each row still passes every
// trigger a line written alone does (its audit record, the edit guard,
// the document's version).
func (t *Tx) addNewOrderLines(ctx context.Context, by, docID int64, lines []OrderLine) error {
	if !jsonExact(lines) {
		for _, l := range lines {
			if _, err := t.AddOrderLine(ctx, by, docID, l); err != nil {
				return err
			}
		}
		return nil
	}
	if len(lines) == 0 {
		return nil
	}
	rows := make([][]any, len(lines))
	for i, l := range lines {
		price, amount := l.priceArgs()
		if l.Basis == "" {
			l.Basis = BasisWeight
		}
		rows[i] = []any{nullID(l.QuoteLineID), l.Grade, l.Name, l.Spec, int64(l.Qty), l.Unit, int64(l.Weight), l.Basis,
			price, amount, l.Requirements, nullID(l.ProductID), l.Unknown}
	}
	body, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	now := stamp(t.Now)
	res, err := t.exec(ctx, orderLinesFromJSON[t.pg], docID, now, now, by, string(body))
	if err != nil {
		return classify(err)
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(lines)) {
		return errors.Join(err, fmt.Errorf("wrote %d of %d order lines", n, len(lines)))
	}
	return nil
}

// jsonExact reports whether every text of lines comes back from JSON
// byte for byte: encoding/json replaces invalid UTF-8, and SQLite ends a
// text read out of JSON at a NUL.
func jsonExact(lines []OrderLine) bool {
	for _, l := range lines {
		if !textsJSONExact(l.Grade, l.Name, l.Spec, l.Unit, l.Basis, l.Requirements) {
			return false
		}
	}
	return true
}

// textsJSONExact reports whether each text comes back from JSON byte
// for byte (valid UTF-8, no NUL).
func textsJSONExact(texts ...string) bool {
	for _, s := range texts {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return false
		}
	}
	return true
}

// UpdateOrderLine saves a line's fields and price.
func (t *Tx) UpdateOrderLine(ctx context.Context, by int64, l OrderLine) error {
	price, amount := l.priceArgs()
	res, err := t.exec(ctx, `UPDATE order_lines SET grade = ?, name = ?, spec = ?, qty = ?, unit = ?, weight = ?, price_basis = ?,
		price = ?, amount = ?, requirements = ?, product_id = ?, unknown_product = ?, updated_at = ?, updated_by = ?
		WHERE id = ? AND doc_id = ? AND removed = 0`,
		l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.Weight, l.Basis, price, amount, l.Requirements, nullID(l.ProductID), l.Unknown,
		stamp(t.Now), by, l.ID, l.DocID)
	return affectedOne(res, err)
}

// RemoveOrderLine takes a line out of an order; the row stays.
func (t *Tx) RemoveOrderLine(ctx context.Context, by, docID, lineID int64) error {
	res, err := t.exec(ctx, `UPDATE order_lines SET removed = 1, updated_at = ?, updated_by = ? WHERE id = ? AND doc_id = ? AND removed = 0`,
		stamp(t.Now), by, lineID, docID)
	return affectedOne(res, err)
}

const orderCols = `o.doc_id, d.ref, d.status, d.version, d.maker_id, o.customer_id, coalesce(o.rep_id, 0), coalesce(r.name, ''),
	coalesce(o.quote_doc_id, 0), coalesce(o.copied_from_doc_id, 0), coalesce(o.root_doc_id, o.doc_id), o.revision,
	coalesce(o.revises_doc_id, 0), coalesce(n.order_no, ''), o.order_date, o.delivery_date, o.customer_name, o.contact, o.phone,
	o.ship_to, o.payment_terms, o.terms_days, o.signing_place, o.weighing, o.total, o.notes, coalesce(u.name, '')`

const orderFrom = ` FROM orders o JOIN documents d ON d.id = o.doc_id LEFT JOIN users r ON r.id = o.rep_id
	LEFT JOIN users u ON u.id = o.updated_by
	LEFT JOIN order_numbers n ON n.order_doc_id = coalesce(o.root_doc_id, o.doc_id)`

// OrderHeader loads an order version's header without its lines.
func (t *Tx) OrderHeader(ctx context.Context, docID int64) (Order, error) {
	var o Order
	err := t.row(ctx, `SELECT `+orderCols+orderFrom+` WHERE o.doc_id = ?`, docID).Scan(&o.DocID, &o.Ref, &o.Status, &o.Version,
		&o.MakerID, &o.CustomerID, &o.RepID, &o.Rep, &o.QuoteID, &o.CopiedFromID, &o.RootID, &o.Revision, &o.RevisesID, &o.OrderNo,
		&o.OrderDate, &o.DeliveryDate, &o.CustomerName, &o.Contact, &o.Phone, &o.ShipTo, &o.PaymentTerms, &o.TermsDays,
		&o.SigningPlace, &o.Weighing, &o.Total, &o.Notes, &o.UpdatedBy)
	if noRow(err) {
		return o, ErrNotFound
	}
	return o, err
}

// Order loads an order version with its kept lines, each with planning's
// latest stock answer.
func (t *Tx) Order(ctx context.Context, docID int64) (Order, error) {
	o, err := t.OrderHeader(ctx, docID)
	if err != nil {
		return o, err
	}
	o.Lines, err = t.OrderLines(ctx, docID, false)
	return o, err
}

const orderLineCols = `l.id, l.doc_id, l.line_no, coalesce(l.quote_line_id, 0), l.grade, l.name, l.spec, l.qty, l.unit, l.weight,
	l.price_basis, l.price, l.amount, l.requirements, coalesce(l.product_id, 0), l.unknown_product, l.removed,
	coalesce(a.id, 0), coalesce(a.answer, ''), coalesce(a.available, 0), coalesce(a.meet_on, ''), coalesce(a.note, ''),
	coalesce(a.created_at, ''), coalesce(au.name, '')`

const orderLineFrom = ` FROM order_lines l
	LEFT JOIN order_stock_answers a ON a.id = (SELECT max(id) FROM order_stock_answers WHERE order_line_id = l.id)
	LEFT JOIN users au ON au.id = a.updated_by`

func scanOrderLine(sc scanner) (OrderLine, error) {
	var l OrderLine
	var price, amount sql.NullInt64
	var a StockAnswer
	var at string
	err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.QuoteLineID, &l.Grade, &l.Name, &l.Spec, &l.Qty, &l.Unit, &l.Weight, &l.Basis,
		&price, &amount, &l.Requirements, &l.ProductID, &l.Unknown, &l.Removed,
		&a.ID, &a.Answer, &a.Available, &a.MeetOn, &a.Note, &at, &a.By)
	if noRow(err) {
		return l, ErrNotFound
	}
	l.Price, l.Amount, l.Priced = Money(price.Int64), Money(amount.Int64), price.Valid
	if a.ID != 0 {
		a.LineID, a.At = l.ID, parseStamp(at)
		l.Stock = &a
	}
	return l, err
}

// OrderLines lists an order's lines in order.
func (t *Tx) OrderLines(ctx context.Context, docID int64, withRemoved bool) ([]OrderLine, error) {
	return queryAll(ctx, t, scanOrderLine, `SELECT `+orderLineCols+orderLineFrom+`
	 WHERE l.doc_id = ? AND (l.removed = 0 OR ?) ORDER BY l.line_no`, docID, withRemoved)
}

// OrderLine loads one line.
func (t *Tx) OrderLine(ctx context.Context, id int64) (OrderLine, error) {
	return scanOrderLine(t.row(ctx, `SELECT `+orderLineCols+orderLineFrom+` WHERE l.id = ?`, id))
}

// OrderRevisionOf returns the revision of a version still in play (not
// withdrawn), or 0.
func (t *Tx) OrderRevisionOf(ctx context.Context, docID int64) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT o.doc_id FROM orders o JOIN documents d ON d.id = o.doc_id
	 WHERE o.revises_doc_id = ? AND d.status <> 'withdrawn' ORDER BY o.doc_id DESC LIMIT 1`, docID).Scan(&id)
	if noRow(err) {
		return 0, nil
	}
	return id, err
}

// OrdersOfQuote lists the order versions made from a quote, oldest first.
func (t *Tx) OrdersOfQuote(ctx context.Context, quoteID int64) ([]OrderRow, error) {
	return t.orderRows(ctx, ` WHERE o.quote_doc_id = ? ORDER BY o.doc_id`, quoteID)
}

// OrderVersions lists every version of an order (by its first version's
// id), first first.
func (t *Tx) OrderVersions(ctx context.Context, rootID int64) ([]OrderRow, error) {
	return t.orderRows(ctx, ` WHERE (o.doc_id = ? OR o.root_doc_id = ?) ORDER BY o.revision`, rootID, rootID)
}

// OrderHistory lists the audit records of an order version, newest
// first: its document header and status changes, the order row, its
// lines, its number and its sign-back. Each part is read on the audit
// log's (tbl, row_id) index and the parts put together: asked as one
// WHERE of ORs, PostgreSQL walked the whole log from its newest record
// back (half a second on 180,000 records for an order of last year).
func (t *Tx) OrderHistory(ctx context.Context, docID int64, limit int) ([]AuditRecord, error) {
	return queryAll(ctx, t, scanAuditRecord, `SELECT a.id, a.at, coalesce(a.actor_id, 0), coalesce(u.name, ''), a.tbl, a.row_id, a.op,
	       coalesce(a.before, ''), coalesce(a.after, ''), coalesce(a.prev_hash, ''), coalesce(a.hash, '')
	  FROM (SELECT id FROM audit_log WHERE tbl = 'documents' AND row_id = ?1
	    UNION ALL SELECT id FROM audit_log WHERE tbl = 'orders' AND row_id = (SELECT id FROM orders WHERE doc_id = ?1)
	    UNION ALL SELECT id FROM audit_log WHERE tbl = 'order_lines' AND row_id IN (SELECT id FROM order_lines WHERE doc_id = ?1)
	    UNION ALL SELECT id FROM audit_log WHERE tbl = 'transitions' AND row_id IN (SELECT id FROM transitions WHERE doc_id = ?1)
	    UNION ALL SELECT id FROM audit_log WHERE tbl = 'order_numbers' AND row_id = (SELECT id FROM order_numbers WHERE order_doc_id = ?1)
	    UNION ALL SELECT id FROM audit_log WHERE tbl = 'order_signbacks' AND row_id = (SELECT id FROM order_signbacks WHERE order_doc_id = ?1)) h
	  JOIN audit_log a ON a.id = h.id LEFT JOIN users u ON u.id = a.actor_id
	 ORDER BY a.id DESC LIMIT ?2`, docID, limit)
}

// orderLinesFromJSON writes an order's lines from one JSON array of
// rows in one statement, per engine: PostgreSQL numbers the elements
// from 1 and casts what JSON gives as text.
var orderLinesFromJSON = map[bool]string{
	false: `INSERT INTO order_lines(doc_id, line_no, quote_line_id, grade, name, spec, qty, unit, weight, price_basis,
		price, amount, requirements, product_id, unknown_product, created_at, updated_at, updated_by)
		SELECT ?, l.key + 1, l.value ->> 0, l.value ->> 1, l.value ->> 2, l.value ->> 3, l.value ->> 4, l.value ->> 5, l.value ->> 6,
		       l.value ->> 7, l.value ->> 8, l.value ->> 9, l.value ->> 10, l.value ->> 11, l.value ->> 12, ?, ?, ?
		  FROM json_each(?) l ORDER BY l.key`,
	true: `INSERT INTO order_lines(doc_id, line_no, quote_line_id, grade, name, spec, qty, unit, weight, price_basis,
		price, amount, requirements, product_id, unknown_product, created_at, updated_at, updated_by)
		SELECT ?, l.key, (l.value ->> 0)::bigint, l.value ->> 1, l.value ->> 2, l.value ->> 3, (l.value ->> 4)::bigint, l.value ->> 5,
		       (l.value ->> 6)::bigint, l.value ->> 7, (l.value ->> 8)::bigint, (l.value ->> 9)::bigint, l.value ->> 10,
		       (l.value ->> 11)::bigint, CASE l.value ->> 12 WHEN 'true' THEN 1 ELSE 0 END, ?, ?, ?
		  FROM json_array_elements(?::json) WITH ORDINALITY AS l(value, key) ORDER BY l.key`,
}
