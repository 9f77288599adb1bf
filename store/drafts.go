package store

import (
	"context"
	"time"
)

// SaveDraft keeps a form's unsaved input for its user.
func (t *Tx) SaveDraft(ctx context.Context, userID int64, form, payload string) error {
	_, err := t.exec(ctx, `INSERT INTO drafts(user_id, form, payload, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT(user_id, form) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at`,
		userID, form, payload, stamp(t.Now))
	return classify(err)
}

// Draft returns a kept draft and when it was last written.
func (t *Tx) Draft(ctx context.Context, userID int64, form string) (string, time.Time, error) {
	var payload, at string
	err := t.row(ctx, `SELECT payload, updated_at FROM drafts WHERE user_id = ? AND form = ?`, userID, form).Scan(&payload, &at)
	if noRow(err) {
		return "", time.Time{}, ErrNotFound
	}
	return payload, parseStamp(at), err
}

// DiscardDraft forgets a draft once its form was saved or abandoned.
func (t *Tx) DiscardDraft(ctx context.Context, userID int64, form string) error {
	_, err := t.exec(ctx, `DELETE FROM drafts WHERE user_id = ? AND form = ?`, userID, form)
	return classify(err)
}
