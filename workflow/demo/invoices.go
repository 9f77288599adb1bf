package demo

import (
	"context"
	"fmt"
	"time"

	"orderdesk/store"
	"orderdesk/workflow"
)

// invoiceBatch is how many volume orders share one write transaction.
const invoiceBatch = 500

// latePayer says whether a customer pays late (about one in five): the
// collections ladder and the gate's overdue check have work.
func latePayer(customerID int64) bool { return customerID%5 == 0 }

// invoices raises n invoice requests: first for the orders that have
// shipped and are not invoiced yet, oldest first, a few days after they
// shipped, and has their customers pay (invoiceOrder); then, when fewer
// have shipped, for orders of the two months before today's, each
// shipped and invoiced as the desk would (moreInvoices).
func (g *gen) invoices(ctx context.Context, eng *workflow.Engine, t team, customers []int64, n int, sum *Summary) error {
	if n == 0 {
		return nil
	}
	want := sum.Invoices + n
	err := eng.Store().Write(ctx, func(tx *store.Tx) error {
		orders, err := tx.OrdersToInvoice(ctx, store.Page{Limit: 500})
		if err != nil {
			return err
		}
		for i := 0; i < len(orders) && i < n; i++ {
			shipped, err := time.ParseInLocation("2006-01-02", orders[i].LastShipped, g.today.Location())
			if err != nil {
				shipped = g.today.AddDate(0, 0, -3)
			}
			// Money finance confirmed for a later note of the order is
			// allocated when the invoice is issued: never before it came.
			paid, err := lastPrepayment(ctx, tx, orders[i])
			if err != nil {
				return err
			}
			if paid.After(shipped) {
				shipped = paid
			}
			if err := g.invoiceOrder(ctx, eng, tx, t, orders[i].OrderID, shipped.Add(10*time.Hour), sum); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return g.moreInvoices(ctx, eng, t, customers, want, sum)
}

// moreInvoices writes orders over the two months before today's until
// want invoice requests exist, each signed, shipped in one note and
// invoiced (invoicedOrder), so the month-end reconciliation has both
// months to close.
func (g *gen) moreInvoices(ctx context.Context, eng *workflow.Engine, t team, customers []int64, want int, sum *Summary) error {
	missing := want - sum.Invoices
	if missing <= 0 || len(customers) == 0 {
		return nil
	}
	products, err := readProducts(ctx, eng.Store())
	if err != nil || len(products) == 0 {
		return err
	}
	first := time.Date(g.today.Year(), g.today.Month(), 1, 9, 0, 0, 0, g.today.Location()).AddDate(0, -2, 1)
	last := g.today.AddDate(0, 0, -12) // shipped and invoiced by today
	if !last.After(first) {
		return nil
	}
	span := last.Sub(first)
	return eng.Store().Write(ctx, func(tx *store.Tx) error {
		// An order may end before its invoice (a note still on its way):
		// a few more tries, never an endless loop.
		for k := 0; sum.Invoices < want && k < 3*missing; k++ {
			start := first.Add(span / time.Duration(missing) * time.Duration(k%missing))
			if err := g.invoicedOrder(ctx, eng, tx, t, customers, products, start, sum); err != nil {
				return err
			}
		}
		return nil
	})
}

// lastPrepayment is the day of the latest receipt earmarked for an
// order, zero when there is none.
func lastPrepayment(ctx context.Context, tx *store.Tx, o store.ToInvoice) (time.Time, error) {
	rs, err := tx.Receipts(ctx, store.ReceiptFilter{CustomerID: o.CustomerID, OnAccount: true, Limit: 5000})
	var last time.Time
	for _, r := range rs {
		if day, perr := time.Parse("2006-01-02", r.ReceivedOn); perr == nil && r.OrderID == o.OrderID && day.After(last) {
			last = day
		}
	}
	return last, err
}

// invoiceOrder raises an invoice request of everything an order shipped
// a few days after shipped, has it checked, issued by finance and
// mailed, and records the customer's payments: a prepaid customer's
// money was confirmed before shipping and goes to the invoice at its
// issue; a monthly customer pays around the due day, a late payer one
// to five months after it; some pay in two parts, some round up (the
// rest stays on account). Nothing is dated after today: recent invoices
// wait at every step, late ones stay open.
func (g *gen) invoiceOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, orderID int64, shipped time.Time, sum *Summary) error {
	when := shipped.Add(time.Duration(24*(1+g.rng.IntN(8))) * time.Hour)
	if when.After(g.today) {
		return nil
	}
	tx.Now = when
	clerk := t.clerks[g.rng.IntN(len(t.clerks))]
	lines, err := tx.InvoiceableLines(ctx, orderID, 0)
	if err != nil {
		return err
	}
	in := workflow.InvoiceInput{OrderID: orderID}
	for _, l := range lines {
		if l.OpenQty() > 0 {
			in.Lines = append(in.Lines, workflow.InvoiceLineInput{DeliveryLineID: l.DeliveryLineID, Quantity: l.OpenQty().String()})
		}
	}
	if len(in.Lines) == 0 {
		return nil
	}
	id, err := eng.CreateInvoiceIn(ctx, tx, clerk, in)
	if err != nil {
		return err
	}
	sum.Invoices++
	sum.InvoiceLines += len(in.Lines)
	recent := g.today.Sub(when) < 10*24*time.Hour
	next := func(hours int) bool {
		at := tx.Now.Add(time.Duration(hours) * time.Hour)
		if at.After(g.today) || (recent && g.rng.IntN(4) == 0) {
			return false
		}
		tx.Now = at
		return true
	}
	if !next(1) {
		return nil
	}
	if err := eng.ApplyIn(ctx, tx, clerk, id, workflow.ActionSubmit, ""); err != nil {
		return err
	}
	if !next(3) {
		return nil
	}
	if err := eng.ApplyIn(ctx, tx, t.supervisor, id, workflow.ActionApprove, ""); err != nil {
		return err
	}
	if !next(20) {
		return nil
	}
	issued := tx.Now.Format("2006-01-02")
	// The number is the request's id: unique however often the demo runs.
	if err := eng.IssueInvoiceIn(ctx, tx, t.finance, id, workflow.DigitalInvoiceNo(issued, id), issued); err != nil {
		return err
	}
	sum.Issued++
	if next(24 * (1 + g.rng.IntN(3))) {
		if err := eng.MailInvoiceIn(ctx, tx, clerk, id, tx.Now.Format("2006-01-02"), fmt.Sprintf("SF%010d", g.rng.Int64N(1e10))); err != nil {
			return err
		}
	}
	v, err := tx.InvoiceHeader(ctx, id)
	if err != nil || v.Open() == 0 || v.PaymentTerms != store.TermsMonthly {
		return err
	}
	due, _ := time.ParseInLocation("2006-01-02", workflow.InvoiceDueOn(issued, v.PaymentTerms, v.TermsDays), g.today.Location())
	pay := due.Add(time.Duration(g.rng.IntN(19)-15) * 24 * time.Hour)
	if latePayer(v.CustomerID) {
		pay = due.Add(time.Duration(35+g.rng.IntN(120)) * 24 * time.Hour)
	}
	pay = pay.Add(10 * time.Hour)
	if pay.Before(tx.Now) {
		pay = tx.Now.Add(24 * time.Hour)
	}
	amount := v.Open()
	split := g.rng.IntN(10)
	switch split {
	case 0: // in two parts
		amount = amount * store.Money(50+g.rng.IntN(40)) / 100
	case 1: // rounded up to the thousand yuan: the rest stays on account
		amount = (amount/100000 + 1) * 100000
	}
	for part := 0; part < 2 && amount > 0; part++ {
		if pay.After(g.today) {
			return nil
		}
		tx.Now = pay
		day := pay.Format("2006-01-02")
		rid, err := eng.ReceiveIn(ctx, tx, t.finance, store.Receipt{CustomerID: v.CustomerID, ReceivedOn: day, Amount: amount,
			Method: store.ReceiptMethods[g.rng.IntN(3)], Payer: v.Customer, Reference: fmt.Sprintf("HD%08d", g.rng.IntN(1e8))})
		if err != nil {
			return err
		}
		sum.Receipts++
		if err := eng.AllocateIn(ctx, tx, t.finance, rid, id, min(amount, v.Open()), day); err != nil {
			return err
		}
		v.Allocated += min(amount, v.Open())
		amount = v.Open()
		pay = pay.Add(time.Duration(20+g.rng.IntN(20)) * 24 * time.Hour)
	}
	return nil
}

// invoiceVolume writes n orders of five to fifteen lines over the last
// two years, oldest first, in large transactions, each shipped in one
// note through the desk's steps and invoiced and paid (invoiceOrder):
// 150,000 give about a million invoice lines (about seven each) for the
// reconciliation and collections benchmarks.
func (g *gen) invoiceVolume(ctx context.Context, eng *workflow.Engine, t team, customers []int64, n int, sum *Summary) error {
	return g.spread(ctx, eng, customers, n, invoiceBatch, func(tx *store.Tx, products []store.Product, _ int, start time.Time) error {
		return g.invoicedOrder(ctx, eng, tx, t, customers, products, start, sum)
	})
}

// invoicedOrder writes one signed order, ships it in one note and
// invoices it.
func (g *gen) invoicedOrder(ctx context.Context, eng *workflow.Engine, tx *store.Tx, t team, customers []int64, products []store.Product,
	start time.Time, sum *Summary) error {
	clerk, c, o, err := g.newOrder(ctx, tx, t, customers, start, 14)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for k := 5 + g.rng.IntN(11); k > 0; k-- {
		l := g.orderLine(g.ownProduct(products, c))
		if key := l.Grade + l.Name + l.Spec; seen[key] {
			continue
		} else {
			seen[key] = true
		}
		o.Lines = append(o.Lines, l)
	}
	id, err := g.signedOrder(ctx, eng, tx, t, clerk, o, sum)
	if err != nil {
		return err
	}
	when := tx.Now.Add(4 * time.Hour)
	if when.After(g.today) {
		return nil
	}
	nid, fate, last, err := g.shipNote(ctx, eng, tx, t, clerk, id, when, false, 14*24*time.Hour, sum)
	if err != nil || nid == 0 || fate < nfInTransit {
		return err
	}
	return g.invoiceOrder(ctx, eng, tx, t, id, last, sum)
}
