package workflow

import (
	"context"
	"errors"
	"strings"

	"orderdesk/store"
)

// Permissions of returns.
const (
	EditReturns    Permission = "edit_returns"    // draft return notes against delivery notes, and their exchanges
	ReceiveReturns Permission = "receive_returns" // the warehouse's receipt of goods that came back
)

// ScreenReturns is the Returns screen (退换货).
const ScreenReturns = "returns"

// Field names of the return form.
const (
	FReturnedOn = "returned_on"
	FComplaint  = "complaint"
	FReturnable = "returnable" // what is left to return of a note line (shown, not typed)
)

// Field problems of a return.
const (
	OverReturnable FieldCode = "over_returnable" // more than the note line billed less other returns; Want holds what is left
	BeforeNoteLeft FieldCode = "before_note"     // a return dated before its note left; Want holds that day
)

// ReturnInput is a return note's form as typed: the note it is against,
// the day, the reason, the complaint that led to it (its number or the
// end of it, "" for none) and, per note line, what came back.
type ReturnInput struct {
	NoteID     int64
	ReturnedOn string
	Reason     string
	Complaint  string
	Lines      []ReturnLineInput
}

// ReturnLineInput is one note line's part on the return: an empty or
// zero quantity leaves the line off. Weight in tonnes; empty, it is the
// line's billed weight pro rata.
type ReturnLineInput struct {
	DeliveryLineID int64
	Quantity       string
	Weight         string
}

// ReturnDetail is a return for its screen, with what is still
// returnable of its note's lines.
type ReturnDetail struct {
	DocumentDetail
	Return      store.GoodsReturn
	Returnable  []store.ReturnableLine
	MoneyHidden bool
	// Invoiced: some of its goods are on issued invoices, so a received
	// return drafts their credits (DraftReturnCredit).
	Invoiced bool
}

// NewReturnInput starts a return against a note that left, dated today,
// with every line left blank (what came back is typed), and returns the
// note's lines with what is still returnable of each.
func (d *Desk) NewReturnInput(ctx context.Context, noteID int64) (ReturnInput, []store.ReturnableLine, error) {
	rs, err := d.StartReturn(ctx, noteID, "")
	return rs.Input, rs.Lines, err
}

// ReturnStart is what a new return's form starts from: the input dated
// today with a blank line per note line, the note, and what is still
// returnable of each of its lines.
type ReturnStart struct {
	Input ReturnInput
	Note  store.DeliveryNote
	Lines []store.ReturnableLine
}

// StartReturn starts a return against a note (by id, or by its number as
// typed when id is 0); a note that has not left is refused.
func (d *Desk) StartReturn(ctx context.Context, id int64, ref string) (rs ReturnStart, err error) {
	if err = permit(d.User, EditReturns, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if id == 0 {
			if id, err = tx.DocumentByRef(ctx, store.DeliveryNoteKind, strings.ToUpper(strings.TrimSpace(NormalizeDigits(ref)))); err != nil {
				if errors.Is(err, store.ErrNotFound) {
					return FieldErrors{{Field: FNoteRef, Code: InvalidChoice}}
				}
				return err
			}
		}
		if rs.Note, err = tx.DeliveryHeader(ctx, id); err != nil {
			return err
		}
		if rs.Note.Status != "in_transit" && rs.Note.Status != "delivered" {
			return &Refusal{Code: NoteNotShipped, Action: "save"}
		}
		rs.Lines, err = tx.ReturnableLines(ctx, id, 0)
		return err
	})
	rs.Input = ReturnInput{NoteID: id, ReturnedOn: d.e.todayString()}
	for _, l := range rs.Lines {
		rs.Input.Lines = append(rs.Input.Lines, ReturnLineInput{DeliveryLineID: l.DeliveryLineID})
	}
	return rs, err
}

// buildReturn checks a return's form against its note as it stands and
// returns the return with its lines, amounts and total; own is the
// return being edited (0: a new one), whose lines are left out of what
// other returns hold.
func (d *Desk) buildReturn(ctx context.Context, tx *store.Tx, in ReturnInput, own int64) (store.GoodsReturn, error) {
	var r store.GoodsReturn
	n, err := tx.DeliveryHeader(ctx, in.NoteID)
	if err != nil {
		return r, err
	}
	if n.Status != "in_transit" && n.Status != "delivered" {
		return r, &Refusal{Code: NoteNotShipped, Action: "save"}
	}
	if _, err := d.customerFor(ctx, tx, n.CustomerID, "save"); err != nil {
		return r, err
	}
	dispatch, err := tx.DeliveryDispatchOf(ctx, in.NoteID)
	if err != nil {
		return r, err
	}
	lines, err := tx.ReturnableLines(ctx, in.NoteID, own)
	if err != nil {
		return r, err
	}
	r = store.GoodsReturn{OrderDoc: n.OrderDoc, NoteID: n.DocID, Reason: CleanText(in.Reason, true)}
	var errs FieldErrors
	if day, fe := ParseDayField(FReturnedOn, in.ReturnedOn, d.e.today(), NotFuture); fe != nil {
		errs = append(errs, fe)
	} else if dispatch != nil && day < dispatch.ShippedAt[:10] {
		errs = append(errs, &FieldError{Field: FReturnedOn, Code: BeforeNoteLeft, Want: dispatch.ShippedAt[:10]})
	} else {
		r.ReturnedOn = day
	}
	errs.Add(CheckText(FReason, in.Reason, true, MaxLong))
	if ref := strings.TrimSpace(NormalizeDigits(in.Complaint)); ref != "" {
		found, err := tx.ComplaintsOfCustomer(ctx, n.CustomerID, ref)
		if err != nil {
			return r, err
		}
		if len(found) == 0 || (len(found) > 1 && found[0].Ref != ref) {
			errs.Add(&FieldError{Field: FComplaint, Code: InvalidChoice})
		} else {
			r.ComplaintID = found[0].DocID
		}
	}
	byID := map[int64]store.ReturnableLine{}
	for _, l := range lines {
		byID[l.DeliveryLineID] = l
	}
	seen := map[int64]bool{}
	for i, li := range in.Lines {
		no := i + 1
		l, ok := byID[li.DeliveryLineID]
		if !ok || seen[li.DeliveryLineID] {
			errs = append(errs, &FieldError{Field: FLine, Line: no, Code: InvalidChoice})
			continue
		}
		seen[li.DeliveryLineID] = true
		q, w, skip, fe := parsePart(no, li.Quantity, li.Weight, returnLimit(l))
		if fe != nil {
			errs = append(errs, fe)
		}
		if skip || fe != nil {
			continue
		}
		r.Lines = append(r.Lines, store.ReturnLine{DeliveryLineID: l.DeliveryLineID,
			Part: store.Part{Qty: q, Weight: w, Amount: store.LineAmount(l.Price, l.Basis, q, w)}})
	}
	if len(errs) > 0 {
		return r, errs
	}
	if len(r.Lines) == 0 {
		return r, FieldErrors{{Field: FQuantity, Line: 1, Code: Required}}
	}
	return r, nil
}

// returnLimit is what a return may take of a note line.
func returnLimit(l store.ReturnableLine) partLimit {
	return partLimit{Unit: l.Unit, OpenQty: l.OpenQty(), OpenWeight: l.OpenWeight(),
		Qty: l.Billed.Qty, Weight: l.Billed.Weight, Over: OverReturnable, CapWeight: true}
}

// CreateReturn drafts a return note against a delivery note that left;
// the complaint it names shows it among the documents it led to.
func (d *Desk) CreateReturn(ctx context.Context, in ReturnInput) (id int64, err error) {
	if err := permit(d.User, EditReturns, ""); err != nil {
		return 0, err
	}
	var r store.GoodsReturn
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		if r, err = d.buildReturn(ctx, tx, in, 0); err != nil {
			return err
		}
		if id, _, err = tx.CreateReturn(ctx, d.User.ID, ReturnNote.Initial(), r); err != nil {
			return err
		}
		if r.ComplaintID != 0 {
			return tx.LinkComplaint(ctx, d.User.ID, r.ComplaintID, id)
		}
		return nil
	})
	if err != nil {
		return 0, returnRefusal(err)
	}
	changes := []Change{{Kind: store.ReturnKind, ID: id}, {Kind: store.DeliveryNoteKind, ID: r.NoteID}}
	if r.ComplaintID != 0 {
		changes = append(changes, Change{Kind: store.ComplaintKind, ID: r.ComplaintID})
	}
	d.e.publish(changes)
	return id, nil
}

// returnRefusal turns the database's word on a return into the form's
// or the rule's: more than is returnable, a day before the note left.
func returnRefusal(err error) error {
	err = refusalFromStore(err, "save")
	var r *Refusal
	if errors.As(err, &r) {
		switch r.Code {
		case OverReturned:
			return FieldErrors{{Field: FQuantity, Line: 1, Code: OverReturnable}}
		case BeforeNote:
			return FieldErrors{{Field: FReturnedOn, Code: BeforeNoteLeft}}
		}
	}
	return err
}

// SubmitReturn sends a draft (or a return sent back) to be checked.
func (d *Desk) SubmitReturn(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// CheckReturn is the second person's check of a return against its
// note: never its maker.
func (d *Desk) CheckReturn(ctx context.Context, docID, seen int64) error {
	return d.ActOn(ctx, docID, seen, ActionApprove, "")
}

// VoidReturn cancels a return not yet received, with the reason.
func (d *Desk) VoidReturn(ctx context.Context, docID, seen int64, reason string) error {
	return d.actWithReason(ctx, docID, seen, ActionVoid, reason)
}

// ReceiveReturn is the warehouse's receipt of a checked return's goods,
// today: the books and the order follow in the same step.
func (d *Desk) ReceiveReturn(ctx context.Context, docID, seen int64) error {
	if err := permit(d.User, ReceiveReturns, ActionReceive); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionReceive, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, docID, ActionReceive); err != nil {
			return err
		}
		if err := tx.InsertReturnReceipt(ctx, d.User.ID, docID, d.e.todayString()); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: docID, seen: seen, action: ActionReceive, internal: true}, changes)
	})
}

// Return reads a return for its screen.
func (d *Desk) Return(ctx context.Context, docID int64) (rd ReturnDetail, err error) {
	if err := permitScreen(d.User, ScreenReturns); err != nil {
		return rd, err
	}
	if rd.DocumentDetail, err = d.Document(ctx, docID); err != nil {
		return rd, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if rd.Return, err = tx.GoodsReturn(ctx, docID); err != nil {
			return err
		}
		if rd.Returnable, err = tx.ReturnableLines(ctx, rd.Return.NoteID, docID); err != nil {
			return err
		}
		invoices, err := tx.InvoicesOfReturn(ctx, docID)
		rd.Invoiced = len(invoices) > 0
		return err
	})
	if err == nil && !SeesMoneyOf(d.User, rd.Return.RepID) {
		hideReturn(&rd)
	}
	return rd, err
}

// hideReturn blanks a return's money for those who see goods only.
func hideReturn(rd *ReturnDetail) {
	rd.MoneyHidden = true
	rd.Return.Total = 0
	for i := range rd.Return.Lines {
		rd.Return.Lines[i].Price, rd.Return.Lines[i].Amount = 0, 0
	}
	for i := range rd.Returnable {
		rd.Returnable[i].Price, rd.Returnable[i].Billed.Amount = 0, 0
	}
}

// Returns lists returns newest first (a note's, with f.NoteID).
func (d *Desk) Returns(ctx context.Context, f store.ReturnFilter) (rows []store.GoodsReturn, err error) {
	if err := permitScreen(d.User, ScreenReturns); err != nil {
		return nil, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		rows, err = tx.Returns(ctx, f)
		return err
	})
	for i := range rows {
		if !SeesMoneyOf(d.User, rows[i].RepID) {
			rows[i].Total = 0
		}
	}
	return rows, err
}

// ExchangeInput starts the delivery note of an exchange (换货): the
// goods a received return took back, on the same order, as much of each
// as the order has open again; the note is drafted with CreateDelivery
// like any other.
func (d *Desk) ExchangeInput(ctx context.Context, returnID int64) (in DeliveryInput, err error) {
	if err = permit(d.User, EditReturns, ""); err != nil {
		return
	}
	var r store.GoodsReturn
	var open []store.OpenLine
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if r, err = tx.GoodsReturn(ctx, returnID); err != nil {
			return err
		}
		open, err = tx.OpenLines(ctx, r.OrderID)
		return err
	})
	if err != nil {
		return in, err
	}
	if r.Status != ReturnReceived {
		return in, &Refusal{Code: NoSuchTransition, Action: "exchange"}
	}
	in, _, err = d.NewDeliveryInput(ctx, r.OrderID)
	if err != nil {
		return in, err
	}
	back := map[int64]store.ReturnLine{}
	for _, l := range r.Lines {
		x := back[l.OrderLineID]
		x.Qty, x.Weight = x.Qty+l.Qty, x.Weight+l.Weight
		back[l.OrderLineID] = x
	}
	in.Lines = nil
	for _, ol := range open {
		b, ok := back[ol.OrderLineID]
		if !ok || ol.Open() <= 0 {
			continue
		}
		q, w := min(b.Qty, ol.Open()), ""
		if q == b.Qty && b.Weight <= ol.OpenWeight() {
			w = b.Weight.String()
		}
		in.Lines = append(in.Lines, DeliveryLineInput{OrderLineID: ol.OrderLineID, Quantity: q.String(), Weight: w})
	}
	if len(in.Lines) == 0 {
		return in, &Refusal{Code: OrderNotSigned, Action: "exchange"}
	}
	in.Notes, in.ShipOn = "换货 "+r.Ref, d.e.todayString()
	return in, nil
}
