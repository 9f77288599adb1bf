package workflow

import (
	"context"

	"orderdesk/store"
)

// ReturnEdit is what a drafted return's form starts from: the input as
// it was saved, with a line per note line (blank where nothing comes
// back of it), and what is still returnable of each, its own lines left
// out of what other returns hold.
type ReturnEdit struct {
	Return store.GoodsReturn
	Input  ReturnInput
	Lines  []store.ReturnableLine
}

// EditReturn reads a return to be edited: a draft, or one sent back.
func (d *Desk) EditReturn(ctx context.Context, docID int64) (re ReturnEdit, err error) {
	if err = permit(d.User, EditReturns, ""); err != nil {
		return re, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if re.Return, err = tx.GoodsReturn(ctx, docID); err != nil {
			return err
		}
		if !returnEditable(re.Return.Status) {
			return &Refusal{Code: NotEditable, Action: "save"}
		}
		re.Lines, err = tx.ReturnableLines(ctx, re.Return.NoteID, docID)
		return err
	})
	if err != nil {
		return re, err
	}
	r := re.Return
	re.Input = ReturnInput{NoteID: r.NoteID, ReturnedOn: r.ReturnedOn, Reason: r.Reason, Complaint: r.ComplaintRef}
	took := map[int64]store.ReturnLine{}
	for _, l := range r.Lines {
		took[l.DeliveryLineID] = l
	}
	for _, l := range re.Lines {
		in := ReturnLineInput{DeliveryLineID: l.DeliveryLineID}
		if t, ok := took[l.DeliveryLineID]; ok {
			in.Quantity, in.Weight = partTyped(t.Part, returnLimit(l))
		}
		re.Input.Lines = append(re.Input.Lines, in)
	}
	return re, nil
}

func returnEditable(status string) bool { return status == ReturnDraft || status == ReturnSentBack }

// UpdateReturn saves a drafted return (or one sent back) typed over
// orig, with the checks of a new one: nothing more than is returnable
// (its own lines aside), never dated before its note left. The note and
// the complaint it was drafted with stay. If anyone changed it since
// orig was read, a *store.ConflictError says so; once submitted it is
// refused (and the database refuses the same). Every row changed is in
// the audit log, by whom and when.
func (d *Desk) UpdateReturn(ctx context.Context, orig store.GoodsReturn, in ReturnInput) error {
	in.NoteID = orig.NoteID
	head := func(tx *store.Tx) (draftHead, error) {
		cur, err := tx.ReturnHeader(ctx, orig.DocID)
		return draftHead{Ref: cur.Ref, Maker: cur.Maker, Status: cur.Status, Version: cur.Version}, err
	}
	err := d.updateFromOrder(ctx, EditReturns, store.ReturnKind, orig.DocID, orig.OrderID, orig.Version, head, func(tx *store.Tx) error {
		r, err := d.buildReturn(ctx, tx, in, orig.DocID)
		if err != nil {
			return err
		}
		if r.ComplaintID != orig.ComplaintID {
			return FieldErrors{{Field: FComplaint, Code: InvalidChoice}}
		}
		r.DocID, r.Total = orig.DocID, 0
		for _, l := range r.Lines {
			r.Total += l.Amount
		}
		err = syncParts(r.Lines, lineParts[store.ReturnLine]{
			lines: func() ([]store.ReturnLine, error) { return tx.ReturnLines(ctx, orig.DocID, true) },
			key:   func(l store.ReturnLine) int64 { return l.DeliveryLineID },
			part:  func(l *store.ReturnLine) *store.Part { return &l.Part },
			save:  func(l store.ReturnLine) error { return tx.UpdateReturnLine(ctx, d.User.ID, l) },
			add:   func(l store.ReturnLine) error { return tx.AddReturnLine(ctx, d.User.ID, orig.DocID, l) },
		})
		if err != nil {
			return err
		}
		return tx.UpdateReturn(ctx, d.User.ID, r)
	})
	return returnRefusal(err)
}
