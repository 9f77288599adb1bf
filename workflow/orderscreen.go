package workflow

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"orderdesk/store"
	"orderdesk/workflow/printout"
)

// What the orders screen and the print command ask of the desk beyond
// the order's own workflow: won quotes to turn into orders, an order by
// its number, and the contract to print.

// WonQuotesWithoutOrder lists won quotes (of one customer, or of all
// with customerID 0) that have no order in play yet, newest first: what
// the clerk may turn into an order with one key.
func (d *Desk) WonQuotesWithoutOrder(ctx context.Context, customerID int64, limit int) (out []store.QuoteRow, err error) {
	if err := permit(d.User, EditOrders, ""); err != nil {
		return nil, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		rows, err := tx.Quotes(ctx, store.DocFilter{Statuses: []string{"won"}, CustomerID: customerID}, store.Page{Backward: true, Limit: 500})
		if err != nil {
			return err
		}
		for i := len(rows) - 1; i >= 0 && len(out) < limit; i-- {
			made, err := tx.OrdersOfQuote(ctx, rows[i].ID)
			if err != nil {
				return err
			}
			if !orderInPlay(made) {
				out = append(out, rows[i])
			}
		}
		return nil
	})
	d.hideQuoteRows(out)
	return out, err
}

func orderInPlay(rows []store.OrderRow) bool {
	for _, o := range rows {
		if o.Status != "withdrawn" && o.Status != "revised" {
			return true
		}
	}
	return false
}

// OrderByNumber finds the order version a number names: "LNSYNO.0001"
// is the version in force (the latest revision signed off, or the first
// version while none is), "LNSYNO.0001/2" that revision; a provisional
// reference names its draft.
func (d *Desk) OrderByNumber(ctx context.Context, number string) (int64, error) {
	if err := permitScreenOrSystem(d.User, ScreenOrders); err != nil {
		return 0, err
	}
	number = strings.TrimSpace(number)
	if number == "" {
		return 0, store.ErrNotFound
	}
	var found int64
	err := d.e.st.Read(ctx, func(tx *store.Tx) error {
		rows, err := tx.Orders(ctx, store.OrderFilter{WithRevised: true}, store.Page{Query: number, Limit: 500})
		if err != nil {
			return err
		}
		best := -1
		for _, r := range rows {
			var rank int
			switch {
			case strings.Contains(number, "/") && strings.EqualFold(r.Number(), number),
				r.OrderNo == "" && strings.EqualFold(r.Ref, number):
				rank = 1000 // exactly this version, or this draft
			case !strings.Contains(number, "/") && strings.EqualFold(r.OrderNo, number):
				// A version of the order: the one in force first, then
				// the latest revision.
				rank = r.Revision
				if slices.Contains(LiveOrderStatuses, r.Status) || r.Status == "closed" || r.Status == "cancelled" {
					rank += 500
				}
			default:
				continue
			}
			if rank > best {
				best, found = rank, r.ID
			}
		}
		if found == 0 {
			return store.ErrNotFound
		}
		return nil
	})
	return found, err
}

// ContractOf fills the printable contract of an order version: the
// company (seller) named company, the customer's party from the order
// and its customer file, the lines, dates, terms and place of signing.
// A user who may not see the order's prices is refused; the system user
// (the installation's owner, printing at the office machine) may.
func (d *Desk) ContractOf(ctx context.Context, docID int64, company string) (printout.Contract, error) {
	if err := permitScreenOrSystem(d.User, ScreenOrders); err != nil {
		return printout.Contract{}, err
	}
	var c printout.Contract
	var o store.Order
	var cust store.Customer
	err := d.e.st.Read(ctx, func(tx *store.Tx) (err error) {
		if o, err = tx.Order(ctx, docID); err != nil {
			return err
		}
		cust, err = tx.Customer(ctx, o.CustomerID)
		return err
	})
	if err != nil {
		return c, err
	}
	if d.User.ID != store.SystemUserID && !SeesMoneyOf(d.User, o.RepID) {
		return c, &Refusal{Code: RoleNotAllowed, Action: "print", Roles: RolesFor(EditOrders)}
	}
	c.Number = o.Number()
	if c.Number == "" {
		c.Number = o.Ref
	}
	c.Date = day(o.OrderDate)
	c.DeliveryDate = day(o.DeliveryDate)
	c.Place, c.ShipTo, c.Notes = o.SigningPlace, o.ShipTo, o.Notes
	c.Seller = printout.Party{Name: company}
	c.Buyer = printout.Party{Name: o.CustomerName, Address: cust.Address, Contact: o.Contact, Phone: o.Phone, Fax: cust.Fax}
	c.PaymentTerms = termsWords(o.PaymentTerms, o.TermsDays)
	c.Weighing = weighingClauses[o.Weighing]
	for _, l := range o.Lines {
		if l.Removed {
			continue
		}
		c.Lines = append(c.Lines, printout.Line{Grade: l.Grade, Name: l.Name, Spec: l.Spec, Qty: l.Qty, Unit: contractUnit(l.Unit),
			Weight: l.Weight, Price: l.Price, Amount: l.Amount, PriceUnit: priceUnit(l)})
	}
	return c, nil
}

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// contractUnit is a unit as the (Chinese) contract states it.
func contractUnit(unit string) string {
	switch unit {
	case "t":
		return "吨"
	case "kg":
		return "千克"
	case "pcs":
		return "件"
	}
	return unit
}

// priceUnit is what a line's price is per, as the contract prints it:
// per tonne of its weight, or per unit of its quantity.
func priceUnit(l store.OrderLine) string {
	if l.Basis == store.BasisQty {
		return "元/" + contractUnit(l.Unit)
	}
	return "元/吨"
}

// termsWords are the payment terms as a contract states them.
func termsWords(terms string, days int) string {
	switch terms {
	case store.TermsPrepaid:
		return "先款后货"
	case store.TermsMonthly:
		return "月结" + itoa(days) + "天"
	}
	return terms
}

// UserByOSUser is the active user an operating-system account is
// mapped to, for commands that act as whoever runs them; ErrNoUser if
// none.
func (e *Engine) UserByOSUser(ctx context.Context, osUser string) (u store.User, err error) {
	err = e.st.Read(ctx, func(tx *store.Tx) error {
		u, err = tx.UserByOSUser(ctx, osUser)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		err = ErrNoUser
	}
	return u, err
}
