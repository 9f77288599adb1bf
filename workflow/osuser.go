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
	return e.changeUser(ctx, login, func(tx *store.Tx, target store.User) error {
		return tx.SetOSUser(ctx, by.ID, target.ID, osUser)
	})
}
