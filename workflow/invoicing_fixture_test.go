package workflow

import (
	"testing"

	"orderdesk/store"
)

// ifix is the invoicing fixture: the shipping fixture with notes taken
// all the way to the carrier.
type ifix struct {
	*sfix
}

func newInvoicing(t *testing.T) *ifix {
	t.Helper()
	return &ifix{sfix: newShipping(t)}
}

// ship drafts, signs off, releases (finance pays a prepaid order's note
// first), loads and dispatches a note of order with the given quantities
// per order line, and returns it.
func (s *ifix) ship(order int64, qtys ...string) int64 {
	s.t.Helper()
	return s.shipWeighed(order, nil, qtys...)
}

// shipWeighed is ship with the weighbridge's figure of each line loaded
// (nil: the note's weights), with a reason where it differs.
func (s *ifix) shipWeighed(order int64, weights []string, qtys ...string) int64 {
	s.t.Helper()
	id := s.signedNote(order, qtys...)
	if s.status(id) == "approved" {
		g, err := s.e.Desk(s.fin).GateOf(s.ctx, id)
		s.must(err)
		if g.Held == store.GatePrepaidUnpaid {
			s.must(s.e.Desk(s.fin).ConfirmPayment(s.ctx, PaymentInput{NoteID: id, Amount: g.Due.Plain(), Method: "bank"}))
		} else {
			s.must(s.e.Desk(s.fin).Release(s.ctx, id, 0, ""))
		}
	}
	n := s.note(s.wh, id).Note
	var loads []LoadInput
	for i, l := range n.Lines {
		in := LoadInput{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()}
		if i < len(weights) && weights[i] != in.Weight {
			in.Weight, in.Reason = weights[i], "过磅"
		}
		loads = append(loads, in)
	}
	s.must(s.e.Desk(s.wh).Load(s.ctx, id, 0, loads))
	day := s.e.todayString()
	s.must(s.e.Desk(s.clerk).Dispatch(s.ctx, id, 0, DispatchInput{Carrier: "沈阳顺达物流", Vehicle: "辽A12345", ShippedAt: day + " 10:00",
		ExpectedOn: day, SignedBy: "李师傅", SignedOn: day}))
	return id
}

// request drafts an invoice request of order by maker with every shipped
// quantity not yet invoiced.
func (s *ifix) request(maker store.User, order int64) int64 {
	s.t.Helper()
	in, _, err := s.e.Desk(maker).NewInvoiceInput(s.ctx, order)
	s.must(err)
	id, err := s.e.Desk(maker).CreateInvoice(s.ctx, in)
	s.must(err)
	return id
}

// issued takes a request through submit, the boss's check and finance's
// issue with number no.
func (s *ifix) issued(order int64, no string) int64 {
	s.t.Helper()
	id := s.request(s.clerk, order)
	s.must(s.e.Desk(s.clerk).SubmitInvoice(s.ctx, id, 0))
	s.must(s.e.Desk(s.boss).CheckInvoice(s.ctx, id, 0))
	s.must(s.e.Desk(s.fin).IssueInvoice(s.ctx, id, 0, IssueInput{InvoiceNo: no}))
	return id
}

func (s *ifix) invoice(id int64) store.Invoice {
	s.t.Helper()
	v, _, err := s.e.Desk(s.boss).Invoice(s.ctx, id)
	s.must(err)
	return v
}

// receipt records money of cust received today, not earmarked.
func (s *ifix) receipt(cust int64, amount string) int64 {
	s.t.Helper()
	id, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: cust, Amount: amount, Method: store.MethodBank})
	s.must(err)
	return id
}

func (s *ifix) balance(cust int64) store.Balance {
	s.t.Helper()
	b, err := s.e.Desk(s.fin).CustomerBalance(s.ctx, cust, "")
	s.must(err)
	return b
}

// orderToday is signedOrder with the customer's copy back today, for
// tests whose clock moves.
func (s *ifix) orderToday(cust int64, lines ...OrderLineInput) int64 {
	s.t.Helper()
	in := s.input(s.clerk, cust, lines...)
	in.DeliveryDate = s.e.Now().AddDate(0, 0, 10).Format("2006-01-02")
	id, _, err := s.e.Desk(s.clerk).CreateOrder(s.ctx, in)
	s.must(err)
	s.approved(id, s.clerk, s.boss)
	s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, id, 0, s.e.todayString(), ""))
	return id
}
