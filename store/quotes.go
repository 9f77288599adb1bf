package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// QuoteKind is the document kind of a quote (报价单). Each revision is a
// document of its own with the same quote number; the version it revises
// is marked revised and kept as it was.
const QuoteKind = "quote"

// Quote is one version of a quote.
//
// Rounding rule: a line's amount is its unit price (fen per unit) times
// its quantity (thousandths of the unit), rounded half away from zero to
// the fen (Money.Mul); the quote's total is the sum of the rounded line
// amounts and is never rounded again. The database checks each line's
// amount against its price and quantity.
type Quote struct {
	DocID        int64
	InquiryID    int64
	CustomerID   int64
	Customer     string
	RepID        int64
	QuoteNo      string
	Revision     int
	RevisesID    int64 // the version this one revises, 0 for the first
	PaymentTerms string
	TermsDays    int
	ValidityDays int
	Notes        string
	Lines        []QuoteLine
}

// Total is the sum of the priced lines' rounded amounts.
func (q Quote) Total() Money { return LinesTotal(q.Lines) }

// LinesTotal adds the rounded amounts of the priced, kept lines.
func LinesTotal(lines []QuoteLine) Money {
	var sum Money
	for _, l := range lines {
		if l.Priced && !l.Removed {
			sum += l.Amount
		}
	}
	return sum
}

// Where a line's price came from.
const (
	SourceList    = "list"    // the price list
	SourceManual  = "manual"  // typed by the clerk
	SourceRequest = "request" // purchasing's answer to a price request
	SourceCopy    = "copy"    // carried over from the version revised
)

// QuoteLine is one priced (or not yet priced) line.
type QuoteLine struct {
	ID            int64
	DocID         int64
	LineNo        int
	InquiryLineID int64
	Grade         string
	Name          string
	Spec          string
	Qty           Milli
	Unit          string
	WantedOn      string
	Requirements  string
	ProductID     int64
	Unknown       bool
	Price         Money // fen per unit
	Priced        bool
	Amount        Money // Price × Qty, rounded to the fen
	Source        string
	Removed       bool
}

// SetPrice prices the line (or unprices it with priced false) and works
// out its amount.
func (l *QuoteLine) SetPrice(price Money, priced bool, source string) {
	l.Price, l.Priced, l.Source, l.Amount = price, priced, source, 0
	if priced {
		l.Amount = price.Mul(l.Qty)
	} else {
		l.Price, l.Source = 0, ""
	}
}

func (l QuoteLine) priceArgs() (any, any) {
	if !l.Priced {
		return nil, nil
	}
	return int64(l.Price), int64(l.Price.Mul(l.Qty))
}

func quoteSearch(no string, c Customer) string {
	return strings.ToLower(strings.Join([]string{no, c.Name, c.ShortName, c.Mnemonic, c.Code}, "\x1f"))
}

// QuoteRef is the ref of a quote version: the number, and "/n" from the
// second revision on.
func QuoteRef(no string, revision int) string {
	if revision <= 1 {
		return no
	}
	return fmt.Sprintf("%s/%d", no, revision)
}

// CreateQuote opens a quote version in status with its lines. A first
// version (q.RevisesID 0) gets a new number; a revision keeps q.QuoteNo
// and q.Revision. It returns the document id and ref.
func (t *Tx) CreateQuote(ctx context.Context, by int64, status string, q Quote) (int64, string, error) {
	c, err := t.Customer(ctx, q.CustomerID)
	if err != nil {
		return 0, "", err
	}
	if q.RevisesID == 0 {
		if q.QuoteNo, err = t.NextRef(ctx, QuoteKind, "BJ"+t.Now.Format("2006")+"-"); err != nil {
			return 0, "", err
		}
		q.Revision = 1
	}
	ref := QuoteRef(q.QuoteNo, q.Revision)
	docID, err := t.CreateDocument(ctx, by, Document{Kind: QuoteKind, Ref: ref, Status: status, SubjectID: c.ID, Summary: c.Name})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO quotes(doc_id, inquiry_doc_id, customer_id, quote_no, revision, revises_doc_id, payment_terms,
		terms_days, validity_days, notes, search, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, q.InquiryID, c.ID, q.QuoteNo, q.Revision, nullID(q.RevisesID), q.PaymentTerms, q.TermsDays, q.ValidityDays, q.Notes,
		quoteSearch(q.QuoteNo, c), now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range q.Lines {
		if _, err := t.AddQuoteLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, nil
}

// UpdateQuote saves a quote's header fields.
func (t *Tx) UpdateQuote(ctx context.Context, by int64, q Quote) error {
	res, err := t.exec(ctx, `UPDATE quotes SET payment_terms = ?, terms_days = ?, validity_days = ?, notes = ?, updated_at = ?, updated_by = ?
		WHERE doc_id = ?`, q.PaymentTerms, q.TermsDays, q.ValidityDays, q.Notes, stamp(t.Now), by, q.DocID)
	return affectedOne(res, err)
}

// AddQuoteLine appends a line with the next line number.
func (t *Tx) AddQuoteLine(ctx context.Context, by, docID int64, l QuoteLine) (int64, error) {
	price, amount := l.priceArgs()
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO quote_lines(doc_id, line_no, inquiry_line_id, grade, name, spec, qty, unit, wanted_on, requirements,
		product_id, unknown_product, price, amount, price_source, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM quote_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, nullID(l.InquiryLineID), l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.WantedOn, l.Requirements,
		nullID(l.ProductID), l.Unknown, price, amount, l.Source, now, now, by)
}

// UpdateQuoteLine saves a line's fields and price.
func (t *Tx) UpdateQuoteLine(ctx context.Context, by int64, l QuoteLine) error {
	price, amount := l.priceArgs()
	res, err := t.exec(ctx, `UPDATE quote_lines SET grade = ?, name = ?, spec = ?, qty = ?, unit = ?, wanted_on = ?, requirements = ?,
		product_id = ?, unknown_product = ?, price = ?, amount = ?, price_source = ?, updated_at = ?, updated_by = ?
		WHERE id = ? AND doc_id = ? AND removed = 0`,
		l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.WantedOn, l.Requirements, nullID(l.ProductID), l.Unknown, price, amount, l.Source,
		stamp(t.Now), by, l.ID, l.DocID)
	return affectedOne(res, err)
}

// RemoveQuoteLine takes a line out of a quote; the row stays.
func (t *Tx) RemoveQuoteLine(ctx context.Context, by, docID, lineID int64) error {
	res, err := t.exec(ctx, `UPDATE quote_lines SET removed = 1, updated_at = ?, updated_by = ? WHERE id = ? AND doc_id = ? AND removed = 0`,
		stamp(t.Now), by, lineID, docID)
	return affectedOne(res, err)
}

const quoteCols = `q.doc_id, q.inquiry_doc_id, q.customer_id, c.name, coalesce(c.rep_id, 0), q.quote_no, q.revision,
	coalesce(q.revises_doc_id, 0), q.payment_terms, q.terms_days, q.validity_days, q.notes`

// Quote loads a quote version with its lines (removed ones left out).
func (t *Tx) Quote(ctx context.Context, docID int64) (Quote, error) {
	var q Quote
	err := t.row(ctx, `SELECT `+quoteCols+` FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE q.doc_id = ?`, docID).
		Scan(&q.DocID, &q.InquiryID, &q.CustomerID, &q.Customer, &q.RepID, &q.QuoteNo, &q.Revision, &q.RevisesID,
			&q.PaymentTerms, &q.TermsDays, &q.ValidityDays, &q.Notes)
	if noRow(err) {
		return q, ErrNotFound
	}
	if err != nil {
		return q, err
	}
	q.Lines, err = t.QuoteLines(ctx, docID, false)
	return q, err
}

const quoteLineCols = `id, doc_id, line_no, coalesce(inquiry_line_id, 0), grade, name, spec, qty, unit, wanted_on, requirements,
	coalesce(product_id, 0), unknown_product, price, amount, price_source, removed`

func scanQuoteLine(sc interface{ Scan(...any) error }) (QuoteLine, error) {
	var l QuoteLine
	var price, amount sql.NullInt64
	err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.InquiryLineID, &l.Grade, &l.Name, &l.Spec, &l.Qty, &l.Unit, &l.WantedOn,
		&l.Requirements, &l.ProductID, &l.Unknown, &price, &amount, &l.Source, &l.Removed)
	if noRow(err) {
		return l, ErrNotFound
	}
	l.Price, l.Amount, l.Priced = Money(price.Int64), Money(amount.Int64), price.Valid
	return l, err
}

// QuoteLines lists a quote's lines in order.
func (t *Tx) QuoteLines(ctx context.Context, docID int64, withRemoved bool) ([]QuoteLine, error) {
	return queryAll(ctx, t, scanQuoteLine, `SELECT `+quoteLineCols+` FROM quote_lines WHERE doc_id = ? AND (removed = 0 OR ?) ORDER BY line_no`, docID, withRemoved)
}

// QuoteLine loads one line.
func (t *Tx) QuoteLine(ctx context.Context, id int64) (QuoteLine, error) {
	return scanQuoteLine(t.row(ctx, `SELECT `+quoteLineCols+` FROM quote_lines WHERE id = ?`, id))
}

// QuoteRevisedBy returns the revision made of a version, or 0.
func (t *Tx) QuoteRevisedBy(ctx context.Context, docID int64) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT doc_id FROM quotes WHERE revises_doc_id = ?`, docID).Scan(&id)
	if noRow(err) {
		return 0, nil
	}
	return id, err
}

// QuoteRow is one quote version in a list.
type QuoteRow struct {
	Document
	QuoteNo      string
	Revision     int
	InquiryID    int64
	CustomerID   int64
	Customer     string
	RepID        int64
	ValidityDays int
	Total        Money
	Unpriced     int  // lines without a price
	MoneyHidden  bool // set by the workflow when the reader may not see it
}

const quoteRowCols = docCols + `, q.quote_no, q.revision, q.inquiry_doc_id, q.customer_id, c.name, coalesce(c.rep_id, 0), q.validity_days,
	(SELECT coalesce(sum(l.amount), 0) FROM quote_lines l WHERE l.doc_id = d.id AND l.removed = 0),
	(SELECT count(*) FROM quote_lines l WHERE l.doc_id = d.id AND l.removed = 0 AND l.price IS NULL)`

const quoteRowFrom = ` FROM documents d JOIN quotes q ON q.doc_id = d.id JOIN customers c ON c.id = q.customer_id
	  LEFT JOIN users m ON m.id = d.maker_id`

func scanQuoteRow(sc scanner) (QuoteRow, error) {
	var r QuoteRow
	var err error
	r.Document, err = scanDocumentAnd(sc, &r.QuoteNo, &r.Revision, &r.InquiryID, &r.CustomerID, &r.Customer,
		&r.RepID, &r.ValidityDays, &r.Total, &r.Unpriced)
	return r, err
}

// Quotes lists quote versions matching f and the page's query, in id order.
func (t *Tx) Quotes(ctx context.Context, f DocFilter, p Page) ([]QuoteRow, error) {
	where, args := f.where("q.customer_id", []string{"d.kind = ?"}, []any{QuoteKind})
	tail, args := docPage(p, "q", where, args)
	return queryPage(ctx, t, p, scanQuoteRow, `SELECT `+quoteRowCols+quoteRowFrom+tail, args...)
}

// QuoteVersions lists every version of a quote number, first first.
func (t *Tx) QuoteVersions(ctx context.Context, quoteNo string) ([]QuoteRow, error) {
	return queryAll(ctx, t, scanQuoteRow, `SELECT `+quoteRowCols+quoteRowFrom+` WHERE q.quote_no = ? ORDER BY q.revision`, quoteNo)
}

// QuotesOfInquiry lists the quote versions made for an inquiry, oldest first.
func (t *Tx) QuotesOfInquiry(ctx context.Context, inquiryID int64) ([]QuoteRow, error) {
	return queryAll(ctx, t, scanQuoteRow, `SELECT `+quoteRowCols+quoteRowFrom+` WHERE q.inquiry_doc_id = ? ORDER BY d.id`, inquiryID)
}

// QuotesInStatusSince lists quote versions in status since before
// (exclusive), longest waiting first: quotes sent and not yet answered
// by the customer, for follow-up.
func (t *Tx) QuotesInStatusSince(ctx context.Context, status string, before time.Time, limit int) ([]QuoteRow, error) {
	return queryAll(ctx, t, scanQuoteRow, `SELECT `+quoteRowCols+quoteRowFrom+`
	 WHERE d.kind = ? AND d.status = ? AND d.status_since < ? ORDER BY d.status_since, d.id LIMIT ?`,
		QuoteKind, status, stamp(before), limit)
}

// QuoteCustomer reads the customer of a quote version.
func (t *Tx) QuoteCustomer(ctx context.Context, docID int64, customerID *int64) error {
	err := t.row(ctx, `SELECT customer_id FROM quotes WHERE doc_id = ?`, docID).Scan(customerID)
	if noRow(err) {
		return ErrNotFound
	}
	return err
}
