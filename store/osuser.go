package store

import "context"

// SetOSUser maps an operating-system account to a user ("" unmaps it);
// the audit trigger on users records the change.
func (t *Tx) SetOSUser(ctx context.Context, by, userID int64, osUser string) error {
	return t.updateUser(ctx, by, userID, "os_user = ?", osUser)
}
