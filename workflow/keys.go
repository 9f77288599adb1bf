package workflow

import (
	"context"
	"errors"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"orderdesk/store"
)

// ErrBadKey says a public key could not be read.
var ErrBadKey = errors.New("not an SSH public key (expected one line like: ssh-ed25519 AAAA… comment)")

// ParsedKey is a validated public key.
type ParsedKey struct {
	Fingerprint string // SHA256:…
	Line        string // "type base64", the canonical form
	Comment     string
}

// ParseKey validates one authorized_keys line (options are refused: a key
// here only says who someone is).
func ParseKey(line string) (ParsedKey, error) {
	line = strings.TrimSpace(line)
	if line == "" || strings.Contains(line, "\n") {
		return ParsedKey{}, ErrBadKey
	}
	pk, comment, options, rest, err := gossh.ParseAuthorizedKey([]byte(line))
	if err != nil || len(options) > 0 || len(strings.TrimSpace(string(rest))) > 0 {
		return ParsedKey{}, ErrBadKey
	}
	return ParsedKey{
		Fingerprint: gossh.FingerprintSHA256(pk),
		Line:        strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk))),
		Comment:     comment,
	}, nil
}

// AddKey registers a public key for the user with login. by must be an
// admin or the system user (the office machine's owner at the command line).
func (e *Engine) AddKey(ctx context.Context, by store.User, login, line string) (ParsedKey, error) {
	if err := permitOrSystem(by, ManageUsers, ""); err != nil {
		return ParsedKey{}, err
	}
	k, err := ParseKey(line)
	if err != nil {
		return k, err
	}
	err = e.st.Write(ctx, func(tx *store.Tx) error {
		u, err := tx.UserByLogin(ctx, login)
		if err != nil {
			return err
		}
		_, err = tx.AddKey(ctx, by.ID, store.Key{UserID: u.ID, Fingerprint: k.Fingerprint, PublicKey: k.Line, Comment: k.Comment})
		return err
	})
	if err == nil {
		e.feed.Publish(Change{Kind: "user"})
	}
	return k, err
}

// RemoveKey retires a key by fingerprint; the holder is refused at their
// next login.
func (e *Engine) RemoveKey(ctx context.Context, by store.User, fingerprint string) error {
	if err := permitOrSystem(by, ManageUsers, ""); err != nil {
		return err
	}
	err := e.st.Write(ctx, func(tx *store.Tx) error { return tx.RemoveKey(ctx, by.ID, fingerprint) })
	if err == nil {
		e.feed.Publish(Change{Kind: "user"})
	}
	return err
}

// Keys lists registered keys (userID 0 for everyone's).
func (e *Engine) Keys(ctx context.Context, userID int64, withRemoved bool) (keys []store.Key, err error) {
	err = e.st.Read(ctx, func(tx *store.Tx) error {
		keys, err = tx.Keys(ctx, userID, withRemoved)
		return err
	})
	return keys, err
}

// UserByKey resolves the user behind a key fingerprint: the only way an
// SSH session learns who it serves. Unknown, removed and disabled keys get
// ErrNoUser.
func (e *Engine) UserByKey(ctx context.Context, fingerprint string) (u store.User, err error) {
	err = e.st.Read(ctx, func(tx *store.Tx) error {
		u, err = tx.UserByKey(ctx, fingerprint)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return u, ErrNoUser
	}
	return u, err
}
