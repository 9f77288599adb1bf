package workflow

import (
	"context"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/printout"
)

// DeliveryByRef finds a note by its number (FH2026-000001).
func (d *Desk) DeliveryByRef(ctx context.Context, ref string) (id int64, err error) {
	if err = permitScreenOrSystem(d.User, ScreenShipping); err != nil {
		return
	}
	id, err = read(ctx, d.e, func(tx *store.Tx) (int64, error) { return tx.DocumentByRef(ctx, store.DeliveryNoteKind, ref) })
	return id, err
}

// DeliveryPrintout fills the printed note (three copies: 物流联, 内勤联,
// 财务联) from a note as this user may see it; company is the seller's
// name. Quantities and weights only: the copies carry no prices.
func (d *Desk) DeliveryPrintout(ctx context.Context, docID int64, company string) (printout.DeliveryNote, error) {
	if err := permitScreenOrSystem(d.User, ScreenShipping); err != nil {
		return printout.DeliveryNote{}, err
	}
	dd, err := d.delivery(ctx, docID)
	if err != nil {
		return printout.DeliveryNote{}, err
	}
	n := dd.Note
	p := printout.DeliveryNote{Number: n.Ref, OrderNumber: n.OrderNo, Date: dd.CreatedAt.In(d.e.loc),
		Seller: printout.Party{Name: company}, Customer: printout.Party{Name: n.Customer, Contact: n.Contact, Phone: n.Phone},
		ShipTo: n.ShipTo, Notes: n.Notes, MadeBy: dd.Maker}
	if n.ShipOn != "" {
		if t, err := time.ParseInLocation("2006-01-02", n.ShipOn, d.e.loc); err == nil {
			p.Date = t
		}
	}
	for _, t := range dd.Transitions {
		if t.Action == ActionApprove && t.SignOff {
			p.CheckedBy = t.Actor
		}
	}
	for _, l := range n.Lines {
		pl := printout.DeliveryLine{Grade: l.Grade, Name: l.Name, Spec: l.Spec, Unit: l.Unit, OrderedQty: l.Qty, OrderedWt: l.Weight}
		if l.Loaded != nil {
			pl.LoadedQty, pl.LoadedWt, pl.Remark = l.Loaded.Qty, l.Loaded.Weight, l.Loaded.Reason
		}
		p.Lines = append(p.Lines, pl)
	}
	if x := n.Dispatch; x != nil {
		p.Carrier, p.Vehicle, p.Driver = x.Carrier, x.Vehicle, x.Driver
		if t, err := time.ParseInLocation("2006-01-02 15:04", x.ShippedAt, d.e.loc); err == nil {
			p.ShipTime = t
		}
		if t, err := time.ParseInLocation("2006-01-02", x.ExpectedOn, d.e.loc); err == nil {
			p.ExpectedArrival = t
		}
	}
	return p, nil
}
