package workflow

import (
	"context"
	"errors"
	"strings"

	"orderdesk/store"
)

// Refusals of who imports.
const (
	ImportNeedsPerson Code = "import_needs_person" // neither a mapped account nor --as names a desk user
	ImportNotYou      Code = "import_not_you"      // the account is mapped to another desk user than --as names
)

// ImportMaker is the desk user an import from the command line is made
// by: the user the operating-system account is mapped to, else the one
// login names. The installation itself is never a maker: the batch is
// signed off at the desk by a second person, who must be someone other
// than a person who made it.
func (e *Engine) ImportMaker(ctx context.Context, osUser, login string) (store.User, error) {
	login = strings.TrimSpace(login)
	mapped, err := e.UserByOSUser(ctx, osUser)
	switch {
	case err == nil && (login == "" || strings.EqualFold(login, mapped.Login)):
		return mapped, nil
	case err == nil:
		return store.User{}, &Refusal{Code: ImportNotYou}
	case !errors.Is(err, ErrNoUser):
		return store.User{}, err
	case login == "":
		return store.User{}, &Refusal{Code: ImportNeedsPerson}
	}
	var u store.User
	err = e.st.Read(ctx, func(tx *store.Tx) error {
		u, err = tx.UserByLogin(ctx, login)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || (err == nil && !u.Active) {
		return u, &Refusal{Code: ImportNeedsPerson}
	}
	return u, err
}
