package store

import (
	"context"
	"time"
)

// Follow-up sources: what the call follows.
const (
	FollowDelivery  = "delivery"  // a delivery note, some days after it left
	FollowComplaint = "complaint" // a complaint, some days after it was resolved
)

// FollowUp is the outcome of a follow-up call (回访), kept on the
// customer file.
type FollowUp struct {
	CustomerID  int64
	Customer    string
	Source      string // FollowDelivery or FollowComplaint
	SourceDocID int64
	SourceRef   string
	Satisfied   bool
	Remark      string
	CalledOn    string
	By          string
	At          time.Time
}

const followUpCols = `f.customer_id, c.name, f.source, f.source_doc_id, d.ref, f.satisfied, f.remark, f.called_on, coalesce(u.name, ''), f.created_at`

const followUpFrom = ` FROM follow_ups f JOIN customers c ON c.id = f.customer_id JOIN documents d ON d.id = f.source_doc_id
	LEFT JOIN users u ON u.id = f.updated_by`

func scanFollowUp(sc scanner) (FollowUp, error) {
	var f FollowUp
	err := sc.Scan(&f.CustomerID, &f.Customer, &f.Source, &f.SourceDocID, &f.SourceRef, &f.Satisfied, &f.Remark, &f.CalledOn, &f.By, stampInto(&f.At))
	return f, err
}

// AddFollowUp records a follow-up call's outcome.
func (t *Tx) AddFollowUp(ctx context.Context, by int64, f FollowUp) error {
	now := stamp(t.Now)
	_, err := t.exec(ctx, `INSERT INTO follow_ups(customer_id, source, source_doc_id, satisfied, remark, called_on, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, f.CustomerID, f.Source, f.SourceDocID, f.Satisfied, f.Remark, f.CalledOn, now, now, by)
	return classify(err)
}

// FollowUps lists a customer's follow-up outcomes, newest first.
func (t *Tx) FollowUps(ctx context.Context, customerID int64) ([]FollowUp, error) {
	return queryAll(ctx, t, scanFollowUp, `SELECT `+followUpCols+followUpFrom+` WHERE f.customer_id = ? ORDER BY f.id DESC`, customerID)
}

// FollowUpDue is a call to make: a document whose follow-up day has come
// and whose outcome is not recorded yet.
type FollowUpDue struct {
	Source      string
	SourceDocID int64
	SourceRef   string
	CustomerID  int64
	Customer    string
	Mnemonic    string
	RepID       int64  // the customer's rep (0: none)
	MakerID     int64  // the document's maker, when there is no rep
	Day         string // the day it left, or was resolved
}

func scanFollowUpDue(sc scanner) (FollowUpDue, error) {
	var f FollowUpDue
	err := sc.Scan(&f.Source, &f.SourceDocID, &f.SourceRef, &f.CustomerID, &f.Customer, &f.Mnemonic, &f.RepID, &f.MakerID, &f.Day)
	return f, err
}

// FollowUpsDue lists the deliveries that left, and the complaints
// resolved, on days from … to (inclusive, 'YYYY-MM-DD') with no outcome
// recorded, oldest first.
func (t *Tx) FollowUpsDue(ctx context.Context, deliveredFrom, deliveredTo, resolvedFrom, resolvedTo string) ([]FollowUpDue, error) {
	return queryAll(ctx, t, scanFollowUpDue, `
	SELECT 'delivery', n.doc_id, d.ref, n.customer_id, c.name, c.mnemonic, coalesce(c.rep_id, 0), d.maker_id, substr(x.shipped_at, 1, 10) AS day
	  FROM delivery_dispatches x JOIN delivery_notes n ON n.doc_id = x.note_doc_id JOIN documents d ON d.id = n.doc_id
	  JOIN customers c ON c.id = n.customer_id
	 WHERE x.shipped_at >= ? AND x.shipped_at < ? AND d.status <> 'void'
	   AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.source_doc_id = n.doc_id)
	UNION ALL
	SELECT 'complaint', k.doc_id, d.ref, k.customer_id, c.name, c.mnemonic, coalesce(c.rep_id, 0), d.maker_id, substr(s.created_at, 1, 10) AS day
	  FROM complaints k JOIN documents d ON d.id = k.doc_id JOIN customers c ON c.id = k.customer_id
	  JOIN complaint_resolutions s ON s.id = (SELECT max(id) FROM complaint_resolutions WHERE complaint_doc_id = k.doc_id)
	 WHERE d.status IN ('resolved', 'closed') AND s.created_at >= ? AND s.created_at < ?
	   AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.source_doc_id = k.doc_id)
	 ORDER BY day, 2`, deliveredFrom, dayAfter(deliveredTo), resolvedFrom, dayAfter(resolvedTo))
}

// dayAfter is the day after day ('YYYY-MM-DD'), to bound a range of
// stamps or 'YYYY-MM-DD HH:MM' times by their day.
func dayAfter(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return d.AddDate(0, 0, 1).Format(time.DateOnly)
}
