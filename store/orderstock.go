package store

import (
	"context"
	"strings"
	"time"
)

// Planning's answers for an order line (计划部回复).
const (
	StockInStock    = "in_stock"   // on hand
	StockPartial    = "partial"    // part on hand
	StockProduction = "production" // needs production
	StockPurchase   = "purchase"   // needs purchase
)

// StockAnswers lists planning's answers in order.
var StockAnswers = []string{StockInStock, StockPartial, StockProduction, StockPurchase}

// StockAnswer is planning's answer for a line, as the desk recorded it.
type StockAnswer struct {
	ID        int64
	LineID    int64
	Answer    string
	Available Milli  // on hand, in the line's unit
	MeetOn    string // the day the line can be met, YYYY-MM-DD
	Note      string
	By        string
	At        time.Time
}

// AddStockAnswer records planning's answer for a line; a newer answer is
// a new row and the latest counts.
func (t *Tx) AddStockAnswer(ctx context.Context, by int64, a StockAnswer) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO order_stock_answers(order_line_id, answer, available, meet_on, note, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.LineID, a.Answer, a.Available, a.MeetOn, a.Note, now, now, by)
}

// Purchasing's replies to a stock-up request.
const (
	ReplyWillBuy = "will_buy" // bought in full by ArriveOn
	ReplyPartly  = "partly"   // Qty of it by ArriveOn
	ReplyCannot  = "cannot"   // not to be had
)

// StockReplies lists purchasing's replies in order.
var StockReplies = []string{ReplyWillBuy, ReplyPartly, ReplyCannot}

// StockRequest is a stock-up request (备货申请) and, once given,
// purchasing's reply.
type StockRequest struct {
	DocID       int64
	OrderID     int64
	OrderLineID int64
	CustomerID  int64
	Customer    string
	RepID       int64
	Grade       string
	Name        string
	Spec        string
	Unit        string
	OnHand      Milli // stock on hand, in Unit
	Needed      Milli // the quantity to stock up, in Unit
	NeededBy    string
	Usage       string // the customer's usage (用量)
	Note        string
	Replied     bool
	Reply       string
	ReplyQty    Milli
	ArriveOn    string
	ReplyNote   string
	RepliedByID int64
	RepliedBy   string
	RepliedAt   time.Time
}

// CreateStockRequest opens a stock-up request in status and returns its
// id and ref.
func (t *Tx) CreateStockRequest(ctx context.Context, by int64, status string, r StockRequest) (int64, string, error) {
	summary := strings.TrimSpace(r.Grade + " " + r.Name + " " + r.Spec)
	docID, ref, err := t.openNumbered(ctx, by, "BH", Document{Kind: StockRequestKind, Status: status, SubjectID: r.CustomerID, Summary: summary})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO stock_requests(doc_id, order_doc_id, order_line_id, customer_id, grade, name, spec, unit, on_hand,
		needed, needed_by, usage, note, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, nullID(r.OrderID), nullID(r.OrderLineID), r.CustomerID, r.Grade, r.Name, r.Spec, r.Unit, r.OnHand, r.Needed,
		r.NeededBy, r.Usage, r.Note, now, now, by)
	if err != nil {
		return 0, "", classify(err)
	}
	return docID, ref, nil
}

// ReplyStockRequest records purchasing's reply. The database takes it
// only from an active purchasing user who did not ask, while the request
// is open; the "reply" transition then needs it.
func (t *Tx) ReplyStockRequest(ctx context.Context, by, docID int64, reply string, qty Milli, arriveOn, note string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO stock_replies(request_doc_id, answer, qty, arrive_on, note, answered_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, reply, qty, arriveOn, note, by, now, now, by)
	return classify(err)
}

const stockRequestCols = `r.doc_id, coalesce(r.order_doc_id, 0), coalesce(r.order_line_id, 0), r.customer_id, c.name, coalesce(c.rep_id, 0),
	r.grade, r.name, r.spec, r.unit, r.on_hand, r.needed, r.needed_by, r.usage, r.note,
	coalesce(a.answer, ''), coalesce(a.qty, 0), coalesce(a.arrive_on, ''), coalesce(a.note, ''), coalesce(a.answered_by, 0),
	coalesce(au.name, ''), coalesce(a.created_at, '')`

const stockRequestFrom = ` FROM stock_requests r JOIN customers c ON c.id = r.customer_id
	LEFT JOIN stock_replies a ON a.request_doc_id = r.doc_id LEFT JOIN users au ON au.id = a.answered_by`

func scanStockRequest(sc scanner, extra ...any) (StockRequest, error) {
	var r StockRequest
	var at string
	dest := append(extra, &r.DocID, &r.OrderID, &r.OrderLineID, &r.CustomerID, &r.Customer, &r.RepID, &r.Grade, &r.Name, &r.Spec,
		&r.Unit, &r.OnHand, &r.Needed, &r.NeededBy, &r.Usage, &r.Note, &r.Reply, &r.ReplyQty, &r.ArriveOn, &r.ReplyNote,
		&r.RepliedByID, &r.RepliedBy, &at)
	err := sc.Scan(dest...)
	if noRow(err) {
		return r, ErrNotFound
	}
	r.Replied, r.RepliedAt = r.Reply != "", parseStamp(at)
	return r, err
}

// StockRequest loads a request and its reply, if any.
func (t *Tx) StockRequest(ctx context.Context, docID int64) (StockRequest, error) {
	return scanStockRequest(t.row(ctx, `SELECT `+stockRequestCols+stockRequestFrom+` WHERE r.doc_id = ?`, docID))
}

// StockRequestRow is a request with its document header.
type StockRequestRow struct {
	Document
	StockRequest
}

// StockRequests lists requests matching f (and, when orderID is not 0,
// made for that order version), oldest first.
func (t *Tx) StockRequests(ctx context.Context, f DocFilter, orderID int64, limit int) ([]StockRequestRow, error) {
	where, args := f.where("r.customer_id", []string{"d.kind = ?"}, []any{StockRequestKind})
	if orderID != 0 {
		where = append(where, "r.order_doc_id = ?")
		args = append(args, orderID)
	}
	args = append(args, limit)
	return queryAll(ctx, t, func(sc scanner) (StockRequestRow, error) {
		var row StockRequestRow
		doc := docDest{d: &row.Document}
		sr, err := scanStockRequest(sc, doc.fields()...)
		doc.stamp()
		row.StockRequest = sr
		return row, err
	}, `SELECT `+docCols+`, `+stockRequestCols+stockRequestFrom+` JOIN documents d ON d.id = r.doc_id
	  LEFT JOIN users m ON m.id = d.maker_id WHERE `+strings.Join(where, " AND ")+` ORDER BY d.status_since, d.id LIMIT ?`, args...)
}

// OpenStockRequest finds a request still open for an order line (0 when
// none), so a line is not asked about twice.
func (t *Tx) OpenStockRequest(ctx context.Context, lineID int64) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT r.doc_id FROM stock_requests r JOIN documents d ON d.id = r.doc_id
	 WHERE r.order_line_id = ? AND d.status = 'open' ORDER BY r.doc_id DESC LIMIT 1`, lineID).Scan(&id)
	if noRow(err) {
		return 0, nil
	}
	return id, err
}

// CarryStockAnswers copies planning's latest answer on each line of
// order from to the line of order to with the same number and the same
// product (grade, name, spec, unit): a revision starts as a copy, and
// the answers still hold for it. The copy is recorded by by (who made
// the revision) and keeps the answer's day.
func (t *Tx) CarryStockAnswers(ctx context.Context, by, from, to int64) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO order_stock_answers(order_line_id, answer, available, meet_on, note, created_at, updated_at, updated_by)
		SELECT nl.id, a.answer, a.available, a.meet_on, a.note, a.created_at, ?, ?
		  FROM order_lines ol
		  JOIN order_stock_answers a ON a.id = (SELECT max(id) FROM order_stock_answers WHERE order_line_id = ol.id)
		  JOIN order_lines nl ON nl.doc_id = ? AND nl.line_no = ol.line_no AND nl.removed = 0
		       AND nl.grade = ol.grade AND nl.name = ol.name AND nl.spec = ol.spec AND nl.unit = ol.unit
		 WHERE ol.doc_id = ? AND ol.removed = 0
		 ORDER BY nl.line_no`, now, by, to, from)
	return classify(err)
}
