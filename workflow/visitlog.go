package workflow

import (
	"context"
	"errors"
	"strings"

	"orderdesk/store"
)

// The customer file's log (customer_visits) held visits, calls and
// after-sales contacts before visits were documents. Its visits become
// visits: each a visit of its writer to the customer on its day,
// reviewed with the log's note as what it achieved, no goal said, and
// pointing back at its entry. Calls and after-sales contacts stay in
// the log, as does a visit whose writer makes no visits any more.

// MoveVisitLog makes visits of the log's visits not yet moved: at
// start, once the kinds' rules are in, and after a demo or an import
// wrote the log in bulk (nothing is written when none waits, nor to a
// file that takes no writes now, where they show as log entries still).
func (e *Engine) MoveVisitLog(ctx context.Context) error {
	if e.st.ReadOnly() {
		return nil
	}
	roles := roleNames(visitWorkers)
	waiting, err := read(ctx, e, func(tx *store.Tx) ([]store.VisitLogEntry, error) { return tx.VisitLogToMove(ctx, roles) })
	if err != nil || len(waiting) == 0 {
		return err
	}
	var changes []Change
	err = e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		entries, err := tx.VisitLogToMove(ctx, roles)
		if err != nil {
			return err
		}
		for _, en := range entries {
			if err := e.moveLogEntry(ctx, tx, en, &changes); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		e.publish(changes)
	}
	if writesRefused(err) {
		return nil // the next start that may write moves them
	}
	return err
}

// writesRefused: the file takes no writes now (its guards differ from
// this program's until `audit repair`, its audit key is wrong, another
// writer holds it): the desk still starts, to show what it holds.
func writesRefused(err error) bool {
	var schema *store.SchemaError
	var key *store.AuditKeyError
	return errors.As(err, &schema) || errors.As(err, &key) || errors.Is(err, store.ErrReadOnly) || errors.Is(err, store.ErrBusy) || errors.Is(err, store.ErrBenchDB)
}

// moveLogEntry makes one entry of the log a reviewed visit of its writer.
func (e *Engine) moveLogEntry(ctx context.Context, tx *store.Tx, en store.VisitLogEntry, changes *[]Change) error {
	by, err := tx.UserByID(ctx, en.By)
	if err != nil {
		return err
	}
	c, err := tx.Customer(ctx, en.CustomerID)
	if err != nil {
		return err
	}
	v := store.SalesVisit{OwnerID: en.By, CustomerID: en.CustomerID, On: en.On, LogID: en.ID}
	docID, _, err := tx.CreateVisit(ctx, en.By, Visit.Initial(), v, c.Name)
	if err != nil {
		return err
	}
	said := strings.TrimSpace(en.Notes)
	if said == "" {
		said = "—"
	}
	if err := tx.AddVisitReview(ctx, en.By, docID, store.VisitReview{Achieved: said}); err != nil {
		return err
	}
	return e.applyTx(ctx, tx, applyReq{actor: by, docID: docID, action: ActionReviewVisit, internal: true}, changes)
}
