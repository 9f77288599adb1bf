package workflow

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"orderdesk/store"
)

// Drafts keep what a user typed into a form until it is saved, so a
// dropped SSH session or a closed terminal loses nothing: reopening the
// form offers the draft back.

// Presence is the engine's registry of who is editing what.
func (d *Desk) Presence() *Presence { return d.e.presence }

// SaveDraft keeps v (a form's input) under form for this user.
func (d *Desk) SaveDraft(ctx context.Context, form string, v any) error {
	payload, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return d.e.st.Write(ctx, func(tx *store.Tx) error { return tx.SaveDraft(ctx, d.User.ID, form, string(payload)) })
}

// LoadDraft fills v from this user's draft of form; found is false when
// there is none.
func (d *Desk) LoadDraft(ctx context.Context, form string, v any) (at time.Time, found bool, err error) {
	var payload string
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		payload, at, err = tx.Draft(ctx, d.User.ID, form)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return at, false, nil
	}
	if err != nil {
		return at, false, err
	}
	return at, true, json.Unmarshal([]byte(payload), v)
}

// DiscardDraft forgets this user's draft of form.
func (d *Desk) DiscardDraft(ctx context.Context, form string) error {
	return d.e.st.Write(ctx, func(tx *store.Tx) error { return tx.DiscardDraft(ctx, d.User.ID, form) })
}
