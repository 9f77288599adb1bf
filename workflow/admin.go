package workflow

import (
	"context"

	"orderdesk/store"
)

// The admin screen's calls: each acts as the desk's user, who must be an
// admin (the engine checks).

// AddUser creates a user.
func (d *Desk) AddUser(ctx context.Context, login, name, osUser string, roles []Role) (store.User, error) {
	return d.e.AddUser(ctx, d.User, login, name, osUser, roles)
}

// SetRoles replaces a user's roles.
func (d *Desk) SetRoles(ctx context.Context, login string, roles []Role) (store.User, error) {
	return d.e.SetRoles(ctx, d.User, login, roles)
}

// SetActive enables or disables a user; a disabled user's keys stop
// working at their next login.
func (d *Desk) SetActive(ctx context.Context, userID int64, active bool) error {
	if err := permit(d.User, ManageUsers, ""); err != nil {
		return err
	}
	if userID == d.User.ID && !active {
		return &Refusal{Code: NotAllowed, Action: "disable_self"}
	}
	err := d.e.st.Write(ctx, func(tx *store.Tx) error { return tx.SetActive(ctx, d.User.ID, userID, active) })
	if err == nil {
		d.e.feed.Publish(Change{Kind: "user", ID: userID})
	}
	return err
}

// AddKey registers a public key for a user.
func (d *Desk) AddKey(ctx context.Context, login, line string) (ParsedKey, error) {
	return d.e.AddKey(ctx, d.User, login, line)
}

// RemoveKey retires a key.
func (d *Desk) RemoveKey(ctx context.Context, fingerprint string) error {
	return d.e.RemoveKey(ctx, d.User, fingerprint)
}

// Keys lists a user's active keys.
func (d *Desk) Keys(ctx context.Context, userID int64) ([]store.Key, error) {
	if err := permit(d.User, ManageUsers, ""); err != nil {
		return nil, err
	}
	return d.e.Keys(ctx, userID, false)
}

// SetPassphrase sets a user's at-desk passphrase (their own, or anyone's
// for an admin).
func (d *Desk) SetPassphrase(ctx context.Context, login, passphrase string) error {
	return d.e.SetPassphrase(ctx, d.User, login, passphrase)
}
