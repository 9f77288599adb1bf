package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// Field names of the shipping forms.
const (
	FShipOn     = "ship_on"
	FOpen       = "open" // a line's open quantity (shown, not typed)
	FLine       = "line" // a line's grade, name and spec (shown)
	FLoadedQty  = "loaded_qty"
	FLoadedWt   = "loaded_weight"
	FCarrier    = "carrier"
	FVehicle    = "vehicle"
	FDriver     = "driver"
	FShippedAt  = "shipped_at"
	FExpectedOn = "expected_on"
	FSignedBy   = "signed_by"
	FReceivedOn = "received_on"
	FMethod     = "method"
	FReference  = "reference"
)

// Permissions of shipping.
const (
	EditDeliveries  Permission = "edit_deliveries"  // draft notes, record the carrier's hand-over and delivery, ask overrides
	ConfirmPayments Permission = "confirm_payments" // finance's word that money arrived
	LoadDeliveries  Permission = "load_deliveries"  // the warehouse's loaded figures
)

// DeliveryInput is a delivery note's form as typed.
type DeliveryInput struct {
	OrderID int64
	ShipTo  string
	Contact string
	Phone   string
	ShipOn  string
	Notes   string
	Lines   []DeliveryLineInput
}

// DeliveryLineInput is one order line's part on the note: an empty or
// zero quantity leaves the line off the note. Weight in tonnes; empty,
// it is the order line's weight pro rata (all that is open for the whole
// open quantity, so parts add up exactly).
type DeliveryLineInput struct {
	ID          int64 // the note's line, 0 for a new one
	OrderLineID int64
	Quantity    string
	Weight      string
}

// NewDeliveryInput starts a note of an order with every open quantity
// filled in (weights left to follow), and returns the order's lines as
// they stand.
func (d *Desk) NewDeliveryInput(ctx context.Context, orderID int64) (in DeliveryInput, open []store.OpenLine, err error) {
	if err = permit(d.User, EditDeliveries, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		o, err := tx.OrderHeader(ctx, orderID)
		if err != nil {
			return err
		}
		if open, err = tx.OpenLines(ctx, orderID); err != nil {
			return err
		}
		in = DeliveryInput{OrderID: orderID, ShipTo: o.ShipTo, Contact: o.Contact, Phone: o.Phone}
		for _, l := range open {
			if l.Open() > 0 {
				// The weight is left to follow the quantity (pro rata).
				in.Lines = append(in.Lines, DeliveryLineInput{OrderLineID: l.OrderLineID, Quantity: l.Open().String()})
			}
		}
		return nil
	})
	return in, open, err
}

// buildNote checks a note's form against its order's lines as they stand
// (own lines of the note being edited left out of what is committed) and
// returns the note with its lines, amounts and total.
func (d *Desk) buildNote(ctx context.Context, tx *store.Tx, in DeliveryInput, own []store.DeliveryLine) (store.DeliveryNote, error) {
	var n store.DeliveryNote
	o, err := tx.OrderHeader(ctx, in.OrderID)
	if err != nil {
		return n, err
	}
	if !slices.Contains(ShippableOrderStatuses, o.Status) {
		return n, &Refusal{Code: OrderNotSigned, Action: "save"}
	}
	if _, err := d.customerFor(ctx, tx, o.CustomerID, "save"); err != nil {
		return n, err
	}
	open, err := tx.OpenLines(ctx, in.OrderID)
	if err != nil {
		return n, err
	}
	byID := map[int64]store.OpenLine{}
	for _, l := range open {
		for _, x := range own {
			if x.OrderLineID == l.OrderLineID && !x.Removed {
				l.Committed -= x.Qty
				l.CommittedWt -= x.Weight
			}
		}
		byID[l.OrderLineID] = l
	}
	n = store.DeliveryNote{OrderDoc: store.DrawnFrom(o),
		ShipTo: CleanText(in.ShipTo, false), Contact: CleanText(in.Contact, false), Phone: NormalizeDigits(in.Phone), Notes: CleanText(in.Notes, true)}
	var errs FieldErrors
	if fe := CheckText(FShipTo, in.ShipTo, true, MaxShort); fe != nil {
		errs = append(errs, fe)
	}
	if fe := CheckText(FNote, in.Notes, false, 2000); fe != nil {
		errs = append(errs, fe)
	}
	if day, fe := ParseDayField(FShipOn, in.ShipOn, d.e.today(), AnyDay); fe != nil {
		errs = append(errs, fe)
	} else {
		n.ShipOn = day
	}
	seen := map[int64]bool{}
	for i, li := range in.Lines {
		no := i + 1
		ol, ok := byID[li.OrderLineID]
		if !ok || seen[li.OrderLineID] {
			errs = append(errs, &FieldError{Field: FLine, Line: no, Code: InvalidChoice})
			continue
		}
		seen[li.OrderLineID] = true
		q, w, skip, fe := parsePart(no, li.Quantity, li.Weight, partLimit{Unit: ol.Unit, OpenQty: ol.Open(), OpenWeight: ol.OpenWeight(),
			Qty: ol.Qty, Weight: ol.Weight, Over: OverOpen})
		if fe != nil {
			errs = append(errs, fe)
		}
		if skip || fe != nil {
			continue
		}
		if !ol.Priced {
			errs = append(errs, &FieldError{Field: FPrice, Line: no, Code: Unpriced})
			continue
		}
		l := store.DeliveryLine{ID: li.ID, OrderLineID: ol.OrderLineID, Part: store.Part{Qty: q, Weight: w, Amount: store.LineAmount(ol.Price, ol.Basis, q, w)}}
		n.Lines = append(n.Lines, l)
	}
	if len(errs) > 0 {
		return n, errs
	}
	if len(n.Lines) == 0 {
		return n, FieldErrors{{Field: FQuantity, Line: 1, Code: Required}}
	}
	n.Total = store.DeliveryTotal(n.Lines)
	return n, nil
}

// CreateDelivery drafts a delivery note of a signed order.
func (d *Desk) CreateDelivery(ctx context.Context, in DeliveryInput) (id int64, err error) {
	return d.createFromOrder(ctx, EditDeliveries, store.DeliveryNoteKind, in.OrderID, func(tx *store.Tx) (int64, error) {
		n, err := d.buildNote(ctx, tx, in, nil)
		if err != nil {
			return 0, err
		}
		id, _, err := tx.CreateDeliveryNote(ctx, d.User.ID, DeliveryNote.Initial(), n)
		return id, err
	})
}

// UpdateDelivery saves a draft (or a note sent back) typed over orig; if
// anyone changed it since, a *store.ConflictError says so.
func (d *Desk) UpdateDelivery(ctx context.Context, orig store.DeliveryNote, in DeliveryInput) error {
	in.OrderID = orig.OrderID
	head := func(tx *store.Tx) (draftHead, error) {
		cur, err := tx.DeliveryHeader(ctx, orig.DocID)
		return draftHead{Ref: cur.Ref, Maker: cur.Maker, Status: cur.Status, Version: cur.Version}, err
	}
	return d.updateFromOrder(ctx, EditDeliveries, store.DeliveryNoteKind, orig.DocID, orig.OrderID, orig.Version, head, func(tx *store.Tx) error {
		own, err := tx.DeliveryLines(ctx, orig.DocID, false)
		if err != nil {
			return err
		}
		n, err := d.buildNote(ctx, tx, in, own)
		if err != nil {
			return err
		}
		n.DocID = orig.DocID
		err = syncParts(n.Lines, lineParts[store.DeliveryLine]{
			lines: func() ([]store.DeliveryLine, error) { return tx.DeliveryLines(ctx, orig.DocID, true) },
			key:   func(l store.DeliveryLine) int64 { return l.OrderLineID },
			part:  func(l *store.DeliveryLine) *store.Part { return &l.Part },
			save:  func(l store.DeliveryLine) error { return tx.UpdateDeliveryLine(ctx, d.User.ID, l) },
			add: func(l store.DeliveryLine) error {
				_, err := tx.AddDeliveryLine(ctx, d.User.ID, orig.DocID, l)
				return err
			},
		})
		if err != nil {
			return err
		}
		return tx.UpdateDeliveryNote(ctx, d.User.ID, n)
	})
}

// SubmitDelivery sends a draft (or a note sent back) for the
// supervisor's check against the order, as of version seen.
func (d *Desk) SubmitDelivery(ctx context.Context, docID, seen int64) error {
	return d.submit(ctx, docID, seen)
}

// Release lets a signed-off note past the payment gate, as this user:
// refused, naming who must act, while the gate holds it for them.
func (d *Desk) Release(ctx context.Context, docID, seen int64, comment string) error {
	return d.writeAndPublish(ctx, ActionRelease, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, docID, ActionRelease); err != nil {
			return err
		}
		return d.e.releaseTx(ctx, tx, d.User, docID, seen, 0, comment, changes)
	})
}

// checkAction refuses early, with the rule's own words, an action this
// user may not take on the document as it stands.
func (d *Desk) checkAction(ctx context.Context, tx *store.Tx, docID int64, action string) error {
	doc, err := tx.Document(ctx, docID)
	if err != nil {
		return err
	}
	k := d.e.kinds[doc.Kind]
	if k == nil {
		return &Refusal{Code: NoSuchTransition, Action: action}
	}
	edited, err := tx.EditedThisRound(ctx, docID, d.User.ID)
	if err != nil {
		return err
	}
	_, err = Check(k, doc, d.User, action, "-", edited)
	return err
}

// Deliver records that a note in transit arrived.
func (d *Desk) Deliver(ctx context.Context, docID, seen int64) error {
	return d.ActOn(ctx, docID, seen, ActionDeliver, "")
}

// VoidDelivery cancels a note not yet loaded, with the reason; what it
// held of the order is open again.
func (d *Desk) VoidDelivery(ctx context.Context, docID, seen int64, reason string) error {
	return d.actWithReason(ctx, docID, seen, ActionVoid, reason)
}
