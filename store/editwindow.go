package store

import (
	"context"
	"errors"
	"slices"
)

// A save's edit window (migration 0033): while by's window on a document
// is open, the content rows by writes do not move the document's version
// one by one (a 20-line order moved it, writing an edit of the header and
// its audit record, 21 times); closing the window moves it once. by is
// recorded as an editor of the round when the window opens, and the
// database refuses a status change while one is open, so a reviewer still
// signs only a version whose content they could see.
//
// A transaction closes every window it opened before it commits, and a
// document's window before a transition of it.

// OpenEdit opens by's edit window on an editable document; the
// transaction closes it. A window someone left open
// (a script's, never the desk's: the desk's close with their
// transaction) is refused as the database refuses a status change
// while it is open.
func (t *Tx) OpenEdit(ctx context.Context, by, id int64) error {
	res, err := t.exec(ctx, `UPDATE documents SET edit_open = ?, updated_at = ?, updated_by = ? WHERE id = ? AND edit_open IS NULL`,
		by, stamp(t.Now), by, id)
	if err = affectedOne(res, err); errors.Is(err, ErrNotFound) {
		return &RuleError{Code: "edit_window"}
	}
	if err == nil {
		t.opened(id, by)
	}
	return err
}

// opened notes a window this transaction may have opened (a document
// made in a status that is not editable has none: closing it then
// changes nothing).
func (t *Tx) opened(id, by int64) {
	if t.windows == nil {
		t.windows = map[int64]int64{}
	}
	t.windows[id] = by
}

// closeWindow closes the window this transaction opened on a document,
// if it did, moving its version once for everything written inside it.
func (t *Tx) closeWindow(ctx context.Context, id int64) error {
	by, ok := t.windows[id]
	if !ok {
		return nil
	}
	delete(t.windows, id)
	_, err := t.exec(ctx, `UPDATE documents SET edit_open = NULL, version = version + 1, updated_at = ?, updated_by = ?
		WHERE id = ? AND edit_open = ?`, stamp(t.Now), by, id, by)
	return classify(err)
}

// closeWindows closes every window the transaction still has open, in
// the order the documents were made.
func (t *Tx) closeWindows(ctx context.Context) error {
	ids := make([]int64, 0, len(t.windows))
	for id := range t.windows {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := t.closeWindow(ctx, id); err != nil {
			return err
		}
	}
	return nil
}
