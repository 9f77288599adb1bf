package store

import (
	"context"
)

// TermsChangeKind is the document kind whose approval changes a
// customer's payment terms and credit limit (a trigger applies it).
const TermsChangeKind = "terms_change"

// TermsChange proposes new payment terms and credit for a customer.
type TermsChange struct {
	DocID      int64
	CustomerID int64
	OldTerms   string
	OldDays    int
	OldCredit  Money
	NewTerms   string
	NewDays    int
	NewCredit  Money
	Reason     string
}

// CreateTermsChange opens a terms-change document (in initialStatus) for a
// customer, recording the terms it replaces.
func (t *Tx) CreateTermsChange(ctx context.Context, by int64, initialStatus string, tc TermsChange, summary string) (int64, error) {
	c, err := t.Customer(ctx, tc.CustomerID)
	if err != nil {
		return 0, err
	}
	docID, err := t.CreateDocument(ctx, by, Document{Kind: TermsChangeKind, Ref: c.Code, Status: initialStatus, SubjectID: c.ID, Summary: summary})
	if err != nil {
		return 0, err
	}
	now := stamp(t.Now)
	_, err = t.exec(ctx, `INSERT INTO terms_changes(doc_id, customer_id, old_terms, old_days, old_credit, new_terms, new_days, new_credit, reason, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, docID, c.ID, c.PaymentTerms, c.TermsDays, c.CreditLimit,
		tc.NewTerms, tc.NewDays, tc.NewCredit, tc.Reason, now, now, by)
	if err != nil {
		return 0, classify(err)
	}
	return docID, nil
}

// TermsChange loads the content of a terms-change document.
func (t *Tx) TermsChange(ctx context.Context, docID int64) (TermsChange, error) {
	var tc TermsChange
	err := t.row(ctx, `SELECT doc_id, customer_id, old_terms, old_days, old_credit, new_terms, new_days, new_credit, reason
	  FROM terms_changes WHERE doc_id = ?`, docID).Scan(&tc.DocID, &tc.CustomerID, &tc.OldTerms, &tc.OldDays, &tc.OldCredit,
		&tc.NewTerms, &tc.NewDays, &tc.NewCredit, &tc.Reason)
	if noRow(err) {
		return tc, ErrNotFound
	}
	return tc, err
}

// OpenTermsChange finds a customer's terms change still in one of
// statuses, if any (0 when none).
func (t *Tx) OpenTermsChange(ctx context.Context, customerID int64, statuses ...string) (int64, error) {
	for _, s := range statuses {
		var id int64
		err := t.row(ctx, `SELECT id FROM documents WHERE kind = ? AND subject_id = ? AND status = ? ORDER BY id DESC LIMIT 1`,
			TermsChangeKind, customerID, s).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !noRow(err) {
			return 0, err
		}
	}
	return 0, nil
}
