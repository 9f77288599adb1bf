package workflow

import (
	"context"

	"orderdesk/store"
)

// DeliveryDetail is a delivery note for its screen: the note, its gate
// as it stands for this user, the order's lines with what is open and
// shipped, payments, overrides and history, and what this user may do.
type DeliveryDetail struct {
	DocumentDetail
	Note      store.DeliveryNote
	Gate      *Gate // while the note waits at the gate, for who sees money
	Open      []store.OpenLine
	Payments  []store.PaymentConfirmation
	Overrides []store.ShippingOverride
	// WeightTolerance is the per cent a loaded weight may differ from
	// the note's without a reason (OffTolerance).
	WeightTolerance int
}

// seesDeliveryMoney: the warehouse loads by quantity and weight; prices,
// amounts and the gate's figures are not for it (不泄露销售秘密).
func (d *Desk) seesDeliveryMoney(repID int64) bool { return SeesMoneyOf(d.User, repID) }

// Delivery loads a note for its screen.
func (d *Desk) Delivery(ctx context.Context, docID int64) (DeliveryDetail, error) {
	if err := permitScreen(d.User, ScreenShipping); err != nil {
		return DeliveryDetail{}, err
	}
	return d.delivery(ctx, docID)
}

// delivery reads a note for whoever the caller checked may see it.
func (d *Desk) delivery(ctx context.Context, docID int64) (dd DeliveryDetail, err error) {
	if dd.DocumentDetail, err = d.Document(ctx, docID); err != nil {
		return dd, err
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if dd.Note, err = tx.DeliveryNote(ctx, docID); err != nil {
			return err
		}
		rules, err := shippingRules(ctx, tx)
		if err != nil {
			return err
		}
		dd.WeightTolerance = rules.WeightTolerance
		if dd.Open, err = tx.OpenLines(ctx, dd.Note.OrderID); err != nil {
			return err
		}
		if !d.seesDeliveryMoney(dd.Note.RepID) {
			hideDelivery(&dd.Note)
			for i := range dd.Open {
				dd.Open[i].Price = 0
			}
			dd.MoneyHidden = true
			return nil
		}
		if dd.Payments, err = tx.PaymentsOfOrder(ctx, dd.Note.OrderID); err != nil {
			return err
		}
		if dd.Overrides, err = tx.OverridesOfNote(ctx, docID); err != nil {
			return err
		}
		if dd.Note.Status == "approved" {
			g, err := d.e.gate(ctx, tx, dd.Note, d.User)
			if err != nil {
				return err
			}
			dd.Gate = &g
		}
		return nil
	})
	return dd, err
}

func hideDelivery(n *store.DeliveryNote) {
	n.Total = 0
	for i := range n.Lines {
		n.Lines[i].Price, n.Lines[i].Amount, n.Lines[i].Billed.Amount = 0, 0, 0
	}
}

// GateOf is what the payment gate says of a note now for this user (the
// release check, without releasing).
func (d *Desk) GateOf(ctx context.Context, docID int64) (g Gate, err error) {
	if err = permitScreen(d.User, ScreenShipping); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		n, err := tx.DeliveryHeader(ctx, docID)
		if err != nil {
			return err
		}
		if !d.seesDeliveryMoney(n.RepID) {
			return &Refusal{Code: NotYourCustomer, Action: ActionRelease}
		}
		g, err = d.e.gate(ctx, tx, n, d.User)
		return err
	})
	return g, err
}

// Deliveries lists notes for the shipping screen, prices hidden from
// whoever may not see them.
func (d *Desk) Deliveries(ctx context.Context, statuses []string, p store.Page) (rows []store.DeliveryRow, err error) {
	if err = permitScreen(d.User, ScreenShipping); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.DeliveryRow, error) { return tx.DeliveryRows(ctx, statuses, p) })
	for i := range rows {
		if !d.seesDeliveryMoney(rows[i].RepID) {
			rows[i].Total, rows[i].MoneyHidden = 0, true
		}
	}
	return rows, err
}

// OrdersToShip lists signed orders with an open quantity, oldest first.
func (d *Desk) OrdersToShip(ctx context.Context, p store.Page) (rows []store.OrderRow, err error) {
	if err = permitScreen(d.User, ScreenShipping); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.OrderRow, error) { return tx.OrdersToShip(ctx, p) })
	d.hideOrderRows(rows)
	return rows, err
}

// OrderShipping lists an order's lines with ordered, committed (on notes
// in play), shipped and open quantities, and its notes.
func (d *Desk) OrderShipping(ctx context.Context, orderID int64) (lines []store.OpenLine, notes []store.DeliveryRow, err error) {
	if err = permitScreen(d.User, ScreenShipping); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if lines, err = tx.OpenLines(ctx, orderID); err != nil {
			return err
		}
		notes, err = tx.DeliveriesOfOrder(ctx, orderID)
		return err
	})
	return lines, notes, err
}

// ShippingTask is one note waiting for this user's step: finance's word
// at the gate (with the amount due), or the warehouse's loading.
type ShippingTask struct {
	store.DeliveryRow
	Action string // confirm_payment, release or load
	Gate   *Gate  // finance's: why it waits and what is due
}

// ShippingInbox lists only what this user may act on in shipping:
// finance sees signed-off notes the gate holds for its word (a prepaid
// note's payment to confirm with the amount due, a monthly note over
// credit or overdue to release), never one it made; the warehouse sees
// released notes to load, without prices. Oldest first.
func (d *Desk) ShippingInbox(ctx context.Context, limit int) (tasks []ShippingTask, err error) {
	if err = permitScreen(d.User, ScreenShipping); err != nil {
		return
	}
	if limit <= 0 {
		limit = 200
	}
	fin, wh := d.User.HasRole(string(Finance)), d.User.HasRole(string(Warehouse))
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if fin {
			rows, err := tx.DeliveryRows(ctx, []string{"approved"}, store.Page{Limit: limit})
			if err != nil {
				return err
			}
			for _, r := range rows {
				if r.MakerID == d.User.ID {
					continue
				}
				n, err := tx.DeliveryHeader(ctx, r.ID)
				if err != nil {
					return err
				}
				g, err := d.e.gate(ctx, tx, n, d.User)
				if err != nil {
					return err
				}
				if g.Open() {
					continue // the desk releases it itself
				}
				action := ActionRelease
				if g.Held == store.GatePrepaidUnpaid {
					action = "confirm_payment"
				}
				tasks = append(tasks, ShippingTask{DeliveryRow: r, Action: action, Gate: &g})
			}
		}
		if wh {
			rows, err := tx.DeliveryRows(ctx, []string{"released"}, store.Page{Limit: limit})
			if err != nil {
				return err
			}
			for _, r := range rows {
				if r.MakerID == d.User.ID {
					continue
				}
				if !d.seesDeliveryMoney(r.RepID) {
					r.Total, r.MoneyHidden = 0, true
				}
				tasks = append(tasks, ShippingTask{DeliveryRow: r, Action: ActionLoad})
			}
		}
		return nil
	})
	return tasks, err
}

// Overrides is the overrides report: every exception to the payment gate
// asked between two days (YYYY-MM-DD, inclusive; "" for open), with who
// asked, who signed and how. For the desk, supervisors and finance.
func (d *Desk) Overrides(ctx context.Context, from, to string) (out []store.ShippingOverride, err error) {
	if err := permit(d.User, SeeOverrides, ""); err != nil {
		return nil, err
	}
	out, err = read(ctx, d.e, func(tx *store.Tx) ([]store.ShippingOverride, error) { return tx.Overrides(ctx, from, to, 1000) })
	return out, err
}

// SeesOverrides reports whether u may read the overrides report.
func SeesOverrides(u store.User) bool { return Can(u, SeeOverrides) }
