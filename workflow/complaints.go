package workflow

import (
	"context"
	"slices"
	"strings"

	"orderdesk/store"
)

// Refused actions of the complaint calls, as refusals name them.
const (
	actionRecordComplaint = "record_complaint"
	actionComplaintAction = "complaint_action"
	actionLinkComplaint   = "link_complaint"
	actionFollowUp        = "follow_up"
)

// ComplaintItem is a complaint as lists show it: its row, how many days
// old it is, and whether it waits too long for a first action.
type ComplaintItem struct {
	store.ComplaintRow
	Age     int  // days since it was recorded
	Flagged bool // still without an action past the configured days: flagged to the supervisor
}

// ComplaintView is a complaint with everything done about it.
type ComplaintView struct {
	store.Complaint
	Age     int
	Flagged bool
}

// RecordComplaint records a complaint, routed by its type; what is
// wrong with the form comes back as FieldErrors at the field.
func (d *Desk) RecordComplaint(ctx context.Context, in ComplaintInput) (int64, error) {
	if err := permit(d.User, RecordComplaints, actionRecordComplaint); err != nil {
		return 0, err
	}
	es := in.check()
	if in.CustomerID == 0 && in.Customer != "" {
		id, err := d.customerTyped(ctx, in.Customer)
		if err != nil {
			return 0, err
		}
		if in.CustomerID = id; id == 0 {
			es = append(FieldErrors{{Field: FCustomer, Code: InvalidChoice}}, es...)
		}
	}
	if len(es) > 0 {
		return 0, es
	}
	var id int64
	err := d.writeAndPublish(ctx, actionRecordComplaint, func(tx *store.Tx, changes *[]Change) error {
		c, err := tx.Customer(ctx, in.CustomerID)
		if err != nil || c.Voided {
			return FieldErrors{{Field: FCustomer, Code: InvalidChoice}}
		}
		nc := store.NewComplaint{Status: Complaint.Initial(), CustomerID: c.ID, RepID: c.RepID, Type: in.Type, Words: in.Words,
			Channel: in.Channel, Severity: in.Severity, RouteRole: string(RouteOf(in.Type)), Summary: in.Type + " " + c.Name}
		if in.Concerns != "" {
			subjects, err := tx.ComplaintSubjects(ctx, c.ID, in.Concerns)
			if err != nil {
				return err
			}
			if len(subjects) == 0 || (len(subjects) > 1 && subjects[0].Ref != in.Concerns) {
				return FieldErrors{{Field: FConcerns, Code: InvalidChoice}}
			}
			nc.ConcernsID = subjects[0].DocID
			if nc.Product, err = tx.DocumentGoods(ctx, nc.ConcernsID); err != nil {
				return err
			}
		}
		if nc.Ref, err = tx.NextRef(ctx, store.ComplaintKind, "TS"+d.e.todayString()[:4]+"-"); err != nil {
			return err
		}
		if id, err = tx.CreateComplaint(ctx, d.User.ID, nc); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.ComplaintKind, ID: id})
		return nil
	})
	return id, err
}

// customerTyped finds the one customer whose 助记码, code, short name or
// name is s (any case), or failing that the only one the customer filter
// finds for it; 0 when none or several.
func (d *Desk) customerTyped(ctx context.Context, s string) (int64, error) {
	s = strings.TrimSpace(s)
	rows, err := d.Customers(ctx, store.Page{Query: s, Limit: 20})
	if err != nil {
		return 0, err
	}
	var exact []int64
	for _, r := range rows {
		if strings.EqualFold(r.Mnemonic, s) || strings.EqualFold(r.Code, s) || r.ShortName == s || r.Name == s {
			exact = append(exact, r.ID)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0], nil
	case len(exact) == 0 && len(rows) == 1:
		return rows[0].ID, nil
	}
	return 0, nil
}

// RecordComplaintAction logs an action taken on a complaint, with who
// and when; the first puts it in hand.
func (d *Desk) RecordComplaintAction(ctx context.Context, docID int64, text string) error {
	if err := permit(d.User, RecordComplaints, actionComplaintAction); err != nil {
		return err
	}
	if fe := CheckText(FAction, text, true, MaxLong); fe != nil {
		return FieldErrors{fe}
	}
	return d.writeAndPublish(ctx, actionComplaintAction, func(tx *store.Tx, changes *[]Change) error {
		doc, err := tx.Document(ctx, docID)
		if err != nil {
			return err
		}
		if doc.Kind != store.ComplaintKind || !slices.Contains([]string{ComplaintOpen, ComplaintInHand, ComplaintResolved}, doc.Status) {
			return &Refusal{Code: NoSuchTransition, Action: actionComplaintAction}
		}
		if err := tx.AddComplaintAction(ctx, d.User.ID, docID, CleanText(text, true)); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.ComplaintKind, ID: docID})
		if doc.Status != ComplaintOpen {
			return nil
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, action: ActionTakeAction, internal: true}, changes)
	})
}

// ResolveComplaint records how a complaint was resolved and sends it for
// a second person's sign-off, as of version seen (0: whatever it is now).
// No resolution is refused at its field.
func (d *Desk) ResolveComplaint(ctx context.Context, docID, seen int64, in ResolutionInput) error {
	if err := permit(d.User, RecordComplaints, ActionResolve); err != nil {
		return err
	}
	if es := in.check(); len(es) > 0 {
		return es
	}
	return d.writeAndPublish(ctx, ActionResolve, func(tx *store.Tx, changes *[]Change) error {
		doc, err := tx.Document(ctx, docID)
		if err != nil {
			return err
		}
		if doc.Kind != store.ComplaintKind {
			return &Refusal{Code: NoSuchTransition, Action: ActionResolve}
		}
		if err := tx.AddComplaintResolution(ctx, d.User.ID, docID, in.Resolution, in.Note); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, seen: seen, action: ActionResolve, internal: true}, changes)
	})
}

// LinkComplaint records a document the complaint led to (a replacement
// delivery, a return, a credit invoice: any kind).
func (d *Desk) LinkComplaint(ctx context.Context, docID, ledTo int64) error {
	if err := permit(d.User, RecordComplaints, actionLinkComplaint); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, actionLinkComplaint, func(tx *store.Tx, changes *[]Change) error {
		*changes = append(*changes, Change{Kind: store.ComplaintKind, ID: docID})
		return tx.LinkComplaint(ctx, d.User.ID, docID, ledTo)
	})
}

// Complaint loads a complaint with its actions, resolutions, the
// documents it concerns and led to, and its follow-up.
func (d *Desk) Complaint(ctx context.Context, docID int64) (ComplaintView, error) {
	if err := permitScreen(d.User, ScreenComplaints); err != nil {
		return ComplaintView{}, err
	}
	var v ComplaintView
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		r, err := afterSalesRules(ctx, tx)
		if err != nil {
			return err
		}
		if v.Complaint, err = tx.Complaint(ctx, docID); err != nil {
			return err
		}
		item := d.e.complaintItem(v.ComplaintRow, r)
		v.Age, v.Flagged = item.Age, item.Flagged
		return nil
	})
	return v, err
}

// ComplaintQuery narrows the complaints list.
type ComplaintQuery struct {
	Query      string
	Statuses   []string
	CustomerID int64
	Limit      int
}

// Complaints lists complaints, newest first, each with its age and flag.
func (d *Desk) Complaints(ctx context.Context, q ComplaintQuery) ([]ComplaintItem, error) {
	if err := permitScreen(d.User, ScreenComplaints); err != nil {
		return nil, err
	}
	return d.e.complaints(ctx, store.ComplaintFilter{Query: q.Query, Statuses: q.Statuses, CustomerID: q.CustomerID, Limit: q.Limit})
}

// complaints reads complaints and ages them as of today.
func (e *Engine) complaints(ctx context.Context, f store.ComplaintFilter) ([]ComplaintItem, error) {
	var out []ComplaintItem
	err := e.st.Read(ctx, func(tx *store.Tx) error {
		r, err := afterSalesRules(ctx, tx)
		if err != nil {
			return err
		}
		rows, err := tx.Complaints(ctx, f)
		out = make([]ComplaintItem, len(rows))
		for i, row := range rows {
			out[i] = e.complaintItem(row, r)
		}
		return err
	})
	return out, err
}

// complaintItem ages a complaint as of today: flagged while it is open
// (no action yet) more days than the rules allow.
func (e *Engine) complaintItem(row store.ComplaintRow, r AfterSalesRules) ComplaintItem {
	age, _ := DaysBetween(row.CreatedAt.In(e.loc).Format("2006-01-02"), e.todayString())
	return ComplaintItem{ComplaintRow: row, Age: age, Flagged: row.Status == ComplaintOpen && age > r.FlagAfter}
}

// ComplaintsToAct lists the complaints waiting for this user, oldest
// first: those routed to one of their roles still being worked, and for
// a supervisor also those flagged for want of an action.
func (d *Desk) ComplaintsToAct(ctx context.Context) ([]ComplaintItem, error) {
	if err := permit(d.User, RecordComplaints, ""); err != nil {
		return nil, err
	}
	all, err := d.e.complaints(ctx, store.ComplaintFilter{Statuses: OpenComplaintStatuses})
	var out []ComplaintItem
	for _, c := range all {
		if d.User.HasRole(c.RouteRole) || (c.Flagged && d.User.HasRole(string(Supervisor))) {
			out = append(out, c)
		}
	}
	slices.Reverse(out)
	return out, err
}

// AfterSales is a customer's after-sales history: their complaints and
// the follow-up calls made to them.
type AfterSales struct {
	Complaints []ComplaintItem
	FollowUps  []store.FollowUp
}

// CustomerAfterSales reads a customer's after-sales history, newest first.
func (d *Desk) CustomerAfterSales(ctx context.Context, customerID int64) (AfterSales, error) {
	if err := permitScreen(d.User, ScreenCustomers); err != nil {
		return AfterSales{}, err
	}
	var a AfterSales
	var err error
	if a.Complaints, err = d.e.complaints(ctx, store.ComplaintFilter{CustomerID: customerID}); err != nil {
		return a, err
	}
	a.FollowUps, err = read(ctx, d.e, func(tx *store.Tx) ([]store.FollowUp, error) { return tx.FollowUps(ctx, customerID) })
	return a, err
}
