package workflow

import (
	"context"
	"strings"
	"time"

	"orderdesk/store"
)

// PaymentInput is finance's confirmation that money arrived for a note
// (and so for its order).
type PaymentInput struct {
	NoteID     int64
	Amount     string // yuan
	ReceivedOn string // "" for today
	Method     string
	Reference  string
}

// ConfirmPayment records, as a finance user, that money arrived for a
// note's order; a prepaid note the payments now cover is released in the
// same step (finance's word is the release: 货款到账立即签字准许装车发货).
func (d *Desk) ConfirmPayment(ctx context.Context, in PaymentInput) error {
	if err := permit(d.User, ConfirmPayments, "confirm_payment"); err != nil {
		return err
	}
	amount, day, errs := d.parseMoneyIn(in.Amount, in.ReceivedOn)
	for _, f := range []struct{ name, v string }{{FMethod, in.Method}, {FReference, in.Reference}} {
		if fe := CheckText(f.name, f.v, false, MaxName); fe != nil {
			errs = append(errs, fe)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, "confirm_payment", func(tx *store.Tx, changes *[]Change) error {
		n, err := tx.DeliveryHeader(ctx, in.NoteID)
		if err != nil {
			return err
		}
		if n.Status == "void" || n.Status == "draft" {
			return &Refusal{Code: NotHeld, Action: "confirm_payment"}
		}
		if n.MakerID == d.User.ID {
			return &Refusal{Code: MakerCannotSignOff, Action: "confirm_payment"}
		}
		if _, err := tx.ConfirmPayment(ctx, d.User.ID, store.PaymentConfirmation{CustomerID: n.CustomerID, OrderID: n.OrderID, NoteID: n.DocID,
			Amount: amount, ReceivedOn: day, Method: CleanText(in.Method, false), Reference: CleanText(in.Reference, false)}); err != nil {
			return err
		}
		*changes = append(*changes, Change{Kind: store.DeliveryNoteKind, ID: n.DocID})
		if n.Status != "approved" {
			return nil
		}
		g, err := d.e.gate(ctx, tx, n, d.User)
		if err != nil || g.Basis != store.BasisPrepaid {
			return err
		}
		return d.e.releaseTx(ctx, tx, d.User, n.DocID, 0, 0, "", changes)
	})
}

// RequestOverride asks, with the reason, to release a note the gate
// holds; a finance user or supervisor who neither asked nor made the
// note signs it off (review), which releases it. It returns the
// override's id.
func (d *Desk) RequestOverride(ctx context.Context, noteID, seen int64, reason string) (id int64, err error) {
	if err := permit(d.User, EditDeliveries, "override"); err != nil {
		return 0, err
	}
	if fe := CheckText(FReason, reason, true, MaxShort); fe != nil {
		return 0, FieldErrors{fe}
	}
	var changes []Change
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		n, err := tx.DeliveryHeader(ctx, noteID)
		if err != nil {
			return err
		}
		if seen != 0 && n.Version != seen {
			return &Refusal{Code: StaleStatus, Action: "override"}
		}
		if n.Status != "approved" {
			return &Refusal{Code: NotHeld, Action: "override"}
		}
		g, err := d.e.gate(ctx, tx, n, d.User)
		if err != nil {
			return err
		}
		if g.Open() {
			return &Refusal{Code: NotHeld, Action: "override"}
		}
		due := g.Due
		if due == 0 {
			due = n.Total
		}
		id, _, err = tx.CreateShippingOverride(ctx, d.User.ID, ShippingOverride.Initial(), store.ShippingOverride{
			NoteID: noteID, NoteRef: n.Ref, CustomerID: n.CustomerID, Gate: g.Held, AmountDue: due, Reason: CleanText(reason, false)})
		changes = []Change{{Kind: store.ShippingOverrideKind, ID: id}, {Kind: store.DeliveryNoteKind, ID: noteID}}
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "override")
	}
	d.e.publish(changes)
	return id, nil
}

// LoadInput is what the warehouse loaded for one line of a note.
type LoadInput struct {
	LineID int64
	Qty    string
	Weight string // tonnes
	Reason string // needed when the weight is further than the tolerance from the note's
}

// Load records, as a warehouse user, the quantities and weights actually
// loaded (which may differ slightly from the note's: both are kept) and
// marks the note loaded. Every line of the note needs its figures.
func (d *Desk) Load(ctx context.Context, noteID, seen int64, lines []LoadInput) error {
	if err := permit(d.User, LoadDeliveries, ActionLoad); err != nil {
		return err
	}
	return d.writeAndPublish(ctx, ActionLoad, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, noteID, ActionLoad); err != nil {
			return err
		}
		n, err := tx.DeliveryNote(ctx, noteID)
		if err != nil {
			return err
		}
		if seen != 0 && n.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionLoad}
		}
		rules, err := shippingRules(ctx, tx)
		if err != nil {
			return err
		}
		given := map[int64]LoadInput{}
		for _, l := range lines {
			given[l.LineID] = l
		}
		var errs FieldErrors
		type load struct {
			id     int64
			q, w   store.Milli
			reason string
		}
		var loads []load
		for _, l := range n.Lines {
			in, ok := given[l.ID]
			if !ok {
				errs = append(errs, &FieldError{Field: FLoadedQty, Line: l.LineNo, Code: Required})
				continue
			}
			q, fe := ParseMilliField(FLoadedQty, in.Qty)
			if fe == nil && strings.TrimSpace(in.Qty) == "" {
				fe = &FieldError{Field: FLoadedQty, Code: Required}
			}
			if fe == nil && q < 0 {
				fe = &FieldError{Field: FLoadedQty, Code: Negative}
			}
			if fe != nil {
				fe.Line = l.LineNo
				errs = append(errs, fe)
				continue
			}
			w, fe := ParseMilliField(FLoadedWt, in.Weight)
			if fe == nil && strings.TrimSpace(in.Weight) == "" {
				fe = &FieldError{Field: FLoadedWt, Code: Required}
			}
			if fe == nil && w < 0 {
				fe = &FieldError{Field: FLoadedWt, Code: Negative}
			}
			if fe != nil {
				fe.Line = l.LineNo
				errs = append(errs, fe)
				continue
			}
			reason := CleanText(in.Reason, false)
			if reason == "" && OffTolerance(l.Weight, w, rules.WeightTolerance) {
				errs = append(errs, &FieldError{Field: FReason, Line: l.LineNo, Code: WeightNeedsReason, Want: l.Weight.String()})
				continue
			}
			loads = append(loads, load{l.ID, q, w, reason})
		}
		if len(errs) > 0 {
			return errs
		}
		for _, x := range loads {
			if err := tx.InsertLoad(ctx, d.User.ID, noteID, x.id, x.q, x.w, x.reason); err != nil {
				return err
			}
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: noteID, seen: n.Version, action: ActionLoad, internal: true}, changes)
	})
}

// OffTolerance reports whether a loaded weight is further from the
// note's than pct per cent, so the warehouse must say why
// (delivery_loads_guard checks the same).
func OffTolerance(note, loaded store.Milli, pct int) bool {
	diff := int64(loaded - note)
	if diff < 0 {
		diff = -diff
	}
	return diff*100 > int64(note)*int64(pct)
}

// DispatchInput is the hand-over to the carrier (物流交接) as typed.
type DispatchInput struct {
	Carrier    string
	Vehicle    string
	Driver     string
	ShippedAt  string // day and time it left: "2026-11-20 14:30" (time optional: now's)
	ExpectedOn string // the carrier's expected arrival day
	SignedBy   string // who signed for the carrier
	SignedOn   string // the day they signed: not before it left
}

// parseShipTime reads "day HH:MM" (the time may be left out: now's).
func parseShipTime(s string, now time.Time) (day, at string, fe *FieldError) {
	s = strings.TrimSpace(NormalizeDigits(s))
	if s == "" {
		return "", "", &FieldError{Field: FShippedAt, Code: Required}
	}
	parts := strings.Fields(s)
	day, fe = ParseDayField(FShippedAt, parts[0], now, NotFuture)
	if fe != nil {
		return "", "", fe
	}
	clock := now.Format("15:04")
	if len(parts) > 1 {
		t, err := time.Parse("15:04", strings.Replace(parts[1], "：", ":", 1))
		if err != nil || len(parts) > 2 {
			return "", "", &FieldError{Field: FShippedAt, Code: InvalidTime}
		}
		clock = t.Format("15:04")
	}
	return day, day + " " + clock, nil
}

// Dispatch records the carrier, vehicle, ship time, expected arrival and
// the carrier's signature with its day (never before the ship time), and
// moves the note in transit; the order follows (partly shipped, shipped).
func (d *Desk) Dispatch(ctx context.Context, noteID, seen int64, in DispatchInput) error {
	if err := permit(d.User, EditDeliveries, ActionDispatch); err != nil {
		return err
	}
	now := d.e.today()
	var errs FieldErrors
	for _, f := range []struct {
		name, v  string
		required bool
	}{{FCarrier, in.Carrier, true}, {FVehicle, in.Vehicle, true}, {FDriver, in.Driver, false}, {FSignedBy, in.SignedBy, true}} {
		if fe := CheckText(f.name, f.v, f.required, MaxName); fe != nil {
			errs = append(errs, fe)
		}
	}
	day, at, fe := parseShipTime(in.ShippedAt, now)
	if fe != nil {
		errs = append(errs, fe)
	}
	expected, fe := ParseDayField(FExpectedOn, in.ExpectedOn, now, AnyDay)
	if fe == nil && expected == "" {
		fe = &FieldError{Field: FExpectedOn, Code: Required}
	}
	if fe == nil && day != "" && expected < day {
		fe = &FieldError{Field: FExpectedOn, Code: BeforeShipTime}
	}
	if fe != nil {
		errs = append(errs, fe)
	}
	signed, fe := ParseDayField(FSignedOn, in.SignedOn, now, NotFuture)
	if fe == nil && signed == "" {
		fe = &FieldError{Field: FSignedOn, Code: Required}
	}
	if fe == nil && day != "" && signed < day {
		fe = &FieldError{Field: FSignedOn, Code: BeforeShipTime}
	}
	if fe != nil {
		errs = append(errs, fe)
	}
	if len(errs) > 0 {
		return errs
	}
	return d.writeAndPublish(ctx, ActionDispatch, func(tx *store.Tx, changes *[]Change) error {
		if err := d.checkAction(ctx, tx, noteID, ActionDispatch); err != nil {
			return err
		}
		n, err := tx.DeliveryHeader(ctx, noteID)
		if err != nil {
			return err
		}
		if seen != 0 && n.Version != seen {
			return &Refusal{Code: StaleStatus, Action: ActionDispatch}
		}
		if err := tx.InsertDispatch(ctx, d.User.ID, noteID, store.DeliveryDispatch{Carrier: CleanText(in.Carrier, false),
			Vehicle: CleanText(in.Vehicle, false), Driver: CleanText(in.Driver, false), ShippedAt: at, ExpectedOn: expected,
			SignedBy: CleanText(in.SignedBy, false), SignedOn: signed}); err != nil {
			return err
		}
		return d.e.applyTx(ctx, tx, applyReq{actor: d.User, docID: noteID, seen: n.Version, action: ActionDispatch, internal: true}, changes)
	})
}
