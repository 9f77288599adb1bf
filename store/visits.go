package store

import (
	"context"
	"strings"
	"time"
)

// VisitKind is the document kind of a visit (拜访, 0020_visits.sql).
const VisitKind = "visit"

// SalesVisit is a visit to a customer or a lead: the plan made before
// it (访前计划) and, once it happened, its review (访后分析). Its status
// is the document's: planned, reviewed or cancelled.
type SalesVisit struct {
	DocID       int64
	Ref         string
	Status      string
	Version     int64
	MakerID     int64
	OwnerID     int64
	Owner       string
	CustomerID  int64 // the customer visited (0: a lead)
	LeadID      int64 // the lead visited (0: a customer)
	Who         string
	On          string // YYYY-MM-DD
	At          string // HH:MM, "" when not fixed
	Place       string
	Goal        string // relationship, volume, collect, problem ("" for one from the old log)
	Questions   string
	Materials   string
	OpenMatters string
	FromLog     bool  // made from an entry of the customer file's old log
	LogID       int64 // that entry (CreateVisit only)
	CreatedAt   time.Time
	Review      *VisitReview // nil until reviewed
	Reason      string       // why it was cancelled (Visit only)
}

// VisitReview is what a visit achieved against its goal (访后分析).
type VisitReview struct {
	Reached  string // yes, partly, no ("" for one from the old log)
	Achieved string
	WhyNot   string
	Improve  string
	NextStep string
	NextOn   string
	By       string
	At       time.Time
}

const visitCols = `x.doc_id, d.ref, d.status, d.version, d.maker_id, x.owner_id, coalesce(o.name, ''),
	coalesce(x.customer_id, 0), coalesce(x.lead_doc_id, 0), coalesce(c.name, l.name, ''),
	x.visit_on, x.visit_at, x.place, x.goal, x.questions, x.materials, x.open_matters, x.log_id IS NOT NULL, d.created_at,
	r.doc_id IS NOT NULL, coalesce(r.reached, ''), coalesce(r.achieved, ''), coalesce(r.why_not, ''), coalesce(r.improve, ''),
	coalesce(r.next_step, ''), coalesce(r.next_on, ''), coalesce(ru.name, ''), coalesce(r.created_at, '')`

const visitFrom = ` FROM visits x JOIN documents d ON d.id = x.doc_id LEFT JOIN users o ON o.id = x.owner_id
	LEFT JOIN customers c ON c.id = x.customer_id LEFT JOIN leads l ON l.doc_id = x.lead_doc_id
	LEFT JOIN visit_reviews r ON r.doc_id = x.doc_id LEFT JOIN users ru ON ru.id = r.updated_by`

func scanSalesVisit(sc scanner) (SalesVisit, error) {
	var v SalesVisit
	var r VisitReview
	var created, reviewedAt string
	var reviewed bool
	err := sc.Scan(&v.DocID, &v.Ref, &v.Status, &v.Version, &v.MakerID, &v.OwnerID, &v.Owner, &v.CustomerID, &v.LeadID, &v.Who,
		&v.On, &v.At, &v.Place, &v.Goal, &v.Questions, &v.Materials, &v.OpenMatters, &v.FromLog, &created,
		&reviewed, &r.Reached, &r.Achieved, &r.WhyNot, &r.Improve, &r.NextStep, &r.NextOn, &r.By, &reviewedAt)
	if noRow(err) {
		return v, ErrNotFound
	}
	v.CreatedAt = parseStamp(created)
	if reviewed {
		r.At = parseStamp(reviewedAt)
		v.Review = &r
	}
	return v, err
}

// CreateVisit opens a visit document (numbered BF2026-000001) in
// initialStatus, made by by.
func (t *Tx) CreateVisit(ctx context.Context, by int64, initialStatus string, v SalesVisit, summary string) (int64, string, error) {
	docID, ref, err := t.openNumbered(ctx, by, "BF", Document{Kind: VisitKind, Status: initialStatus, SubjectID: v.OwnerID, Summary: summary})
	if err != nil {
		return 0, "", err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO visits(doc_id, owner_id, customer_id, lead_doc_id, visit_on, visit_at, place, goal, questions,
		materials, open_matters, log_id, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		docID, v.OwnerID, nullID(v.CustomerID), nullID(v.LeadID), v.On, v.At, v.Place, v.Goal, v.Questions, v.Materials, v.OpenMatters,
		nullID(v.LogID), now, now, by)
	return docID, ref, classify(err)
}

// UpdateVisit saves a planned visit's plan (not whom it visits).
func (t *Tx) UpdateVisit(ctx context.Context, by int64, v SalesVisit) error {
	_, err := t.exec(ctx, `UPDATE visits SET owner_id = ?, visit_on = ?, visit_at = ?, place = ?, goal = ?, questions = ?, materials = ?,
		open_matters = ?, updated_at = ?, updated_by = ? WHERE doc_id = ?`,
		v.OwnerID, v.On, v.At, v.Place, v.Goal, v.Questions, v.Materials, v.OpenMatters, stamp(t.Now), by, v.DocID)
	return classify(err)
}

// AddVisitReview writes a planned visit's review, ahead of the
// transition that marks it reviewed.
func (t *Tx) AddVisitReview(ctx context.Context, by, docID int64, r VisitReview) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO visit_reviews(doc_id, reached, achieved, why_not, improve, next_step, next_on, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, r.Reached, r.Achieved, r.WhyNot, r.Improve, r.NextStep, r.NextOn, now, now, by)
	return classify(err)
}

// Visit loads a visit with its review and, when cancelled, the reason.
func (t *Tx) Visit(ctx context.Context, docID int64) (SalesVisit, error) {
	v, err := scanSalesVisit(t.row(ctx, `SELECT `+visitCols+visitFrom+` WHERE x.doc_id = ?`, docID))
	if err != nil || v.Status != "cancelled" {
		return v, err
	}
	v.Reason, err = t.reasonFor(ctx, docID, "cancelled")
	return v, err
}

// reasonFor is the comment of the latest move of a document into
// status: why a lead was lost, why a visit was cancelled ("" for none).
func (t *Tx) reasonFor(ctx context.Context, docID int64, status string) (string, error) {
	var reason string
	err := t.row(ctx, `SELECT comment FROM transitions WHERE doc_id = ? AND to_status = ? ORDER BY id DESC LIMIT 1`, docID, status).Scan(&reason)
	if noRow(err) {
		err = nil
	}
	return reason, err
}

// VisitFilter says which visits to list: one owner's (0 for all), from
// day to day (inclusive, "" for open-ended), in one status ("" for all),
// matching text (ref, whom, place, owner; "" for all).
type VisitFilter struct {
	OwnerID  int64
	From, To string
	Status   string
	Text     string
	Limit    int
}

// ListVisits lists visits by filter, the latest day first.
func (t *Tx) ListVisits(ctx context.Context, f VisitFilter) ([]SalesVisit, error) {
	if f.Limit <= 0 {
		f.Limit = 500
	}
	like := "%" + strings.ToLower(strings.TrimSpace(f.Text)) + "%"
	return queryAll(ctx, t, scanSalesVisit, `SELECT `+visitCols+visitFrom+`
	 WHERE (? = 0 OR x.owner_id = ?) AND (? = '' OR x.visit_on >= ?) AND (? = '' OR x.visit_on <= ?) AND (? = '' OR d.status = ?)
	   AND (? = '%%' OR lower(d.ref || ' ' || coalesce(c.name, l.name, '') || ' ' || coalesce(c.mnemonic, l.mnemonic, '') || ' ' || x.place
	        || ' ' || coalesce(o.name, '')) LIKE ?)
	 ORDER BY x.visit_on DESC, x.visit_at DESC, d.id DESC LIMIT ?`,
		f.OwnerID, f.OwnerID, f.From, f.From, f.To, f.To, f.Status, f.Status, like, like, f.Limit)
}

// VisitsUnreviewed lists owner's planned visits whose day is before day
// (YYYY-MM-DD): the ones waiting for their review, the oldest first.
func (t *Tx) VisitsUnreviewed(ctx context.Context, ownerID int64, day string) ([]SalesVisit, error) {
	return queryAll(ctx, t, scanSalesVisit, `SELECT `+visitCols+visitFrom+`
	 WHERE x.owner_id = ? AND x.visit_on < ? AND d.status = 'planned'
	 ORDER BY x.visit_on, x.visit_at, d.id`, ownerID, day)
}

// VisitPage lists a page of visits in document order (the keyset): one
// owner's (0 for all), in statuses (none for all), matching the page's
// words (ref, whom, 助记码, place, owner).
func (t *Tx) VisitPage(ctx context.Context, ownerID int64, statuses []string, p Page) ([]SalesVisit, error) {
	where, args := []string{"(? = 0 OR x.owner_id = ?)"}, []any{ownerID, ownerID}
	if len(statuses) > 0 {
		where = append(where, "d.status IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(statuses)), ", ")+")")
		for _, s := range statuses {
			args = append(args, s)
		}
	}
	for _, w := range strings.Fields(strings.ToLower(foldQuery(p.Query))) {
		where = append(where, "instr(lower(d.ref || ' ' || coalesce(c.name, l.name, '') || ' ' || coalesce(c.mnemonic, l.mnemonic, '') || ' ' || x.place || ' ' || coalesce(o.name, '')), ?) > 0")
		args = append(args, w)
	}
	tail, args := keysetTail(p, "x.doc_id", where, args)
	return queryPage(ctx, t, p, scanSalesVisit, `SELECT `+visitCols+visitFrom+tail, args...)
}
