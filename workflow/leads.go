package workflow

import (
	"context"

	"orderdesk/store"
)

// EditLeads: enter leads, log calls and messages on them, convert them.
const EditLeads Permission = "edit_leads"

// Refused actions of the lead calls, as refusals name them.
const (
	actionCreateLead  = "create_lead"
	actionLogLead     = "log_lead"
	actionLeadToCust  = "lead_to_customer"
	actionLeadToInq   = "lead_to_inquiry"
	actionSaveLeadDoc = "save"
)

// ownLeadsOnly: a sales rep (without the desk's or a supervisor's role)
// sees and works only the leads they own.
func (d *Desk) ownLeadsOnly() bool { return !hasAnyRole(d.User, []Role{Clerk, Supervisor}) }

// leadScope is the owner whose leads this user may list (0: everyone's).
func (d *Desk) leadScope() int64 {
	if d.ownLeadsOnly() {
		return d.User.ID
	}
	return 0
}

// leadOwner says who owns a lead: a sales rep's are their own; the desk
// and supervisors name any active user who follows leads up (none: the
// caller).
func (d *Desk) leadOwner(ctx context.Context, tx *store.Tx, ownerID int64, action string) (int64, error) {
	if ownerID == 0 || ownerID == d.User.ID {
		return d.User.ID, nil
	}
	if d.ownLeadsOnly() {
		return 0, &Refusal{Code: NotYourLead, Action: action}
	}
	u, err := tx.UserByID(ctx, ownerID)
	if err != nil || !u.Active || !hasAnyRole(u, leadWorkers) {
		return 0, FieldErrors{{Field: FOwner, Code: InvalidChoice}}
	}
	return ownerID, nil
}

// openLead loads a lead this user may work, still open when open is set.
func (d *Desk) openLead(ctx context.Context, tx *store.Tx, docID int64, action string, open bool) (store.Lead, error) {
	l, err := tx.Lead(ctx, docID)
	if err != nil {
		return l, err
	}
	if !mayWorkLead(d.User, l.OwnerID) {
		return l, &Refusal{Code: NotYourLead, Action: action}
	}
	if open && !oneOf(l.Status, leadOpen) {
		return l, &Refusal{Code: LeadClosed, Action: action}
	}
	return l, nil
}

// CreateLead enters a lead. What is wrong comes back at its field, the
// name or phone of a customer or open lead already on file among it;
// a 助记码 shared with one comes back as a warning, and the lead is saved.
func (d *Desk) CreateLead(ctx context.Context, in LeadInput) (id int64, warn FieldErrors, err error) {
	if err := permit(d.User, EditLeads, actionCreateLead); err != nil {
		return 0, nil, err
	}
	l, errs := in.validate(d)
	if errs.For(FNextOn) == nil {
		errs = append(errs, nextOnGone(d, l, "")...)
	}
	if len(errs) > 0 {
		return 0, nil, d.withMatches(ctx, l, 0, errs)
	}
	err = d.writeAndPublish(ctx, actionCreateLead, func(tx *store.Tx, changes *[]Change) error {
		if l.OwnerID, err = d.leadOwner(ctx, tx, in.OwnerID, actionCreateLead); err != nil {
			return err
		}
		var dup FieldErrors
		if dup, warn, err = checkMatches(ctx, tx, l, 0); err != nil || len(dup) > 0 {
			return joinErr(err, dup)
		}
		if id, _, err = tx.CreateLead(ctx, d.User.ID, Lead.Initial(), l); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.LeadKind, ID: id})
		return nil
	})
	return id, warn, err
}

// withMatches adds to a form's problems the name or phone it shares with
// a customer or an open lead, so one save says everything wrong at once.
func (d *Desk) withMatches(ctx context.Context, l store.Lead, except int64, errs FieldErrors) error {
	dup, _, err := read2(ctx, d.e, func(tx *store.Tx) (FieldErrors, FieldErrors, error) { return checkMatches(ctx, tx, l, except) })
	if err != nil {
		return err
	}
	for _, e := range dup {
		if errs.For(e.Field) == nil {
			errs = append(errs, e)
		}
	}
	return errs
}

// read2 is read for a read of two results.
func read2[A, B any](ctx context.Context, e *Engine, get func(tx *store.Tx) (A, B, error)) (a A, b B, err error) {
	err = e.st.Read(ctx, func(tx *store.Tx) (err error) {
		a, b, err = get(tx)
		return err
	})
	return a, b, err
}

// joinErr is err, or the form's problems when there are some.
func joinErr(err error, errs FieldErrors) error {
	if err == nil && len(errs) > 0 {
		return errs
	}
	return err
}

// UpdateLead saves an open lead's form as of version seen (0: whatever
// it is now), checked as when it was entered; an owner named moves it
// (none keeps it whose it is).
func (d *Desk) UpdateLead(ctx context.Context, docID, seen int64, in LeadInput) (warn FieldErrors, err error) {
	if err := permit(d.User, EditLeads, actionSaveLeadDoc); err != nil {
		return nil, err
	}
	l, errs := in.validate(d)
	if len(errs) > 0 {
		return nil, d.withMatches(ctx, l, docID, errs)
	}
	err = d.writeAndPublish(ctx, actionSaveLeadDoc, func(tx *store.Tx, changes *[]Change) error {
		had, err := d.openLead(ctx, tx, docID, actionSaveLeadDoc, true)
		if err != nil {
			return err
		}
		if seen != 0 && had.Version != seen {
			return &Refusal{Code: StaleStatus, Action: actionSaveLeadDoc}
		}
		if gone := nextOnGone(d, l, had.NextOn); gone != nil {
			return gone
		}
		l.OwnerID = had.OwnerID // none named: it stays whose it is
		if in.OwnerID != 0 && in.OwnerID != had.OwnerID {
			if l.OwnerID, err = d.leadOwner(ctx, tx, in.OwnerID, actionSaveLeadDoc); err != nil {
				return err
			}
		}
		var dup FieldErrors
		if dup, warn, err = checkMatches(ctx, tx, l, docID); err != nil || len(dup) > 0 {
			return joinErr(err, dup)
		}
		l.DocID = docID
		*changes = append(*changes, Change{Kind: store.LeadKind, ID: docID})
		return tx.UpdateLead(ctx, d.User.ID, l)
	})
	return warn, err
}

// LogLeadContact logs a call or message on an open lead; its next step
// and day become the lead's (an empty one clears them).
func (d *Desk) LogLeadContact(ctx context.Context, docID int64, in LeadContactInput) error {
	if err := permit(d.User, EditLeads, actionLogLead); err != nil {
		return err
	}
	c, errs := in.validate(d)
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, actionLogLead, func(tx *store.Tx, changes *[]Change) error {
		if _, err := d.openLead(ctx, tx, docID, actionLogLead, true); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.LeadKind, ID: docID})
		return tx.AddLeadContact(ctx, d.User.ID, docID, c)
	})
}

// Lead loads a lead with its log: a sales rep only their own.
func (d *Desk) Lead(ctx context.Context, docID int64) (store.Lead, error) {
	if err := permitScreen(d.User, ScreenLeads); err != nil {
		return store.Lead{}, err
	}
	return read(ctx, d.e, func(tx *store.Tx) (store.Lead, error) { return d.openLead(ctx, tx, docID, ScreenLeads, false) })
}

// LeadFilter says which leads to list: in one stage ("" for all),
// matching text ("" for all).
type LeadFilter struct {
	Status, Text string
}

// Leads lists leads, the open ones by their next step's day: a sales
// rep's own, everyone's for the desk and supervisors.
func (d *Desk) Leads(ctx context.Context, f LeadFilter) ([]store.Lead, error) {
	if err := permitScreen(d.User, ScreenLeads); err != nil {
		return nil, err
	}
	sf := store.LeadFilter{OwnerID: d.leadScope(), Status: f.Status, Text: f.Text}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.Lead, error) { return tx.Leads(ctx, sf) })
}

// LeadStages are a lead's stages in order, for the screens to step
// through.
func LeadStages() []string { return append(append([]string(nil), leadOpen...), "won", "lost") }

// LeadStepAction is the move that takes a lead one stage on from
// status ("" when it is won or lost, or quoted: winning is the
// conversion's, and losing needs the reason).
func LeadStepAction(status string) string {
	switch status {
	case "new":
		return ActionContact
	case "contacted":
		return ActionInterest
	case "interested":
		return ActionQuoted
	}
	return ""
}
