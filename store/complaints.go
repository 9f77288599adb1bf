package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// ComplaintKind is a complaint or service request (投诉与售后,
// 0018_complaints.sql).
const ComplaintKind = "complaint"

// Complaint is one complaint with what was done about it.
type Complaint struct {
	ComplaintRow
	Words       string
	ConcernsID  int64 // the order, delivery note or invoice it concerns (0: none)
	Actions     []ComplaintAction
	Resolutions []ComplaintResolution
	LedTo       []DocLink // documents it led to, of any kind
	FollowUp    *FollowUp // the customer's answer at the follow-up call
}

// ComplaintRow is a complaint as a list shows it.
type ComplaintRow struct {
	DocID        int64
	Ref          string
	Status       string
	Version      int64
	MakerID      int64
	Maker        string
	CustomerID   int64
	Customer     string
	Mnemonic     string
	RepID        int64
	Rep          string
	ConcernsRef  string
	ConcernsKind string
	Product      string
	Type         string
	Channel      string
	Severity     string
	RouteRole    string
	Actions      int       // how many actions were taken
	FirstAction  time.Time // zero: none yet
	LastAction   time.Time
	Resolution   string // the latest resolution, "" before one
	ResolvedBy   int64
	ResolvedAt   time.Time
	ClosedAt     time.Time // zero while not closed
	StatusSince  time.Time
	CreatedAt    time.Time
}

// ComplaintAction is one thing done about a complaint, with who and when.
type ComplaintAction struct {
	Text string
	By   string
	At   time.Time
}

// ComplaintResolution is how a complaint was resolved, and by whom.
type ComplaintResolution struct {
	Resolution string
	Note       string
	ByID       int64
	By         string
	At         time.Time
}

// DocLink names another document: its kind, ref and status.
type DocLink struct {
	DocID  int64
	Kind   string
	Ref    string
	Status string
}

// The complaint's own columns, of complaints x joined to its document d.
const complaintRowCols = `x.doc_id, d.ref, d.status, d.version, d.maker_id, coalesce(m.name, ''),
	x.customer_id, c.name, c.mnemonic, coalesce(x.rep_id, 0), coalesce(r.name, ''),
	coalesce(cd.ref, ''), coalesce(cd.kind, ''), x.product, x.type, x.channel, x.severity, x.route_role,
	(SELECT count(*) FROM complaint_actions a WHERE a.complaint_doc_id = x.doc_id),
	coalesce((SELECT min(a.created_at) FROM complaint_actions a WHERE a.complaint_doc_id = x.doc_id), ''),
	coalesce((SELECT max(a.created_at) FROM complaint_actions a WHERE a.complaint_doc_id = x.doc_id), ''),
	coalesce(s.resolution, ''), coalesce(s.resolved_by, 0), coalesce(s.created_at, ''),
	coalesce((SELECT max(t.at) FROM transitions t WHERE t.doc_id = x.doc_id AND t.to_status = 'closed'), ''),
	d.status_since, d.created_at`

const complaintFrom = ` FROM complaints x JOIN documents d ON d.id = x.doc_id
	LEFT JOIN users m ON m.id = d.maker_id JOIN customers c ON c.id = x.customer_id
	LEFT JOIN users r ON r.id = x.rep_id LEFT JOIN documents cd ON cd.id = x.concerns_doc_id
	LEFT JOIN complaint_resolutions s ON s.id = (SELECT max(id) FROM complaint_resolutions WHERE complaint_doc_id = x.doc_id)`

func scanComplaintRow(sc scanner) (ComplaintRow, error) {
	var c ComplaintRow
	err := sc.Scan(rowFields(&c)...)
	if noRow(err) {
		return c, ErrNotFound
	}
	return c, err
}

// NewComplaint is what recording a complaint writes.
type NewComplaint struct {
	Ref        string
	Status     string // the kind's initial status
	CustomerID int64
	ConcernsID int64
	RepID      int64
	Product    string
	Type       string
	Words      string
	Channel    string
	Severity   string
	RouteRole  string
	Summary    string
}

// CreateComplaint records a complaint made by by.
func (t *Tx) CreateComplaint(ctx context.Context, by int64, c NewComplaint) (int64, error) {
	docID, err := t.CreateDocument(ctx, by, Document{Kind: ComplaintKind, Ref: c.Ref, Status: c.Status, SubjectID: c.CustomerID, Summary: c.Summary})
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO complaints(doc_id, customer_id, concerns_doc_id, product, rep_id, type, words, channel, severity, route_role,
		created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, c.CustomerID, nullID(c.ConcernsID), c.Product, nullID(c.RepID), c.Type, c.Words, c.Channel, c.Severity, c.RouteRole, now, now, by)
	return docID, classify(err)
}

// AddComplaintAction records an action taken on a complaint.
func (t *Tx) AddComplaintAction(ctx context.Context, by, docID int64, text string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO complaint_actions(complaint_doc_id, action, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`,
		docID, text, now, now, by)
	return classify(err)
}

// AddComplaintResolution records how by resolved a complaint; the
// transition to resolved follows in the same transaction.
func (t *Tx) AddComplaintResolution(ctx context.Context, by, docID int64, resolution, note string) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO complaint_resolutions(complaint_doc_id, resolution, note, resolved_by, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, docID, resolution, note, by, now, now, by)
	return classify(err)
}

// LinkComplaint records a document the complaint led to.
func (t *Tx) LinkComplaint(ctx context.Context, by, docID, ledTo int64) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO complaint_links(complaint_doc_id, led_to_doc_id, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`,
		docID, ledTo, now, now, by)
	return classify(err)
}

// ComplaintRowOf reads one complaint's list row.
func (t *Tx) ComplaintRowOf(ctx context.Context, docID int64) (ComplaintRow, error) {
	return scanComplaintRow(t.row(ctx, `SELECT `+complaintRowCols+complaintFrom+` WHERE x.doc_id = ?`, docID))
}

// Complaint reads a complaint with its actions, resolutions, the
// documents it concerns and led to, and its follow-up.
func (t *Tx) Complaint(ctx context.Context, docID int64) (Complaint, error) {
	var c Complaint
	var concerns sql.NullInt64
	err := t.row(ctx, `SELECT `+complaintRowCols+`, x.words, x.concerns_doc_id`+complaintFrom+` WHERE x.doc_id = ?`, docID).Scan(
		append(rowFields(&c.ComplaintRow), &c.Words, &concerns)...)
	if noRow(err) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, err
	}
	c.ConcernsID = concerns.Int64
	if c.Actions, err = queryAll(ctx, t, func(sc scanner) (ComplaintAction, error) {
		var a ComplaintAction
		var at string
		err := sc.Scan(&a.Text, &a.By, &at)
		a.At = parseStamp(at)
		return a, err
	}, `SELECT a.action, coalesce(u.name, ''), a.created_at FROM complaint_actions a LEFT JOIN users u ON u.id = a.updated_by
	     WHERE a.complaint_doc_id = ? ORDER BY a.id`, docID); err != nil {
		return c, err
	}
	if c.Resolutions, err = queryAll(ctx, t, func(sc scanner) (ComplaintResolution, error) {
		var r ComplaintResolution
		var at string
		err := sc.Scan(&r.Resolution, &r.Note, &r.ByID, &r.By, &at)
		r.At = parseStamp(at)
		return r, err
	}, `SELECT s.resolution, s.note, s.resolved_by, coalesce(u.name, ''), s.created_at FROM complaint_resolutions s
	      LEFT JOIN users u ON u.id = s.resolved_by WHERE s.complaint_doc_id = ? ORDER BY s.id`, docID); err != nil {
		return c, err
	}
	if c.LedTo, err = queryAll(ctx, t, scanDocLink, `SELECT d.id, d.kind, d.ref, d.status FROM complaint_links l
	      JOIN documents d ON d.id = l.led_to_doc_id WHERE l.complaint_doc_id = ? ORDER BY l.id`, docID); err != nil {
		return c, err
	}
	c.FollowUp, err = optional(ctx, t, scanFollowUp, `SELECT `+followUpCols+followUpFrom+` WHERE f.source_doc_id = ?`, docID)
	return c, err
}

// rowFields lists where complaintRowCols go.
func rowFields(c *ComplaintRow) []any {
	return []any{&c.DocID, &c.Ref, &c.Status, &c.Version, &c.MakerID, &c.Maker, &c.CustomerID, &c.Customer, &c.Mnemonic,
		&c.RepID, &c.Rep, &c.ConcernsRef, &c.ConcernsKind, &c.Product, &c.Type, &c.Channel, &c.Severity, &c.RouteRole,
		&c.Actions, stampInto(&c.FirstAction), stampInto(&c.LastAction), &c.Resolution, &c.ResolvedBy, stampInto(&c.ResolvedAt),
		stampInto(&c.ClosedAt), stampInto(&c.StatusSince), stampInto(&c.CreatedAt)}
}

// stampTarget scans a stamp column into a time.
type stampTarget struct{ t *time.Time }

func stampInto(t *time.Time) *stampTarget { return &stampTarget{t} }

// Scan reads a stamp (or NULL, or "") into the time.
func (s *stampTarget) Scan(v any) error {
	switch x := v.(type) {
	case string:
		*s.t = parseStamp(x)
	case []byte:
		*s.t = parseStamp(string(x))
	default:
		*s.t = time.Time{}
	}
	return nil
}

func scanDocLink(sc scanner) (DocLink, error) {
	var l DocLink
	err := sc.Scan(&l.DocID, &l.Kind, &l.Ref, &l.Status)
	return l, err
}

// ComplaintFilter narrows the complaints list.
type ComplaintFilter struct {
	CustomerID int64
	Statuses   []string // none: every status
	Query      string   // ref, customer name or 助记码, type, product, words
	From, To   time.Time
	Limit      int // 0: every one
}

// Complaints lists complaints, newest first.
func (t *Tx) Complaints(ctx context.Context, f ComplaintFilter) ([]ComplaintRow, error) {
	var where []string
	var args []any
	if f.CustomerID != 0 {
		where, args = append(where, "x.customer_id = ?"), append(args, f.CustomerID)
	}
	if len(f.Statuses) > 0 {
		where = append(where, "d.status IN ("+marks(len(f.Statuses))+")")
		for _, s := range f.Statuses {
			args = append(args, s)
		}
	}
	if q := strings.TrimSpace(strings.ToLower(f.Query)); q != "" {
		where = append(where, `(instr(lower(d.ref), ?) > 0 OR instr(lower(c.name), ?) > 0 OR instr(lower(c.mnemonic), ?) > 0
			OR instr(lower(x.product), ?) > 0 OR instr(lower(x.words), ?) > 0)`)
		args = append(args, q, q, q, q, q)
	}
	if !f.From.IsZero() {
		where, args = append(where, "d.created_at >= ?"), append(args, stamp(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "d.created_at < ?"), append(args, stamp(f.To))
	}
	q := `SELECT ` + complaintRowCols + complaintFrom
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, " AND ")
	}
	q += ` ORDER BY x.doc_id DESC`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return queryAll(ctx, t, scanComplaintRow, q, args...)
}

// ComplaintSubjects lists the customer's orders, delivery notes and
// invoices whose ref is ref or ends with it (a number read off the
// paper), an exact match first, then the newest; at most two, so the
// caller can tell one from many.
func (t *Tx) ComplaintSubjects(ctx context.Context, customerID int64, ref string) ([]DocLink, error) {
	return queryAll(ctx, t, scanDocLink, `SELECT d.id, d.kind, d.ref, d.status FROM documents d
	  JOIN (SELECT doc_id, customer_id FROM orders UNION ALL SELECT doc_id, customer_id FROM delivery_notes
	        UNION ALL SELECT doc_id, customer_id FROM invoices) x ON x.doc_id = d.id
	 WHERE x.customer_id = ? AND (d.ref = ? OR substr(d.ref, -length(?)) = ?)
	 ORDER BY d.ref = ? DESC, d.id DESC LIMIT 2`, customerID, ref, ref, ref, ref)
}

// DocumentGoods names the goods on the first line of an order, a
// delivery note or an invoice: grade and name ("" for another kind).
func (t *Tx) DocumentGoods(ctx context.Context, docID int64) (string, error) {
	var goods sql.NullString
	err := t.row(ctx, `SELECT coalesce(
	   (SELECT ol.grade || ' ' || ol.name FROM order_lines ol WHERE ol.doc_id = ?1 AND ol.removed = 0 ORDER BY ol.line_no LIMIT 1),
	   (SELECT ol.grade || ' ' || ol.name FROM delivery_lines dl JOIN order_lines ol ON ol.id = dl.order_line_id
	     WHERE dl.doc_id = ?1 AND dl.removed = 0 ORDER BY dl.line_no LIMIT 1),
	   (SELECT ol.grade || ' ' || ol.name FROM invoice_lines il JOIN order_lines ol ON ol.id = il.order_line_id
	     WHERE il.doc_id = ?1 AND il.removed = 0 ORDER BY il.line_no LIMIT 1))`, docID).Scan(&goods)
	return goods.String, err
}
