package store

import (
	"context"
	"database/sql"
	"strings"
)

// InquiryKind is the document kind of a customer's inquiry (询价单).
const InquiryKind = "inquiry"

// Inquiry is what a customer asked for: the header and its lines.
type Inquiry struct {
	DocID        int64
	CustomerID   int64
	Customer     string
	RepID        int64 // the customer's sales rep, for who sees prices
	PaymentTerms string
	TermsDays    int
	Contact      string
	Notes        string
	Lines        []InquiryLine
}

// InquiryLine is one product asked for.
type InquiryLine struct {
	ID           int64
	DocID        int64
	LineNo       int
	Grade        string // 牌号
	Name         string
	Spec         string // 规格
	Qty          Milli
	Unit         string
	WantedOn     string // YYYY-MM-DD, "" when the customer named no date
	Requirements string
	ProductID    int64
	Unknown      bool // grade/spec not in the catalogue: flagged for purchasing
	Removed      bool
}

func inquirySearch(ref string, c Customer) string {
	return strings.ToLower(strings.Join([]string{ref, c.Name, c.ShortName, c.Mnemonic, c.Code}, "\x1f"))
}

// CreateInquiry opens an inquiry document in status with its lines and
// returns its id and ref.
func (t *Tx) CreateInquiry(ctx context.Context, by int64, status string, in Inquiry) (int64, string, error) {
	c, err := t.Customer(ctx, in.CustomerID)
	if err != nil {
		return 0, "", err
	}
	docID, ref, err := t.openNumbered(ctx, by, "XJ", Document{Kind: InquiryKind, Status: status, SubjectID: c.ID, Summary: c.Name})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	if _, err := t.exec(ctx, `INSERT INTO inquiries(doc_id, customer_id, payment_terms, terms_days, contact, notes, search, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, c.ID, in.PaymentTerms, in.TermsDays, in.Contact, in.Notes,
		inquirySearch(ref, c), now, now, by); err != nil {
		return 0, "", classify(err)
	}
	for _, l := range in.Lines {
		if _, err := t.AddInquiryLine(ctx, by, docID, l); err != nil {
			return 0, "", err
		}
	}
	return docID, ref, nil
}

// UpdateInquiry saves the header fields of an inquiry (not its customer).
func (t *Tx) UpdateInquiry(ctx context.Context, by int64, in Inquiry) error {
	_, err := t.exec(ctx, `UPDATE inquiries SET payment_terms = ?, terms_days = ?, contact = ?, notes = ?, updated_at = ?, updated_by = ?
		WHERE doc_id = ?`, in.PaymentTerms, in.TermsDays, in.Contact, in.Notes, stamp(t.Now), by, in.DocID)
	return classify(err)
}

// AddInquiryLine appends a line; it gets the next line number.
func (t *Tx) AddInquiryLine(ctx context.Context, by, docID int64, l InquiryLine) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO inquiry_lines(doc_id, line_no, grade, name, spec, qty, unit, wanted_on, requirements,
		product_id, unknown_product, created_at, updated_at, updated_by)
		VALUES (?, (SELECT coalesce(max(line_no), 0) + 1 FROM inquiry_lines WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, docID, l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.WantedOn, l.Requirements, nullID(l.ProductID), l.Unknown, now, now, by)
}

// UpdateInquiryLine saves a line's fields.
func (t *Tx) UpdateInquiryLine(ctx context.Context, by int64, l InquiryLine) error {
	res, err := t.exec(ctx, `UPDATE inquiry_lines SET grade = ?, name = ?, spec = ?, qty = ?, unit = ?, wanted_on = ?, requirements = ?,
		product_id = ?, unknown_product = ?, updated_at = ?, updated_by = ? WHERE id = ? AND doc_id = ? AND removed = 0`,
		l.Grade, l.Name, l.Spec, l.Qty, l.Unit, l.WantedOn, l.Requirements, nullID(l.ProductID), l.Unknown, stamp(t.Now), by, l.ID, l.DocID)
	return affectedOne(res, err)
}

// RemoveInquiryLine takes a line out; the row stays, marked removed.
func (t *Tx) RemoveInquiryLine(ctx context.Context, by, docID, lineID int64) error {
	res, err := t.exec(ctx, `UPDATE inquiry_lines SET removed = 1, updated_at = ?, updated_by = ? WHERE id = ? AND doc_id = ? AND removed = 0`,
		stamp(t.Now), by, lineID, docID)
	return affectedOne(res, err)
}

// affectedOne turns "no row matched" into ErrNotFound.
func affectedOne(res sql.Result, err error) error {
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Inquiry loads an inquiry with its lines (removed ones left out).
func (t *Tx) Inquiry(ctx context.Context, docID int64) (Inquiry, error) {
	var in Inquiry
	err := t.row(ctx, `SELECT i.doc_id, i.customer_id, c.name, coalesce(c.rep_id, 0), i.payment_terms, i.terms_days, i.contact, i.notes
	  FROM inquiries i JOIN customers c ON c.id = i.customer_id WHERE i.doc_id = ?`, docID).
		Scan(&in.DocID, &in.CustomerID, &in.Customer, &in.RepID, &in.PaymentTerms, &in.TermsDays, &in.Contact, &in.Notes)
	if noRow(err) {
		return in, ErrNotFound
	}
	if err != nil {
		return in, err
	}
	in.Lines, err = t.InquiryLines(ctx, docID, false)
	return in, err
}

const inquiryLineCols = `id, doc_id, line_no, grade, name, spec, qty, unit, wanted_on, requirements, coalesce(product_id, 0), unknown_product, removed`

func scanInquiryLine(sc interface{ Scan(...any) error }) (InquiryLine, error) {
	var l InquiryLine
	err := sc.Scan(&l.ID, &l.DocID, &l.LineNo, &l.Grade, &l.Name, &l.Spec, &l.Qty, &l.Unit, &l.WantedOn, &l.Requirements,
		&l.ProductID, &l.Unknown, &l.Removed)
	if noRow(err) {
		return l, ErrNotFound
	}
	return l, err
}

// InquiryLines lists an inquiry's lines in order.
func (t *Tx) InquiryLines(ctx context.Context, docID int64, withRemoved bool) ([]InquiryLine, error) {
	return queryAll(ctx, t, scanInquiryLine, `SELECT `+inquiryLineCols+` FROM inquiry_lines WHERE doc_id = ? AND (removed = 0 OR ?) ORDER BY line_no`, docID, withRemoved)
}

// InquiryLine loads one line.
func (t *Tx) InquiryLine(ctx context.Context, id int64) (InquiryLine, error) {
	return scanInquiryLine(t.row(ctx, `SELECT `+inquiryLineCols+` FROM inquiry_lines WHERE id = ?`, id))
}

// InquiryRow is one line of the inquiries list.
type InquiryRow struct {
	Document
	CustomerID int64
	Customer   string
	RepID      int64
	Lines      int
	Unknown    int // lines flagged for purchasing
}

// Inquiries lists inquiries matching f and the page's query, oldest
// first (the age a clerk answers by).
func (t *Tx) Inquiries(ctx context.Context, f DocFilter, p Page) ([]InquiryRow, error) {
	where, args := f.where("i.customer_id", []string{"d.kind = ?"}, []any{InquiryKind})
	tail, args := docPage(p, "i", where, args)
	return queryPage(ctx, t, p, scanInquiryRow, `SELECT `+docCols+`, i.customer_id, c.name, coalesce(c.rep_id, 0),
	       (SELECT count(*) FROM inquiry_lines l WHERE l.doc_id = d.id AND l.removed = 0),
	       (SELECT count(*) FROM inquiry_lines l WHERE l.doc_id = d.id AND l.removed = 0 AND l.unknown_product = 1)
	  FROM documents d JOIN inquiries i ON i.doc_id = d.id JOIN customers c ON c.id = i.customer_id
	  LEFT JOIN users m ON m.id = d.maker_id`+tail, args...)
}

func scanInquiryRow(sc scanner) (InquiryRow, error) {
	var r InquiryRow
	var err error
	r.Document, err = scanDocumentAnd(sc, &r.CustomerID, &r.Customer, &r.RepID, &r.Lines, &r.Unknown)
	return r, err
}

// FlaggedLine is an inquiry line whose grade/spec the catalogue does not
// know, for purchasing to look at.
type FlaggedLine struct {
	InquiryLine
	Ref      string
	Status   string
	Customer string
}

// FlaggedInquiryLines lists flagged lines of inquiries still in one of
// statuses, oldest first.
func (t *Tx) FlaggedInquiryLines(ctx context.Context, statuses []string, limit int) ([]FlaggedLine, error) {
	args := []any{}
	for _, s := range statuses {
		args = append(args, s)
	}
	args = append(args, limit)
	return queryAll(ctx, t, scanFlaggedLine, `SELECT l.id, l.doc_id, l.line_no, l.grade, l.name, l.spec, l.qty, l.unit, l.wanted_on, l.requirements,
	       coalesce(l.product_id, 0), l.unknown_product, l.removed, d.ref, d.status, c.name
	  FROM inquiry_lines l INDEXED BY inquiry_lines_unknown
	  JOIN documents d ON d.id = l.doc_id JOIN inquiries i ON i.doc_id = l.doc_id JOIN customers c ON c.id = i.customer_id
	 WHERE l.unknown_product = 1 AND l.removed = 0 AND d.status IN (`+marks(len(statuses))+`)
	 ORDER BY l.id LIMIT ?`, args...)
}

func scanFlaggedLine(sc scanner) (FlaggedLine, error) {
	var f FlaggedLine
	err := sc.Scan(&f.ID, &f.DocID, &f.LineNo, &f.Grade, &f.Name, &f.Spec, &f.Qty, &f.Unit, &f.WantedOn, &f.Requirements,
		&f.ProductID, &f.Unknown, &f.Removed, &f.Ref, &f.Status, &f.Customer)
	return f, err
}

// MatchProduct finds the catalogue product of a grade and spec (or, with
// no spec, grade and name): its id and name, or 0 when the desk does not
// sell it.
func (t *Tx) MatchProduct(ctx context.Context, grade, name, spec string) (int64, string, error) {
	var id int64
	var pname string
	q := `SELECT id, name FROM products WHERE grade = ? AND spec = ? AND voided = 0 ORDER BY (name = ?) DESC, id LIMIT 1`
	args := []any{grade, spec, name}
	if spec == "" {
		q = `SELECT id, name FROM products WHERE grade = ? AND spec = '' AND name = ? AND voided = 0 ORDER BY id LIMIT 1`
		args = []any{grade, name}
	}
	err := t.row(ctx, q, args...).Scan(&id, &pname)
	if noRow(err) {
		return 0, "", nil
	}
	return id, pname, err
}
