package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// PriceRequestKind is the document kind of a price request to purchasing
// (单价申请). Purchasing answers it with a price; the answer fills the
// line it was asked for (a trigger does, in quotes still being drafted).
const PriceRequestKind = "price_request"

// PriceRequest is what was asked and, once answered, the answer.
type PriceRequest struct {
	DocID         int64
	CustomerID    int64
	Customer      string
	RepID         int64
	InquiryLineID int64
	QuoteLineID   int64
	Grade         string
	Name          string
	Spec          string
	Qty           Milli
	Unit          string
	Note          string // the requester's
	Answered      bool
	Price         Money
	AnswerNote    string
	AnsweredByID  int64
	AnsweredBy    string
	AnsweredAt    time.Time
}

// CreatePriceRequest opens a price request in status and returns its id
// and ref.
func (t *Tx) CreatePriceRequest(ctx context.Context, by int64, status string, r PriceRequest) (int64, string, error) {
	c, err := t.Customer(ctx, r.CustomerID)
	if err != nil {
		return 0, "", err
	}
	summary := r.Grade + " " + r.Name + " " + r.Spec
	docID, ref, err := t.openNumbered(ctx, by, "DJ", Document{Kind: PriceRequestKind, Status: status, SubjectID: c.ID, Summary: summary})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO price_requests(doc_id, customer_id, inquiry_line_id, quote_line_id, grade, name, spec, qty, unit, note,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, c.ID, nullID(r.InquiryLineID), nullID(r.QuoteLineID), r.Grade, r.Name, r.Spec, r.Qty, r.Unit, r.Note, now, now, by)
	if err != nil {
		return 0, "", classify(err)
	}
	return docID, ref, nil
}

// AnswerPriceRequest records purchasing's answer. The database accepts it
// only from an active purchasing user who did not ask, while the request
// is open; the "answer" transition then needs it.
func (t *Tx) AnswerPriceRequest(ctx context.Context, by, docID int64, price Money, note string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO price_answers(request_doc_id, price, note, answered_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, docID, price, note, by, now, now, by)
	return classify(err)
}

const priceRequestCols = `r.doc_id, r.customer_id, c.name, coalesce(c.rep_id, 0), coalesce(r.inquiry_line_id, 0), coalesce(r.quote_line_id, 0),
	r.grade, r.name, r.spec, r.qty, r.unit, r.note, a.price, coalesce(a.note, ''), coalesce(a.answered_by, 0), coalesce(au.name, ''),
	coalesce(a.created_at, '')`

const priceRequestFrom = ` FROM price_requests r JOIN customers c ON c.id = r.customer_id
	LEFT JOIN price_answers a ON a.request_doc_id = r.doc_id LEFT JOIN users au ON au.id = a.answered_by`

func scanPriceRequest(sc interface{ Scan(...any) error }, extra ...any) (PriceRequest, error) {
	var r PriceRequest
	var price sql.NullInt64
	var at string
	dest := append(extra, &r.DocID, &r.CustomerID, &r.Customer, &r.RepID, &r.InquiryLineID, &r.QuoteLineID, &r.Grade, &r.Name,
		&r.Spec, &r.Qty, &r.Unit, &r.Note, &price, &r.AnswerNote, &r.AnsweredByID, &r.AnsweredBy, &at)
	err := sc.Scan(dest...)
	if noRow(err) {
		return r, ErrNotFound
	}
	r.Price, r.Answered, r.AnsweredAt = Money(price.Int64), price.Valid, parseStamp(at)
	return r, err
}

// PriceRequest loads a request and its answer, if any.
func (t *Tx) PriceRequest(ctx context.Context, docID int64) (PriceRequest, error) {
	return scanPriceRequest(t.row(ctx, `SELECT `+priceRequestCols+priceRequestFrom+` WHERE r.doc_id = ?`, docID))
}

// PriceRequestRow is a request with its document header.
type PriceRequestRow struct {
	Document
	PriceRequest
	MoneyHidden bool // set by the workflow when the reader may not see it
}

// PriceRequests lists requests matching f, oldest first.
func (t *Tx) PriceRequests(ctx context.Context, f DocFilter, limit int) ([]PriceRequestRow, error) {
	where, args := f.where("r.customer_id", nil, nil)
	return t.priceRequests(ctx, where, args, limit)
}

func (t *Tx) priceRequests(ctx context.Context, where []string, args []any, limit int) ([]PriceRequestRow, error) {
	where = append([]string{"d.kind = ?"}, where...)
	args = append(append([]any{PriceRequestKind}, args...), limit)
	q := `SELECT ` + docCols + `, ` + priceRequestCols + priceRequestFrom + ` JOIN documents d ON d.id = r.doc_id
	  LEFT JOIN users m ON m.id = d.maker_id WHERE ` + strings.Join(where, " AND ") + ` ORDER BY d.status_since, d.id LIMIT ?`
	return queryAll(ctx, t, scanPriceRequestRow, q, args...)
}

func scanPriceRequestRow(sc scanner) (PriceRequestRow, error) {
	var row PriceRequestRow
	doc := docDest{d: &row.Document}
	pr, err := scanPriceRequest(sc, doc.fields()...)
	doc.stamp()
	row.PriceRequest = pr
	return row, err
}

// OpenPriceRequest finds a request still open for a quote line or an
// inquiry line (0 when none), so a line is not asked about twice.
func (t *Tx) OpenPriceRequest(ctx context.Context, quoteLineID, inquiryLineID int64) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT r.doc_id FROM price_requests r JOIN documents d ON d.id = r.doc_id
	 WHERE d.status = 'open' AND ((? <> 0 AND r.quote_line_id = ?) OR (? <> 0 AND r.inquiry_line_id = ?))
	 ORDER BY r.doc_id DESC LIMIT 1`, quoteLineID, quoteLineID, inquiryLineID, inquiryLineID).Scan(&id)
	if noRow(err) {
		return 0, nil
	}
	return id, err
}

// AnsweredPrice returns the newest answered price for an inquiry line.
func (t *Tx) AnsweredPrice(ctx context.Context, inquiryLineID int64) (Money, bool, error) {
	var p Money
	err := t.row(ctx, `SELECT a.price FROM price_requests r JOIN price_answers a ON a.request_doc_id = r.doc_id
	 JOIN documents d ON d.id = r.doc_id
	 WHERE r.inquiry_line_id = ? AND d.status = 'answered' ORDER BY a.id DESC LIMIT 1`, inquiryLineID).Scan(&p)
	if noRow(err) {
		return 0, false, nil
	}
	return p, err == nil, err
}

// PriceRequestsOf lists the requests asked for the lines of an inquiry
// or of a quote version (either id may be 0), oldest first.
func (t *Tx) PriceRequestsOf(ctx context.Context, inquiryID, quoteID int64) ([]PriceRequestRow, error) {
	return t.priceRequests(ctx, []string{`(r.inquiry_line_id IN (SELECT id FROM inquiry_lines WHERE doc_id = ?)
	    OR r.quote_line_id IN (SELECT id FROM quote_lines WHERE doc_id = ?))`}, []any{inquiryID, quoteID}, 500)
}
