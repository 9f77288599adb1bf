package store

import (
	"context"
	"time"
)

// Key is an SSH public key that identifies a user.
type Key struct {
	ID          int64
	UserID      int64
	Login       string
	Fingerprint string
	PublicKey   string
	Comment     string
	Removed     bool
	CreatedAt   time.Time
}

// AddKey registers a key for a user. A key already active for anyone is
// refused with ErrDuplicate.
func (t *Tx) AddKey(ctx context.Context, by int64, k Key) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO user_keys(user_id, fingerprint, public_key, comment, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, k.UserID, k.Fingerprint, k.PublicKey, k.Comment, now, now, by)
}

// RemoveKey retires a key; it stops working at the next login.
func (t *Tx) RemoveKey(ctx context.Context, by int64, fingerprint string) error {
	res, err := t.exec(ctx, `UPDATE user_keys SET removed = 1, updated_at = ?, updated_by = ? WHERE fingerprint = ? AND removed = 0`,
		stamp(t.Now), by, fingerprint)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// UserByKey finds the active user an active key belongs to.
func (t *Tx) UserByKey(ctx context.Context, fingerprint string) (User, error) {
	u, err := scanUser(t.row(ctx, `SELECT `+prefixed("u.", userCols)+` FROM user_keys k JOIN users u ON u.id = k.user_id
		WHERE k.fingerprint = ? AND k.removed = 0 AND u.active = 1`, fingerprint))
	if noRow(err) {
		return u, ErrNotFound
	}
	return u, err
}

// Keys lists keys, a user's (userID > 0) or everyone's, active first.
func (t *Tx) Keys(ctx context.Context, userID int64, withRemoved bool) ([]Key, error) {
	return queryAll(ctx, t, scanKey, `SELECT k.id, k.user_id, u.login, k.fingerprint, k.public_key, k.comment, k.removed, k.created_at
	  FROM user_keys k JOIN users u ON u.id = k.user_id
	 WHERE (? = 0 OR k.user_id = ?) AND (? OR k.removed = 0)
	 ORDER BY k.removed, u.login, k.id`, userID, userID, withRemoved)
}

func scanKey(sc scanner) (Key, error) {
	var k Key
	var created string
	err := sc.Scan(&k.ID, &k.UserID, &k.Login, &k.Fingerprint, &k.PublicKey, &k.Comment, &k.Removed, &created)
	k.CreatedAt = parseStamp(created)
	return k, err
}
