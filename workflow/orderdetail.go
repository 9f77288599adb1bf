package workflow

import (
	"context"

	"orderdesk/store"
)

// loadOrderContent fills the detail of an order kind's document.
func (d *Desk) loadOrderContent(ctx context.Context, tx *store.Tx, dd *DocumentDetail) error {
	switch dd.Kind {
	case store.OrderKind:
		o, err := tx.Order(ctx, dd.ID)
		if err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, o.RepID) {
			hideOrder(&o)
			dd.MoneyHidden = true
		}
		dd.Order, dd.Customer = &o, o.CustomerName
	case store.OrderCancelKind:
		c, err := tx.OrderCancelOf(ctx, dd.ID)
		if err != nil {
			return err
		}
		o, err := tx.OrderHeader(ctx, c.OrderID)
		if err != nil {
			return err
		}
		if !SeesMoneyOf(d.User, o.RepID) {
			o.Total = 0
			dd.MoneyHidden = true
		}
		dd.OrderCancel, dd.CancelOf, dd.Customer = &c, &o, o.CustomerName
	case store.StockRequestKind:
		sr, err := tx.StockRequest(ctx, dd.ID)
		if err != nil {
			return err
		}
		dd.StockRequest, dd.Customer = &sr, sr.Customer
	}
	return nil
}

// hideOrder blanks an order's prices, amounts and total.
func hideOrder(o *store.Order) {
	o.Total = 0
	for i := range o.Lines {
		o.Lines[i].Price, o.Lines[i].Amount = 0, 0
	}
}

func (d *Desk) hideOrderRows(rows []store.OrderRow) {
	for i := range rows {
		if !SeesMoneyOf(d.User, rows[i].RepID) {
			rows[i].Total, rows[i].MoneyHidden = 0, true
		}
	}
}

// OrderDetail is an order version for its screen.
type OrderDetail struct {
	DocumentDetail                  // Order holds the version with its lines and their stock answers
	Number         string           // the number with its revision; "" before the contract's sign-off
	Versions       []store.OrderRow // every version of the order, first first
	RevisionID     int64            // a revision of this version in play, 0 if none
	SignBack       *store.SignBack
	Cancels        []store.OrderCancel
	StockRequests  []store.StockRequestRow
	// Invoicing is each line's shipped, invoiced and open-to-invoice
	// quantities (invoiceread.go).
	Invoicing []store.OrderLineInvoicing
	// Shipping is each line's ordered, shipped, on-note and open
	// quantities and weights (the shipping screen's figures).
	Shipping []store.OpenLine
	// Check is the contract check of this version as stored: nil when
	// it would pass, FieldErrors (or NoLines) when not. Shown before the
	// clerk submits; a reviewer sees a contract that passed.
	Check error
}

// Order loads an order version with its lines, history (every
// transition, sign-off and revision), versions, sign-back, cancellation
// requests and stock-up requests. Prices are hidden (MoneyHidden) from a
// user who may not see the customer's money.
func (d *Desk) Order(ctx context.Context, docID int64) (OrderDetail, error) {
	if err := permitScreen(d.User, ScreenOrders); err != nil {
		return OrderDetail{}, err
	}
	var out OrderDetail
	dd, err := d.Document(ctx, docID)
	if err != nil {
		return out, err
	}
	if dd.Kind != store.OrderKind || dd.Order == nil {
		return out, store.ErrNotFound
	}
	out.DocumentDetail = dd
	out.Number = dd.Order.Number()
	if !dd.MoneyHidden {
		out.Check = ContractCheck(*dd.Order)
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		var err error
		if out.Versions, err = tx.OrderVersions(ctx, dd.Order.RootID); err != nil {
			return err
		}
		if out.RevisionID, err = tx.OrderRevisionOf(ctx, docID); err != nil {
			return err
		}
		if out.SignBack, err = tx.OrderSignBack(ctx, docID); err != nil {
			return err
		}
		if out.Cancels, err = tx.OrderCancels(ctx, docID); err != nil {
			return err
		}
		if out.StockRequests, err = tx.StockRequests(ctx, store.DocFilter{}, docID, 500); err != nil {
			return err
		}
		if out.Shipping, err = tx.OpenLines(ctx, docID); err != nil {
			return err
		}
		if dd.MoneyHidden {
			for i := range out.Shipping {
				out.Shipping[i].Price = 0
			}
		}
		out.Invoicing, err = tx.OrderInvoicing(ctx, docID)
		return err
	})
	d.hideOrderRows(out.Versions)
	return out, err
}

// Orders lists one page of order versions matching f; p.Query is free
// text across number, customer, grade and spec.
func (d *Desk) Orders(ctx context.Context, f store.OrderFilter, p store.Page) (rows []store.OrderRow, err error) {
	if err = permitScreen(d.User, ScreenOrders); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.OrderRow, error) { return tx.Orders(ctx, f, p) })
	d.hideOrderRows(rows)
	return rows, err
}

// OrderAudit lists the audit records of an order version, newest first:
// its header, lines, status changes, number and sign-back.
func (d *Desk) OrderAudit(ctx context.Context, docID int64, limit int) (recs []store.AuditRecord, err error) {
	if err = permitScreen(d.User, ScreenOrders); err != nil {
		return
	}
	recs, err = read(ctx, d.e, func(tx *store.Tx) ([]store.AuditRecord, error) { return tx.OrderHistory(ctx, docID, limit) })
	return recs, err
}
