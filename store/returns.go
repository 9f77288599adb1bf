package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// ReturnKind is a return note (退货单, 0024_returns.sql): goods that came
// back against the delivery note they left on.
const ReturnKind = "return"

// GoodsReturn is one return note with its lines and the warehouse's
// receipt.
type GoodsReturn struct {
	OrderDoc
	NoteID       int64
	NoteRef      string
	NoteLeftOn   string // the day the note left (the carrier's hand-over)
	ComplaintID  int64  // 0: none led to it
	ComplaintRef string
	ReturnedOn   string
	Reason       string
	Total        Money
	Lines        []ReturnLine
	Receipt      *ReturnReceipt
}

// ReturnLine takes part of one line of the note.
type ReturnLine struct {
	ID             int64
	DocID          int64
	LineNo         int
	DeliveryLineID int64
	NoteLineNo     int
	OrderLineID    int64
	OrderItem
	Part
}

// ReturnReceipt is the warehouse's receipt of the goods.
type ReturnReceipt struct {
	ReceivedOn string
	ByID       int64
	By         string
	At         time.Time
}

// ReturnableLine is a note's line with what it billed and what returns
// not void already hold of it.
type ReturnableLine struct {
	DeliveryLineID int64
	LineNo         int
	OrderLineID    int64
	OrderItem
	Billed     Part
	Returned   Milli // quantity on other returns not void
	ReturnedWt Milli
}

// OpenQty is the quantity still returnable.
func (l ReturnableLine) OpenQty() Milli { return l.Billed.Qty - l.Returned }

// OpenWeight is the weight still returnable.
func (l ReturnableLine) OpenWeight() Milli { return l.Billed.Weight - l.ReturnedWt }

// ReturnableLines lists a note's kept lines with what is returnable of
// each; the lines of return own are left out of what is held.
func (t *Tx) ReturnableLines(ctx context.Context, noteID, own int64) ([]ReturnableLine, error) {
	return queryAll(ctx, t, func(sc scanner) (ReturnableLine, error) {
		var l ReturnableLine
		var price sql.NullInt64
		err := sc.Scan(&l.DeliveryLineID, &l.LineNo, &l.OrderLineID, &l.Grade, &l.Name, &l.Spec, &l.Unit, &l.Basis, &price,
			&l.Billed.Qty, &l.Billed.Weight, &l.Billed.Amount, &l.Returned, &l.ReturnedWt)
		l.Price = Money(price.Int64)
		return l, err
	}, `SELECT b.id, dl.line_no, b.order_line_id, l.grade, l.name, l.spec, l.unit, l.price_basis, l.price, b.qty, b.weight, b.amount,
	       coalesce((SELECT sum(rl.qty) FROM goods_return_lines rl JOIN documents d ON d.id = rl.doc_id
	                  WHERE rl.delivery_line_id = b.id AND rl.removed = 0 AND d.status <> 'void' AND rl.doc_id <> ?), 0),
	       coalesce((SELECT sum(rl.weight) FROM goods_return_lines rl JOIN documents d ON d.id = rl.doc_id
	                  WHERE rl.delivery_line_id = b.id AND rl.removed = 0 AND d.status <> 'void' AND rl.doc_id <> ?), 0)
	  FROM delivery_line_billed b JOIN delivery_lines dl ON dl.id = b.id JOIN order_lines l ON l.id = b.order_line_id
	 WHERE b.doc_id = ? AND b.removed = 0 ORDER BY dl.line_no`, own, own, noteID)
}

// CreateReturn opens a return note in status with its lines (amounts
// worked out by the caller) and returns its id and reference
// (TH2026-000001).
func (t *Tx) CreateReturn(ctx context.Context, by int64, status string, r GoodsReturn) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "TH", Document{Kind: ReturnKind, Status: status, SubjectID: r.CustomerID, Summary: r.Customer})
	if err != nil {
		return 0, "", err
	}
	r.Total = partsTotal(r.Lines)
	now := stamp(t.Now)
	var complaint any
	if r.ComplaintID != 0 {
		complaint = r.ComplaintID
	}
	if _, err := t.exec(ctx, `INSERT INTO goods_returns(doc_id, note_doc_id, order_doc_id, customer_id, complaint_doc_id, returned_on, reason, total,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, r.NoteID, r.OrderID, r.CustomerID, complaint, r.ReturnedOn, r.Reason, r.Total, now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range r.Lines {
		if err := t.AddReturnLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, nil
}

// InsertReturnReceipt records the warehouse's receipt of a checked
// return; the transition to received follows in the same transaction.
func (t *Tx) InsertReturnReceipt(ctx context.Context, by, docID int64, day string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO goods_return_receipts(return_doc_id, received_on, received_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?)`, docID, day, by, now, now, by)
	return classify(err)
}

var returnCols = orderDocCols("r") + `, r.note_doc_id, nd.ref, coalesce(lo.day, ''), coalesce(r.complaint_doc_id, 0), coalesce(cd.ref, ''),
	r.returned_on, r.reason, r.total`

const returnJoins = ` JOIN documents nd ON nd.id = r.note_doc_id LEFT JOIN delivery_left_on lo ON lo.note_doc_id = r.note_doc_id
	LEFT JOIN documents cd ON cd.id = r.complaint_doc_id`

func scanReturn(sc scanner) (GoodsReturn, error) {
	var r GoodsReturn
	err := scanOrderDoc(sc, &r.OrderDoc, &r.NoteID, &r.NoteRef, &r.NoteLeftOn, &r.ComplaintID, &r.ComplaintRef, &r.ReturnedOn, &r.Reason, &r.Total)
	return r, err
}

// ReturnHeader loads a return without its lines.
func (t *Tx) ReturnHeader(ctx context.Context, docID int64) (GoodsReturn, error) {
	return scanReturn(t.row(ctx, `SELECT `+returnCols+` FROM goods_returns r`+orderDocJoins("r")+returnJoins+` WHERE r.doc_id = ?`, docID))
}

// GoodsReturn loads a return with its kept lines and its receipt.
func (t *Tx) GoodsReturn(ctx context.Context, docID int64) (GoodsReturn, error) {
	r, err := t.ReturnHeader(ctx, docID)
	if err != nil {
		return r, err
	}
	if r.Lines, err = t.ReturnLines(ctx, docID, false); err != nil {
		return r, err
	}
	r.Receipt, err = optional(ctx, t, func(sc scanner) (ReturnReceipt, error) {
		var x ReturnReceipt
		var at string
		err := sc.Scan(&x.ReceivedOn, &x.ByID, &x.By, &at)
		x.At = parseStamp(at)
		return x, err
	}, `SELECT x.received_on, x.received_by, coalesce(u.name, ''), x.created_at
	      FROM goods_return_receipts x LEFT JOIN users u ON u.id = x.received_by WHERE x.return_doc_id = ?`, docID)
	return r, err
}

// ReturnLines lists a return's lines in order, those taken out too when
// withRemoved.
func (t *Tx) ReturnLines(ctx context.Context, docID int64, withRemoved bool) ([]ReturnLine, error) {
	return queryAll(ctx, t, func(sc scanner) (ReturnLine, error) {
		var l ReturnLine
		var price sql.NullInt64
		err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.DeliveryLineID, &l.NoteLineNo, &l.OrderLineID, &l.Grade, &l.Name, &l.Spec, &l.Unit,
			&l.Basis, &price, &l.Qty, &l.Weight, &l.Amount, &l.Removed)
		l.Price = Money(price.Int64)
		return l, err
	}, `SELECT rl.id, rl.doc_id, rl.line_no, rl.delivery_line_id, dl.line_no, dl.order_line_id, l.grade, l.name, l.spec, l.unit,
	       l.price_basis, l.price, rl.qty, rl.weight, rl.amount, rl.removed
	  FROM goods_return_lines rl JOIN delivery_lines dl ON dl.id = rl.delivery_line_id JOIN order_lines l ON l.id = dl.order_line_id
	 WHERE rl.doc_id = ? AND (rl.removed = 0 OR ?) ORDER BY rl.line_no`, docID, withRemoved)
}

// UpdateReturn saves a drafted return's day, reason and total (its
// note, order, customer and complaint are fixed).
func (t *Tx) UpdateReturn(ctx context.Context, by int64, r GoodsReturn) error {
	res, err := t.exec(ctx, `UPDATE goods_returns SET returned_on = ?, reason = ?, total = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		r.ReturnedOn, r.Reason, r.Total, stamp(t.Now), by, r.DocID)
	return classify(affectedOne(res, err))
}

// UpdateReturnLine saves what a return's line takes back (or that it is
// taken out).
func (t *Tx) UpdateReturnLine(ctx context.Context, by int64, l ReturnLine) error {
	return classify(t.savePart(ctx, "goods_return_lines", by, l.ID, l.DocID, l.Part))
}

// AddReturnLine adds a line to a drafted return, numbered after its last.
func (t *Tx) AddReturnLine(ctx context.Context, by, docID int64, l ReturnLine) error {
	now := stamp(t.Now)
	_, err := t.insert(ctx, `INSERT INTO goods_return_lines(doc_id, line_no, delivery_line_id, qty, weight, amount, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM goods_return_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, l.DeliveryLineID, l.Qty, l.Weight, l.Amount, now, now, by)
	return classify(err)
}

// ReturnFilter narrows the returns list: by status, one note's, the
// words of a filter (each a part of the return's, note's or order's
// number or the customer's name), a keyset page by doc id.
type ReturnFilter struct {
	Statuses []string
	NoteID   int64
	Query    string
	Cursor   int64 // doc ids after (before, Backward) this one
	Backward bool
	Limit    int
}

// Returns lists returns oldest first, keyset-paged.
func (t *Tx) Returns(ctx context.Context, f ReturnFilter) ([]GoodsReturn, error) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.Statuses) > 0 {
		where = append(where, `d.status IN (`+marks(len(f.Statuses))+`)`)
		for _, s := range f.Statuses {
			args = append(args, s)
		}
	}
	if f.NoteID != 0 {
		where = append(where, "r.note_doc_id = ?")
		args = append(args, f.NoteID)
	}
	for _, w := range strings.Fields(strings.ToLower(f.Query)) {
		where = append(where, "instr(lower(d.ref || ' ' || nd.ref || ' ' || coalesce(od.ref, '') || ' ' || o.customer_name), ?) > 0")
		args = append(args, w)
	}
	order, where, args := keysetCursor(Page{Cursor: f.Cursor, Backward: f.Backward}, "r.doc_id", where, args)
	limit := docListLimit(f.Limit)
	out, err := queryAll(ctx, t, scanReturn, `SELECT `+returnCols+` FROM goods_returns r`+orderDocJoins("r")+returnJoins+
		` WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
	if f.Backward {
		reverse(out)
	}
	return out, err
}

// ReturnedOfCustomer is what came back of a customer's goods: the totals
// of its received returns.
func (t *Tx) ReturnedOfCustomer(ctx context.Context, customerID int64) (Money, error) {
	var m Money
	err := t.row(ctx, `SELECT coalesce(sum(g.total), 0) FROM goods_returns g JOIN goods_return_receipts x ON x.return_doc_id = g.doc_id
		WHERE g.customer_id = ?`, customerID).Scan(&m)
	return m, err
}

// ComplaintsOfCustomer lists a customer's complaints whose number is
// ref or ends with it (as read off the paper), newest first.
func (t *Tx) ComplaintsOfCustomer(ctx context.Context, customerID int64, ref string) ([]DocLink, error) {
	return queryAll(ctx, t, scanDocLink, `SELECT d.id, d.kind, d.ref, d.status FROM complaints c JOIN documents d ON d.id = c.doc_id
		WHERE c.customer_id = ? AND (d.ref = ? OR substr(d.ref, -length(?)) = ?) ORDER BY d.id DESC LIMIT 10`, customerID, ref, ref, ref)
}
