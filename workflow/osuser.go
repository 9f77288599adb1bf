package workflow

import (
	"context"

	"orderdesk/store"
)

// SetOSUser changes which operating-system account works as the user
// with this login ("" maps none); by must be an admin (or the system).
func (e *Engine) SetOSUser(ctx context.Context, by store.User, login, osUser string) (store.User, error) {
	if by.ID != store.SystemUserID && !Can(by, ManageUsers) {
		return store.User{}, &Refusal{Code: RoleNotAllowed, Action: string(ManageUsers), Roles: RolesFor(ManageUsers)}
	}
	if fe := CheckText("os_user", osUser, false, 40); fe != nil {
		return store.User{}, FieldErrors{fe}
	}
	var u store.User
	err := e.st.Write(ctx, func(tx *store.Tx) error {
		target, err := tx.UserByLogin(ctx, login)
		if err != nil {
			return err
		}
		if err := tx.SetOSUser(ctx, by.ID, target.ID, osUser); err != nil {
			return err
		}
		u, err = tx.UserByID(ctx, target.ID)
		return err
	})
	if err == nil {
		e.feed.Publish(Change{Kind: "user", ID: u.ID})
	}
	return u, err
}
