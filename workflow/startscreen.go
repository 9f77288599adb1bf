package workflow

import (
	"context"

	"orderdesk/store"
)

// A user may open the desk on a screen of their choosing (the dashboard,
// say): kept per user in the database, audited, read at each sign-in,
// at the local desk and over SSH alike.

// StartScreen is the screen the user's desk opens on: one their roles
// still show, else "" (the first of their tabs).
func (d *Desk) StartScreen(ctx context.Context) (string, error) {
	s, err := read(ctx, d.e, func(tx *store.Tx) (string, error) { return tx.StartScreen(ctx, d.User.ID) })
	if err != nil || !SeesScreen(d.User, s) {
		return "", err
	}
	return s, nil
}

// SetStartScreen makes screen the one the user's desk opens on ("" the
// first of their tabs). A screen their roles do not show is refused.
func (d *Desk) SetStartScreen(ctx context.Context, screen string) error {
	if screen != "" {
		if err := permitScreen(d.User, screen); err != nil {
			return err
		}
	}
	if d.User.ID == 0 {
		return &Refusal{Code: RoleNotAllowed, Action: "start_screen"}
	}
	return d.writeAndPublish(ctx, "start_screen", func(tx *store.Tx, _ *[]Change) error {
		return tx.SetStartScreen(ctx, d.User.ID, d.User.ID, screen)
	})
}
