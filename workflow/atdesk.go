package workflow

import (
	"context"
	"errors"

	"orderdesk/store"
)

// SignAtDesk lets another person sign off at this desk's terminal: a
// supervisor walks over and types their own login and passphrase for this
// one action, on the version of the document shown (seen). The transition records the signer as actor and this desk's
// user beside them; the two-person rule applies to the signer as always.
// Wrong passphrases are rate-limited per signer.
func (d *Desk) SignAtDesk(ctx context.Context, login, passphrase string, docID, seen int64, action, comment string) error {
	var signer store.User
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		var err error
		signer, err = tx.UserByLogin(ctx, login)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || (err == nil && (!signer.Active || signer.ID == store.SystemUserID)) {
		checkPassphrase(dummyHash(), passphrase) // as slow as a real check: never say which logins exist
		d.e.log.Warn("at-desk sign-off refused: unknown login", "login", login, "desk", d.User.Login)
		return ErrWrongPassphrase
	}
	if err != nil {
		return err
	}
	if err := d.e.limiter.begin(signer.ID); err != nil {
		d.e.log.Warn("at-desk sign-off refused: locked", "signer", signer.Login, "desk", d.User.Login)
		return err
	}
	err = checkPassphrase(signer.PassphraseHash, passphrase)
	d.e.limiter.done(signer.ID, err == nil)
	if err != nil {
		d.e.log.Warn("at-desk sign-off refused: wrong passphrase", "signer", signer.Login, "desk", d.User.Login)
		return err
	}
	return d.e.applySeen(ctx, signer, d.User.ID, docID, seen, action, comment)
}

// SetPassphrase sets the at-desk passphrase of the user with login. Only
// the user themselves may, or the office machine's owner at the command
// line: an admin who could set a supervisor's passphrase could sign as
// them, and sign off the admin's own documents.
func (e *Engine) SetPassphrase(ctx context.Context, by store.User, login, passphrase string) error {
	hash, err := HashPassphrase(passphrase)
	if err != nil {
		return err
	}
	return e.st.Write(ctx, func(tx *store.Tx) error {
		u, err := tx.UserByLogin(ctx, login)
		if err != nil {
			return err
		}
		if by.ID != u.ID && by.ID != store.SystemUserID {
			return &Refusal{Code: NotAllowed, Action: "set_passphrase"}
		}
		return tx.SetPassphraseHash(ctx, by.ID, u.ID, hash)
	})
}
