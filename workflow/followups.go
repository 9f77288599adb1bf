package workflow

import (
	"context"
	"time"

	"orderdesk/store"
)

// FollowUpTask is a follow-up call (回访) due: after a delivery or after
// a complaint was resolved; DueOn is the day it falls due.
type FollowUpTask struct {
	store.FollowUpDue
	DueOn string
}

// FollowUpsDue lists the follow-up calls due today for this user, oldest
// first: a sales rep's for their own customers; for the desk and the
// supervisor every one (a customer without a rep is the desk's). A call
// not made within a month of its day leaves the list.
func (d *Desk) FollowUpsDue(ctx context.Context) ([]FollowUpTask, error) {
	if err := permit(d.User, RecordComplaints, actionFollowUp); err != nil {
		return nil, err
	}
	today := d.e.today()
	var out []FollowUpTask
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		r, err := afterSalesRules(ctx, tx)
		if err != nil {
			return err
		}
		window := func(after int) (string, string) {
			return isoDay(today.AddDate(0, 0, -after-followUpWindow)), isoDay(today.AddDate(0, 0, -after))
		}
		df, dt := window(r.FollowAfterDelivery)
		rf, rt := window(r.FollowAfterResolution)
		due, err := tx.FollowUpsDue(ctx, df, dt, rf, rt)
		for _, x := range due {
			if !d.followUpIsMine(x) {
				continue
			}
			after := r.FollowAfterDelivery
			if x.Source == store.FollowComplaint {
				after = r.FollowAfterResolution
			}
			out = append(out, FollowUpTask{FollowUpDue: x, DueOn: addDays(x.Day, after)})
		}
		return err
	})
	return out, err
}

// followUpIsMine: a rep calls their own customers; the desk and the
// supervisor see every call.
func (d *Desk) followUpIsMine(x store.FollowUpDue) bool {
	if hasAnyRole(d.User, []Role{Clerk, Supervisor}) {
		return true
	}
	return x.RepID == d.User.ID && d.User.HasRole(string(SalesRep))
}

// RecordFollowUp records a follow-up call's outcome on the customer
// file: of a delivery note that left, or of a resolved complaint.
func (d *Desk) RecordFollowUp(ctx context.Context, in FollowUpInput) error {
	if err := permit(d.User, RecordComplaints, actionFollowUp); err != nil {
		return err
	}
	satisfied, es := in.check()
	if len(es) > 0 {
		return es
	}
	return d.writeAndPublish(ctx, actionFollowUp, func(tx *store.Tx, changes *[]Change) error {
		doc, err := tx.Document(ctx, in.SourceDocID)
		if err != nil {
			return err
		}
		f := store.FollowUp{SourceDocID: doc.ID, Satisfied: satisfied, Remark: in.Remark, CalledOn: d.e.todayString()}
		switch doc.Kind {
		case store.ComplaintKind:
			c, err := tx.ComplaintRowOf(ctx, doc.ID)
			if err != nil {
				return err
			}
			f.Source, f.CustomerID = store.FollowComplaint, c.CustomerID
		case store.DeliveryNoteKind:
			n, err := tx.DeliveryNote(ctx, doc.ID)
			if err != nil {
				return err
			}
			f.Source, f.CustomerID = store.FollowDelivery, n.CustomerID
		default:
			return &Refusal{Code: NoSuchTransition, Action: actionFollowUp}
		}
		*changes = append(*changes, Change{Kind: doc.Kind, ID: doc.ID}, Change{Kind: "customer", ID: f.CustomerID})
		return tx.AddFollowUp(ctx, d.User.ID, f)
	})
}

func isoDay(t time.Time) string { return t.Format("2006-01-02") }

// addDays is day plus n days ("" when day is not one).
func addDays(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return isoDay(t.AddDate(0, 0, n))
}
