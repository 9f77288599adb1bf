package workflow

import (
	"context"
	"slices"

	"orderdesk/store"
)

// What the invoices screen and the reconciliation read. Sales reps see
// only their own customers' money; the screens never decide that.

// Invoice loads an invoice with its lines, issue, mailing and allocations.
func (d *Desk) Invoice(ctx context.Context, docID int64) (v store.Invoice, allocs []store.Allocation, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if v, err = tx.Invoice(ctx, docID); err != nil {
			return err
		}
		if err := d.moneyOf(v.RepID); err != nil {
			return err
		}
		allocs, err = tx.Allocations(ctx, store.AllocationFilter{InvoiceID: docID})
		return err
	})
	return v, allocs, err
}

// Invoices lists invoices by customer, month of issue, status, open or
// overdue (store.InvoiceFilter), leaving out what the user may not see.
func (d *Desk) Invoices(ctx context.Context, f store.InvoiceFilter) (rows []store.InvoiceRow, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.InvoiceRow, error) { return tx.InvoiceRows(ctx, f) })
	out := slices.DeleteFunc(rows, func(r store.InvoiceRow) bool { return !SeesMoneyOf(d.User, r.RepID) })
	return out, err
}

// OpenInvoices lists a customer's (0: every customer's) issued invoices
// with money still open, oldest due first; with overdueOn, only those
// due before that day.
func (d *Desk) OpenInvoices(ctx context.Context, customerID int64, overdueOn string) ([]store.InvoiceRow, error) {
	if err := permit(d.User, SeeMoney, ""); err != nil {
		return nil, err
	}
	return d.Invoices(ctx, store.InvoiceFilter{CustomerID: customerID, OpenOnly: true, DueBefore: overdueOn, ByDue: true, Limit: 5000})
}

// OrdersToInvoice lists orders with shipped quantities no invoice holds,
// keyset-paged by order.
func (d *Desk) OrdersToInvoice(ctx context.Context, p store.Page) (rows []store.ToInvoice, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.ToInvoice, error) { return tx.OrdersToInvoice(ctx, p) })
	out := slices.DeleteFunc(rows, func(r store.ToInvoice) bool { return !SeesMoneyOf(d.User, r.RepID) })
	return out, err
}

// OrderInvoicing lists an order's lines with their shipped, invoiced and
// open-to-invoice quantities.
func (d *Desk) OrderInvoicing(ctx context.Context, orderID int64) (lines []store.OrderLineInvoicing, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	lines, err = read(ctx, d.e, func(tx *store.Tx) ([]store.OrderLineInvoicing, error) { return tx.OrderInvoicing(ctx, orderID) })
	return lines, err
}

// Receipts lists receipts (newest first) by customer and days received.
func (d *Desk) Receipts(ctx context.Context, f store.ReceiptFilter) (rows []store.Receipt, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.Receipt, error) { return tx.Receipts(ctx, f) })
	out := slices.DeleteFunc(rows, func(r store.Receipt) bool { return !SeesMoneyOf(d.User, r.RepID) })
	return out, err
}

// Allocations lists allocations by receipt, invoice, customer and days.
func (d *Desk) Allocations(ctx context.Context, f store.AllocationFilter) (rows []store.Allocation, err error) {
	if err = permit(d.User, SeeMoney, ""); err != nil {
		return
	}
	err = d.e.st.Read(ctx, func(tx *store.Tx) error {
		if f.CustomerID != 0 {
			if err := d.customerMoney(ctx, tx, f.CustomerID); err != nil {
				return err
			}
		} else if !hasAnyRole(d.User, []Role{Clerk, Supervisor, Finance}) {
			return &Refusal{Code: NotYourCustomer, Action: "open"}
		}
		rows, err = tx.Allocations(ctx, f)
		return err
	})
	return rows, err
}

// CustomerBalance is a customer's account as of a day (inclusive; ""
// for now): invoiced, received, allocated, open and on account.
func (d *Desk) CustomerBalance(ctx context.Context, customerID int64, asOf string) (store.Balance, error) {
	return readCustomerMoney(ctx, d, customerID, func(tx *store.Tx) (store.Balance, error) {
		return tx.CustomerBalance(ctx, customerID, asOf)
	})
}

// Balances is every customer's account as of a day, for the desk,
// supervisors and finance (the reconciliation's starting figures).
func (d *Desk) Balances(ctx context.Context, asOf string) (bs []store.Balance, err error) {
	if err := permit(d.User, SeeBalances, ""); err != nil {
		return nil, err
	}
	bs, err = read(ctx, d.e, func(tx *store.Tx) ([]store.Balance, error) { return tx.Balances(ctx, 0, asOf) })
	return bs, err
}

// Receivable is a customer's exposure as the payment gate reads it:
// shipped, received, invoiced, allocated and uninvoiced.
func (d *Desk) Receivable(ctx context.Context, customerID int64) (store.Receivable, error) {
	return readCustomerMoney(ctx, d, customerID, func(tx *store.Tx) (store.Receivable, error) {
		return tx.CustomerReceivable(ctx, customerID, "0000-00-00")
	})
}

// ReceiptRows pages receipts in id order (only those with money on
// account, with onAccount), for finance's list.
func (d *Desk) ReceiptRows(ctx context.Context, onAccount bool, p store.Page) (rows []store.Receipt, err error) {
	if err = permitScreen(d.User, ScreenInvoices); err != nil {
		return
	}
	rows, err = read(ctx, d.e, func(tx *store.Tx) ([]store.Receipt, error) { return tx.ReceiptRows(ctx, onAccount, p) })
	out := slices.DeleteFunc(rows, func(r store.Receipt) bool { return !SeesMoneyOf(d.User, r.RepID) })
	return out, err
}

// readCustomerMoney returns what get reads of one customer's money, for
// users who see money and only of a customer whose money they may see.
func readCustomerMoney[T any](ctx context.Context, d *Desk, customerID int64, get func(tx *store.Tx) (T, error)) (T, error) {
	var zero T
	if err := permit(d.User, SeeMoney, ""); err != nil {
		return zero, err
	}
	return read(ctx, d.e, func(tx *store.Tx) (T, error) {
		if err := d.customerMoney(ctx, tx, customerID); err != nil {
			return zero, err
		}
		return get(tx)
	})
}

// customerMoney loads a customer and refuses when the user may not see
// its money.
func (d *Desk) customerMoney(ctx context.Context, tx *store.Tx, customerID int64) error {
	c, err := tx.Customer(ctx, customerID)
	if err != nil {
		return err
	}
	return d.moneyOf(c.RepID)
}

// moneyOf refuses to open money of a customer of rep repID that the user
// may not see.
func (d *Desk) moneyOf(repID int64) error {
	if !SeesMoneyOf(d.User, repID) {
		return &Refusal{Code: NotYourCustomer, Action: "open"}
	}
	return nil
}
