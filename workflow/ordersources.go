package workflow

import (
	"context"
	"slices"
	"time"

	"orderdesk/store"
)

// CreateOrderFromQuote makes a draft order from a won quote: its lines,
// prices and payment terms, the customer's name, contact, phone and
// address, the earliest wanted day as the delivery date. A line in
// tonnes keeps its price per tonne of weight; one in kg or pieces keeps
// its price per unit of quantity, so every amount is the quote's. The
// quote and its inquiry stay won. A quote that already has an order in
// play is refused (OrderExists). It returns the order's id.
func (d *Desk) CreateOrderFromQuote(ctx context.Context, quoteID int64) (id int64, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return 0, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) (err error) {
		id, err = d.orderFromQuote(ctx, tx, quoteID)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "create_order")
	}
	d.e.feed.Publish(Change{Kind: store.OrderKind, ID: id})
	return id, nil
}

// orderFromQuote is CreateOrderFromQuote inside tx.
func (d *Desk) orderFromQuote(ctx context.Context, tx *store.Tx, quoteID int64) (int64, error) {
	doc, err := tx.Document(ctx, quoteID)
	if err != nil {
		return 0, err
	}
	if doc.Kind != store.QuoteKind {
		return 0, store.ErrNotFound
	}
	if doc.Status != "won" {
		return 0, &Refusal{Code: QuoteNotWon, Action: "create_order"}
	}
	q, err := tx.Quote(ctx, quoteID)
	if err != nil {
		return 0, err
	}
	c, err := d.customerFor(ctx, tx, q.CustomerID, "create_order")
	if err != nil {
		return 0, err
	}
	made, err := tx.OrdersOfQuote(ctx, quoteID)
	if err != nil {
		return 0, err
	}
	for _, o := range made {
		if o.Status != "withdrawn" && o.Status != "revised" {
			return 0, &Refusal{Code: OrderExists, Action: "create_order"}
		}
	}
	o := store.Order{CustomerID: c.ID, QuoteID: quoteID, OrderDate: Day(tx.Now, d.e.loc), CustomerName: c.Name, Contact: c.Contact,
		Phone: c.Phone, ShipTo: c.Address, PaymentTerms: q.PaymentTerms, TermsDays: q.TermsDays, Notes: q.Notes}
	for _, ql := range q.Lines {
		l := store.OrderLine{QuoteLineID: ql.ID, Grade: ql.Grade, Name: ql.Name, Spec: ql.Spec, Qty: ql.Qty, Unit: ql.Unit,
			Requirements: ql.Requirements, ProductID: ql.ProductID, Unknown: ql.Unknown}
		basis := basisOfUnit(ql.Unit)
		switch ql.Unit {
		case "t":
			l.Weight = ql.Qty
		case "kg":
			l.Weight = (ql.Qty + 500) / 1000
		case "pcs":
			if ql.ProductID != 0 {
				p, err := tx.Product(ctx, ql.ProductID)
				if err != nil {
					return 0, err
				}
				l.Weight = store.Milli((int64(ql.Qty)*int64(p.UnitWeight) + 500_000) / 1_000_000)
			}
		}
		l.SetPrice(ql.Price, ql.Priced, basis)
		if ql.WantedOn != "" && ql.WantedOn >= o.OrderDate && (o.DeliveryDate == "" || ql.WantedOn < o.DeliveryDate) {
			o.DeliveryDate = ql.WantedOn
		}
		o.Lines = append(o.Lines, l)
	}
	o.SigningPlace, err = d.lastSigningPlace(ctx, tx, c.ID)
	if err != nil {
		return 0, err
	}
	if o.Weighing, err = weighingFor(ctx, tx, c); err != nil {
		return 0, err
	}
	id, _, err := tx.CreateOrder(ctx, d.User.ID, Order.Initial(), o)
	return id, err
}

// lastSigningPlace is where this customer's last order was signed, ""
// for a first order.
func (d *Desk) lastSigningPlace(ctx context.Context, tx *store.Tx, customerID int64) (string, error) {
	rows, err := tx.Orders(ctx, store.OrderFilter{CustomerID: customerID, WithRevised: true}, store.Page{Backward: true, Limit: 1})
	if err != nil || len(rows) == 0 {
		return "", err
	}
	o, err := tx.OrderHeader(ctx, rows[0].ID)
	return o.SigningPlace, err
}

// CopyOrder drafts a new order as a copy of an earlier one ("same as
// last time"): customer details, terms, signing place and lines with
// their prices, dated today, with the delivery date as many days ahead
// as the earlier order had. A quantity ("30") replaces the first line's,
// with its weight for lines in t or kg, or scaled for pieces. It
// returns the new order's id.
func (d *Desk) CopyOrder(ctx context.Context, fromID int64, qty string) (id int64, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return 0, err
	}
	err = d.e.st.Write(ctx, func(tx *store.Tx) error {
		src, err := tx.Order(ctx, fromID)
		if err != nil {
			return err
		}
		if _, err := d.customerFor(ctx, tx, src.CustomerID, "copy_order"); err != nil {
			return err
		}
		o := src
		o.DocID, o.QuoteID, o.CopiedFromID, o.RootID, o.RevisesID, o.Revision, o.OrderNo = 0, 0, fromID, 0, 0, 1, ""
		o.OrderDate = d.e.todayString()
		o.DeliveryDate = ""
		if src.DeliveryDate != "" {
			a, _ := time.Parse("2006-01-02", src.OrderDate)
			b, _ := time.Parse("2006-01-02", src.DeliveryDate)
			o.DeliveryDate = d.e.today().AddDate(0, 0, int(b.Sub(a).Hours()/24)).Format("2006-01-02")
		}
		o.Lines = slices.Clone(src.Lines)
		for i := range o.Lines {
			l := &o.Lines[i]
			l.ID, l.DocID, l.QuoteLineID, l.Stock = 0, 0, 0, nil
		}
		if qty != "" && len(o.Lines) > 0 {
			l := &o.Lines[0]
			q, fe := ParseQuantityField(FQuantity, qty, l.Unit)
			if fe != nil {
				fe.Line = 1
				return FieldErrors{fe}
			}
			switch l.Unit {
			case "t":
				l.Weight = q
			case "kg":
				l.Weight = (q + 500) / 1000
			default:
				if l.Qty > 0 {
					l.Weight = store.Milli((int64(l.Weight)*int64(q) + int64(l.Qty)/2) / int64(l.Qty))
				}
			}
			l.Qty = q
			l.SetPrice(l.Price, l.Priced, l.Basis)
		}
		id, _, err = tx.CreateOrder(ctx, d.User.ID, Order.Initial(), o)
		return err
	})
	if err != nil {
		return 0, refusalFromStore(err, "copy_order")
	}
	d.e.feed.Publish(Change{Kind: store.OrderKind, ID: id})
	return id, nil
}
