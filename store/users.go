package store

import (
	"context"
	"sort"
	"strings"
	"time"
)

// User is a person at the desk. Roles are plain names; the workflow
// package says which exist and what each may do.
type User struct {
	ID             int64
	Login          string
	Name           string
	Roles          []string
	OSUser         string
	Active         bool
	PassphraseHash string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// HasRole reports whether the user holds role.
func (u User) HasRole(role string) bool {
	for _, r := range u.Roles {
		if r == role {
			return true
		}
	}
	return false
}

func joinRoles(roles []string) string {
	set := map[string]bool{}
	for _, r := range roles {
		if r = strings.TrimSpace(r); r != "" {
			set[r] = true
		}
	}
	var list []string
	for r := range set {
		list = append(list, r)
	}
	sort.Strings(list)
	return "," + strings.Join(list, ",") + ","
}

func splitRoles(s string) []string {
	var out []string
	for _, r := range strings.Split(strings.Trim(s, ","), ",") {
		if r != "" {
			out = append(out, r)
		}
	}
	return out
}

const userCols = `id, login, name, roles, os_user, active, passphrase_hash, created_at, updated_at`

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	var roles, created, updated string
	err := sc.Scan(&u.ID, &u.Login, &u.Name, &roles, &u.OSUser, &u.Active, &u.PassphraseHash, &created, &updated)
	if noRow(err) {
		return u, ErrNotFound
	}
	u.Roles, u.CreatedAt, u.UpdatedAt = splitRoles(roles), parseStamp(created), parseStamp(updated)
	return u, err
}

// CreateUser adds a user and returns its id.
func (t *Tx) CreateUser(ctx context.Context, by int64, u User) (int64, error) {
	now := stamp(t.Now)
	return t.insert(ctx, `INSERT INTO users(login, name, roles, os_user, active, passphrase_hash, created_at, updated_at, updated_by)
		VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`, u.Login, u.Name, joinRoles(u.Roles), u.OSUser, u.PassphraseHash, now, now, by)
}

// SetRoles replaces a user's roles.
func (t *Tx) SetRoles(ctx context.Context, by, userID int64, roles []string) error {
	return t.updateUser(ctx, by, userID, "roles = ?", joinRoles(roles))
}

// SetActive enables or disables a user's logins.
func (t *Tx) SetActive(ctx context.Context, by, userID int64, active bool) error {
	return t.updateUser(ctx, by, userID, "active = ?", active)
}

// SetPassphraseHash stores the hash used for at-desk sign-offs.
func (t *Tx) SetPassphraseHash(ctx context.Context, by, userID int64, hash string) error {
	return t.updateUser(ctx, by, userID, "passphrase_hash = ?", hash)
}

func (t *Tx) updateUser(ctx context.Context, by, userID int64, set string, v any) error {
	res, err := t.exec(ctx, `UPDATE users SET `+set+`, updated_at = ?, updated_by = ? WHERE id = ? AND id <> ?`,
		v, stamp(t.Now), by, userID, SystemUserID)
	if err != nil {
		return classify(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// UserByID loads one user.
func (t *Tx) UserByID(ctx context.Context, id int64) (User, error) {
	return scanUser(t.row(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
}

// UserByLogin loads one user by login name (case-insensitive).
func (t *Tx) UserByLogin(ctx context.Context, login string) (User, error) {
	return scanUser(t.row(ctx, `SELECT `+userCols+` FROM users WHERE login = ?`, login))
}

// UserByOSUser finds the active user mapped to an operating-system account.
func (t *Tx) UserByOSUser(ctx context.Context, osUser string) (User, error) {
	return scanUser(t.row(ctx, `SELECT `+userCols+` FROM users WHERE os_user = ? AND active = 1 AND id <> ? ORDER BY id LIMIT 1`, osUser, SystemUserID))
}

// Users lists every user but the system user, by login.
func (t *Tx) Users(ctx context.Context) ([]User, error) {
	return queryAll(ctx, t, scanUser, `SELECT `+userCols+` FROM users WHERE id <> ? ORDER BY login`, SystemUserID)
}

// UsersWithRole lists the active users holding role, by name.
func (t *Tx) UsersWithRole(ctx context.Context, role string) ([]User, error) {
	return queryAll(ctx, t, scanUser, `SELECT `+userCols+` FROM users WHERE active = 1 AND instr(roles, ?) > 0 ORDER BY name`, ","+role+",")
}

// CountUsers counts real users (the system user excluded).
func (t *Tx) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := t.row(ctx, `SELECT count(*) FROM users WHERE id <> ?`, SystemUserID).Scan(&n)
	return n, err
}

// prefixed qualifies each column of a column list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}
