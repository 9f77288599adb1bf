package store

import "context"

// StartScreen is the screen user opens on at sign-in ("" the first of
// their tabs).
func (t *Tx) StartScreen(ctx context.Context, userID int64) (string, error) {
	var v string
	err := t.row(ctx, `SELECT start_screen FROM user_preferences WHERE user_id = ?`, userID).Scan(&v)
	if noRow(err) {
		return "", nil
	}
	return v, err
}

// SetStartScreen records the screen user opens on (audited): an update
// of the row there is, else a new one.
func (t *Tx) SetStartScreen(ctx context.Context, by, userID int64, screen string) error {
	now := stamp(t.Now)
	res, err := t.exec(ctx, `UPDATE user_preferences SET start_screen = ?, updated_at = ?, updated_by = ? WHERE user_id = ?`,
		screen, now, by, userID)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	_, err = t.exec(ctx, `INSERT INTO user_preferences(user_id, start_screen, updated_at, updated_by) VALUES (?, ?, ?, ?)`,
		userID, screen, now, by)
	return classify(err)
}
