package workflow

import (
	"context"
	"errors"

	"orderdesk/store"
)

// Desk is one user's view of the engine: every call acts as that user.
// Screens hold a Desk; they never decide who may do what themselves.
type Desk struct {
	e    *Engine
	User store.User
}

// Desk returns the desk of user u.
func (e *Engine) Desk(u store.User) *Desk { return &Desk{e: e, User: u} }

// Feed is the engine's change feed.
func (d *Desk) Feed() *Feed { return d.e.feed }

// Inbox lists what waits for this user's sign-off, oldest first.
func (d *Desk) Inbox(ctx context.Context) (items []store.InboxItem, err error) {
	items, err = read(ctx, d.e, func(tx *store.Tx) ([]store.InboxItem, error) { return tx.Inbox(ctx, d.User.ID, d.User.Roles, 500) })
	return items, err
}

// WaitingOnOthers lists this user's own documents that wait for someone
// else's sign-off: a reviewer may sign them at this desk.
func (d *Desk) WaitingOnOthers(ctx context.Context) (items []store.InboxItem, err error) {
	items, err = read(ctx, d.e, func(tx *store.Tx) ([]store.InboxItem, error) { return tx.WaitingOnOthers(ctx, d.User.ID, 500) })
	return items, err
}

// DocumentDetail is a document with its content and history.
type DocumentDetail struct {
	store.Document
	Transitions []store.Transition
	TermsChange *store.TermsChange
	Customer    string
	Actions     []Transition     // what this user may do now
	Refused     map[string]error // why each other step is not theirs now (their own document, a role they lack)
	// The content of the pricing kinds (content.go), the one of the
	// document's kind set.
	Inquiry      *store.Inquiry
	Quote        *store.Quote
	PriceChange  []store.PriceChangeLine
	PriceRequest *store.PriceRequest
	// The content of the order kinds (orderdetail.go).
	Order        *store.Order
	OrderCancel  *store.OrderCancel
	CancelOf     *store.Order // the order a cancellation would end (its header)
	StockRequest *store.StockRequest
	// The content of the shipping kinds (shippingread.go).
	Delivery *store.DeliveryNote
	Override *store.ShippingOverride
	// The content of an invoice request (invoiceread.go).
	Invoice *store.Invoice
	// The content of a credit (credits.go).
	Credit *store.Credit
	// The content of a month's reconciliation or its reopening
	// (reconciliation.go).
	Recon *ReconContent
	// The batch and lines of an import (importbatch.go).
	Import *ImportContent
	// The content of a sales plan or target (plans.go).
	Plan *store.Plan
	// A complaint with its actions and resolution (complaints.go).
	Complaint   *store.Complaint
	Target      *store.Target
	Purchase    *store.PurchasePlan
	MoneyHidden bool // the quote's or order's prices are not for this user
}

// Document loads a document for review.
func (d *Desk) Document(ctx context.Context, id int64) (dd DocumentDetail, err error) {
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if dd.Document, err = tx.Document(ctx, id); err != nil {
			return err
		}
		if dd.Transitions, err = tx.Transitions(ctx, id); err != nil {
			return err
		}
		if dd.Kind == store.TermsChangeKind {
			tc, err := tx.TermsChange(ctx, id)
			if err != nil {
				return err
			}
			dd.TermsChange = &tc
			c, err := tx.Customer(ctx, tc.CustomerID)
			if err != nil {
				return err
			}
			dd.Customer = c.Name
		}
		if err := d.loadContent(ctx, tx, &dd); err != nil {
			return err
		}
		edited, err := tx.EditedThisRound(ctx, id, d.User.ID)
		if err != nil {
			return err
		}
		if k := d.e.kinds[dd.Kind]; k != nil {
			for _, t := range k.Actions(dd.Status) {
				if t.Internal {
					continue
				}
				_, err := Check(k, dd.Document, d.User, t.Action, "-", edited)
				if err == nil && k.vet != nil {
					err = k.vet(d.e, ctx, tx, move{applyReq: applyReq{actor: d.User, docID: id, action: t.Action}, doc: dd.Document, t: t})
				}
				if err == nil {
					dd.Actions = append(dd.Actions, t)
				} else {
					if dd.Refused == nil {
						dd.Refused = map[string]error{}
					}
					dd.Refused[t.Action] = err
				}
			}
		}
		return nil
	})
	return dd, err
}

// Act takes action on a document as this desk's user.
func (d *Desk) Act(ctx context.Context, docID int64, action, comment string) error {
	return d.e.Apply(ctx, d.User, docID, action, comment)
}

// ActOn takes action on the document as this user saw it: if it was
// edited (or moved) since version seen, the action is refused with
// StaleStatus and the reviewer reloads. Review screens use this rather
// than Act, so a sign-off covers exactly what was shown.
func (d *Desk) ActOn(ctx context.Context, docID, seen int64, action, comment string) error {
	return d.e.applySeen(ctx, d.User, 0, docID, seen, action, comment)
}

// Users lists every user (admin only).
func (d *Desk) Users(ctx context.Context) (users []store.User, err error) {
	if err = permit(d.User, ManageUsers, ""); err != nil {
		return
	}
	users, err = read(ctx, d.e, func(tx *store.Tx) ([]store.User, error) { return tx.Users(ctx) })
	return users, err
}

// SalesReps lists the users a customer can be assigned to.
func (d *Desk) SalesReps(ctx context.Context) (users []store.User, err error) {
	users, err = read(ctx, d.e, func(tx *store.Tx) ([]store.User, error) { return tx.UsersWithRole(ctx, string(SalesRep)) })
	return users, err
}

// ErrNoUser says no user record matches who is at the terminal.
var ErrNoUser = errors.New("no orderdesk user for this login")

// Bootstrap makes sure the desk has a first user: on an empty database the
// operating-system user becomes an admin and clerk, so a newcomer can work
// at once. It returns the user mapped to osUser.
func (e *Engine) Bootstrap(ctx context.Context, osUser, displayName string) (u store.User, created bool, err error) {
	// Asked of a reader first: only a new desk's first start writes, and
	// a write would open the writer's connection (which parses the whole
	// schema) at every start.
	var n int
	err = e.st.Read(ctx, func(tx *store.Tx) (err error) {
		if n, err = tx.CountUsers(ctx); err == nil && n > 0 {
			u, err = localUser(ctx, tx, osUser)
		}
		return err
	})
	if err != nil || n > 0 {
		return u, false, err
	}
	err = e.st.Write(ctx, func(tx *store.Tx) error {
		n, err := tx.CountUsers(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			if displayName == "" {
				displayName = osUser
			}
			if _, err := tx.CreateUser(ctx, store.SystemUserID, store.User{
				Login: osUser, Name: displayName, OSUser: osUser, Roles: []string{string(Admin), string(Clerk)},
			}); err != nil {
				return err
			}
			created = true
		}
		u, err = localUser(ctx, tx, osUser)
		return err
	})
	return u, created, err
}

// localUser is the active user the operating-system account osUser
// works as: the one it is linked to, else the one of that login.
func localUser(ctx context.Context, tx *store.Tx, osUser string) (store.User, error) {
	u, err := tx.UserByOSUser(ctx, osUser)
	if errors.Is(err, store.ErrNotFound) {
		u, err = tx.UserByLogin(ctx, osUser)
		if err == nil && !u.Active {
			err = store.ErrNotFound
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		return u, ErrNoUser
	}
	return u, err
}

// AddUser creates a user with roles; by must be an admin (or the system).
func (e *Engine) AddUser(ctx context.Context, by store.User, login, name, osUser string, roles []Role) (store.User, error) {
	if err := permitOrSystem(by, ManageUsers, ""); err != nil {
		return store.User{}, err
	}
	var errs FieldErrors
	errs.Add(CheckText("login", login, true, 40))
	errs.Add(CheckText("name", name, true, MaxName))
	if len(roles) == 0 {
		errs = append(errs, &FieldError{Field: "roles", Code: Required}) // a user with no role could open nothing
	}
	if len(errs) > 0 {
		return store.User{}, errs
	}
	var u store.User
	err := e.st.Write(ctx, func(tx *store.Tx) error {
		id, err := tx.CreateUser(ctx, by.ID, store.User{Login: login, Name: name, OSUser: osUser, Roles: roleNames(roles)})
		if err != nil {
			return err
		}
		u, err = tx.UserByID(ctx, id)
		return err
	})
	if err == nil {
		e.feed.Publish(Change{Kind: "user", ID: u.ID})
	}
	return u, err
}

// SetRoles replaces a user's roles; by must be an admin (or the system).
func (e *Engine) SetRoles(ctx context.Context, by store.User, login string, roles []Role) (store.User, error) {
	if err := permitOrSystem(by, ManageUsers, ""); err != nil {
		return store.User{}, err
	}
	if len(roles) == 0 {
		return store.User{}, FieldErrors{{Field: "roles", Code: Required}}
	}
	return e.changeUser(ctx, login, func(tx *store.Tx, target store.User) error {
		return tx.SetRoles(ctx, by.ID, target.ID, roleNames(roles))
	})
}

// changeUser applies change to the user with login and announces the
// user as changed; it returns the user as saved.
func (e *Engine) changeUser(ctx context.Context, login string, change func(*store.Tx, store.User) error) (store.User, error) {
	var u store.User
	err := e.st.Write(ctx, func(tx *store.Tx) error {
		target, err := tx.UserByLogin(ctx, login)
		if err != nil {
			return err
		}
		if err := change(tx, target); err != nil {
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

// SystemUser is the identity command-line administration acts as when
// run on the office machine by its owner.
func (e *Engine) SystemUser(ctx context.Context) (u store.User, err error) {
	err = e.st.Read(ctx, func(tx *store.Tx) error {
		u, err = tx.UserByID(ctx, store.SystemUserID)
		return err
	})
	return u, err
}

// submit sends a draft for sign-off, or a document sent back to its
// maker for it again, as of version seen.
func (d *Desk) submit(ctx context.Context, docID, seen int64) error {
	action := ActionSubmit
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		doc, err := tx.Document(ctx, docID)
		if err == nil && doc.Status == "sent_back" {
			action = ActionResubmit
		}
		return err
	})
	if err != nil {
		return err
	}
	return d.ActOn(ctx, docID, seen, action, "")
}

// writeAndPublish runs write in one transaction, which adds what it
// changed; a refusal names action; once committed, every session hears
// of each change.
func (d *Desk) writeAndPublish(ctx context.Context, action string, write func(tx *store.Tx, changes *[]Change) error) error {
	var changes []Change
	err := d.e.st.Write(ctx, func(tx *store.Tx) error {
		changes = changes[:0]
		return write(tx, &changes)
	})
	if err != nil {
		return refusalFromStore(err, action)
	}
	d.e.publish(changes)
	return nil
}
