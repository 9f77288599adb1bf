package workflow

import (
	"context"
	"errors"
	"time"

	"orderdesk/store"
)

// EditVisits: plan visits, review and cancel them.
const EditVisits Permission = "edit_visits"

// Refused actions of the visit calls, as refusals name them.
const (
	actionPlanVisit = "plan_visit"
	actionSaveVisit = "save"
)

// visitScope is the owner whose visits this user may list (0:
// everyone's): a sales rep without the desk's roles sees their own.
func (d *Desk) visitScope() int64 {
	if hasAnyRole(d.User, []Role{Clerk, Supervisor}) {
		return 0
	}
	return d.User.ID
}

// visitOwner says who makes a visit: a sales rep their own; the desk
// and supervisors name any active user who makes visits (none: the
// caller).
func (d *Desk) visitOwner(ctx context.Context, tx *store.Tx, ownerID int64, action string) (int64, error) {
	if ownerID == 0 || ownerID == d.User.ID {
		return d.User.ID, nil
	}
	if d.visitScope() != 0 {
		return 0, &Refusal{Code: NotYourVisit, Action: action}
	}
	u, err := tx.UserByID(ctx, ownerID)
	if err != nil || !u.Active || !hasAnyRole(u, visitWorkers) {
		return 0, FieldErrors{{Field: FVisitOwner, Code: InvalidChoice}}
	}
	return ownerID, nil
}

// visitWhom checks whom a visit is to: a live customer the user may
// work (a sales rep their own), or an open lead they may work. It
// returns the name the document is summed up by.
func (d *Desk) visitWhom(ctx context.Context, tx *store.Tx, v store.SalesVisit, action string) (string, error) {
	if v.LeadID != 0 {
		l, err := d.openLead(ctx, tx, v.LeadID, action, true)
		if err != nil {
			return "", err
		}
		return l.Name, nil
	}
	c, err := tx.Customer(ctx, v.CustomerID)
	if err != nil || c.Voided {
		return "", FieldErrors{{Field: FVisitWhom, Code: InvalidChoice}}
	}
	if !SeesMoneyOf(d.User, c.RepID) {
		return "", &Refusal{Code: NotYourCustomer, Action: action}
	}
	return c.Name, nil
}

// resolveWhom reads a customer typed by 助记码, code or name.
func (d *Desk) resolveWhom(ctx context.Context, in *VisitInput, errs FieldErrors) FieldErrors {
	if in.CustomerID != 0 || in.LeadID != 0 || errs.For(FVisitWhom) != nil {
		return errs
	}
	id, err := d.customerTyped(ctx, in.Customer)
	if err != nil || id == 0 {
		return append(FieldErrors{{Field: FVisitWhom, Code: InvalidChoice}}, errs...)
	}
	in.CustomerID = id
	return errs
}

// PlanVisit plans a visit (访前计划). What is wrong comes back at its
// field, a day already gone among it; nothing is saved then.
func (d *Desk) PlanVisit(ctx context.Context, in VisitInput) (id int64, err error) {
	if err := permit(d.User, EditVisits, actionPlanVisit); err != nil {
		return 0, err
	}
	v, errs := in.validate(d)
	if errs = d.resolveWhom(ctx, &in, errs); len(errs) > 0 {
		return 0, errs
	}
	v.CustomerID = in.CustomerID
	err = d.writeAndPublish(ctx, actionPlanVisit, func(tx *store.Tx, changes *[]Change) error {
		if v.OwnerID, err = d.visitOwner(ctx, tx, in.OwnerID, actionPlanVisit); err != nil {
			return err
		}
		who, err := d.visitWhom(ctx, tx, v, actionPlanVisit)
		if err != nil {
			return err
		}
		if id, _, err = tx.CreateVisit(ctx, d.User.ID, Visit.Initial(), v, who); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.VisitKind, ID: id})
		return nil
	})
	return id, err
}

// openVisit loads a visit this user may work, still planned when
// planned is set.
func (d *Desk) openVisit(ctx context.Context, tx *store.Tx, docID int64, action string, planned bool) (store.SalesVisit, error) {
	v, err := tx.Visit(ctx, docID)
	if err != nil {
		return v, err
	}
	if !mayWorkVisit(d.User, v.OwnerID) {
		return v, &Refusal{Code: NotYourVisit, Action: action}
	}
	if planned && v.Status != VisitPlanned {
		return v, &Refusal{Code: VisitClosed, Action: action}
	}
	return v, nil
}

// UpdateVisit saves a planned visit's plan as of version seen (0:
// whatever it is now), checked as when it was planned; whom it visits
// stays.
func (d *Desk) UpdateVisit(ctx context.Context, docID, seen int64, in VisitInput) error {
	if err := permit(d.User, EditVisits, actionSaveVisit); err != nil {
		return err
	}
	in.Customer = "-" // whom it visits is not changed here
	v, errs := in.validate(d)
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, actionSaveVisit, func(tx *store.Tx, changes *[]Change) error {
		had, err := d.openVisit(ctx, tx, docID, actionSaveVisit, true)
		if err != nil {
			return err
		}
		if seen != 0 && had.Version != seen {
			return &Refusal{Code: StaleStatus, Action: actionSaveVisit}
		}
		v.DocID, v.OwnerID = docID, had.OwnerID
		if in.OwnerID != 0 && in.OwnerID != had.OwnerID {
			if v.OwnerID, err = d.visitOwner(ctx, tx, in.OwnerID, actionSaveVisit); err != nil {
				return err
			}
		}
		*changes = append(*changes, Change{Kind: store.VisitKind, ID: docID})
		return tx.UpdateVisit(ctx, d.User.ID, v)
	})
}

// ReviewVisit records what a visit achieved against its goal (访后分析)
// and marks it reviewed: its owner's, once its day has come.
func (d *Desk) ReviewVisit(ctx context.Context, docID, seen int64, in VisitReviewInput) error {
	if err := permit(d.User, EditVisits, ActionReviewVisit); err != nil {
		return err
	}
	r, errs := in.validate(d)
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, ActionReviewVisit, func(tx *store.Tx, changes *[]Change) error {
		v, err := d.openVisit(ctx, tx, docID, ActionReviewVisit, true)
		if err != nil {
			return err
		}
		if v.OwnerID != d.User.ID {
			return &Refusal{Code: NotYourVisit, Action: ActionReviewVisit}
		}
		if v.On > d.e.todayString() {
			return &Refusal{Code: VisitNotDue, Action: ActionReviewVisit}
		}
		if seen != 0 && v.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionReviewVisit}
		}
		if err := tx.AddVisitReview(ctx, d.User.ID, docID, r); err != nil {
			return err
		}
		// The review moved the version on: the plan seen is checked above.
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, action: ActionReviewVisit, internal: true}, changes)
	})
}

// Visit loads a visit with its review: a sales rep only their own.
func (d *Desk) Visit(ctx context.Context, docID int64) (store.SalesVisit, error) {
	if err := permitScreen(d.User, ScreenVisits); err != nil {
		return store.SalesVisit{}, err
	}
	return read(ctx, d.e, func(tx *store.Tx) (store.SalesVisit, error) { return d.openVisit(ctx, tx, docID, ScreenVisits, false) })
}

// VisitFilter says which visits to list: from day to day ("" for
// open-ended), in one status ("" for all), matching text ("" for all).
type VisitFilter struct {
	From, To, Status, Text string
}

// Visits lists visits, the latest day first: a sales rep's own,
// everyone's for the desk and supervisors.
func (d *Desk) Visits(ctx context.Context, f VisitFilter) ([]store.SalesVisit, error) {
	if err := permitScreen(d.User, ScreenVisits); err != nil {
		return nil, err
	}
	sf := store.VisitFilter{OwnerID: d.visitScope(), From: f.From, To: f.To, Status: f.Status, Text: f.Text, Limit: 1000}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.SalesVisit, error) { return tx.ListVisits(ctx, sf) })
}

// VisitMatters lists what is open on a customer's file for a visit to
// settle: complaints not closed, invoices past due, quotes waiting.
func (d *Desk) VisitMatters(ctx context.Context, customerID int64) ([]store.OpenMatter, error) {
	if err := permitScreen(d.User, ScreenVisits); err != nil {
		return nil, err
	}
	today := d.e.todayString()
	return read(ctx, d.e, func(tx *store.Tx) ([]store.OpenMatter, error) {
		c, err := tx.Customer(ctx, customerID)
		if err != nil {
			return nil, err
		}
		if !SeesMoneyOf(d.User, c.RepID) {
			return nil, &Refusal{Code: NotYourCustomer, Action: ScreenVisits}
		}
		return tx.OpenMatters(ctx, customerID, today)
	})
}

// VisitMattersTyped is VisitMatters of the customer typed by 助记码,
// code or name, as a plan's form names it before it is saved: nothing
// when the text names no single customer this user may work.
func (d *Desk) VisitMattersTyped(ctx context.Context, typed string) ([]store.OpenMatter, error) {
	if err := permitScreen(d.User, ScreenVisits); err != nil {
		return nil, err
	}
	id, err := d.customerTyped(ctx, typed)
	if err != nil || id == 0 {
		return nil, err
	}
	ms, err := d.VisitMatters(ctx, id)
	if errors.As(err, new(*Refusal)) {
		return nil, nil
	}
	return ms, err
}

// VisitMakers lists whom the desk may plan a visit for.
func (d *Desk) VisitMakers(ctx context.Context) ([]store.User, error) {
	if err := permit(d.User, EditVisits, actionPlanVisit); err != nil {
		return nil, err
	}
	return read(ctx, d.e, func(tx *store.Tx) ([]store.User, error) {
		var out []store.User
		for _, r := range visitWorkers {
			us, err := tx.UsersWithRole(ctx, string(r))
			if err != nil {
				return nil, err
			}
			for _, u := range us {
				if !containsUser(out, u.ID) {
					out = append(out, u)
				}
			}
		}
		return out, nil
	})
}

func containsUser(us []store.User, id int64) bool {
	for _, u := range us {
		if u.ID == id {
			return true
		}
	}
	return false
}

// WeekOf is the Monday and Sunday (YYYY-MM-DD) of day's week.
func WeekOf(day time.Time) (from, to string) {
	off := (int(day.Weekday()) + 6) % 7
	mon := time.Date(day.Year(), day.Month(), day.Day()-off, 0, 0, 0, 0, time.UTC)
	return mon.Format("2006-01-02"), mon.AddDate(0, 0, 6).Format("2006-01-02")
}

// VisitPage lists a page of visits in statuses (none: every visit): a
// sales rep's own, everyone's for the desk and supervisors.
func (d *Desk) VisitPage(ctx context.Context, statuses []string, p store.Page) ([]store.SalesVisit, error) {
	if err := permitScreen(d.User, ScreenVisits); err != nil {
		return nil, err
	}
	owner := d.visitScope()
	return read(ctx, d.e, func(tx *store.Tx) ([]store.SalesVisit, error) { return tx.VisitPage(ctx, owner, statuses, p) })
}
