package workflow

import (
	"errors"
	"testing"

	"orderdesk/store"
)

// sfix is the shipping fixture: the orders fixture's desk plus finance
// and a monthly customer with a credit limit of 150,000 yuan and 30 days.
type sfix struct {
	*ofix
	fin, fin2 store.User
	monthly   int64
}

func newShipping(t *testing.T) *sfix {
	t.Helper()
	return shippingFixture.get(t).clone(t)
}

var shippingFixture = built[*sfix]{name: "shipping", build: buildShipping}

func buildShipping(t *testing.T, path string) *sfix {
	t.Helper()
	o := buildOrders(t, path)
	s := &sfix{ofix: o}
	sys, _ := o.e.SystemUser(o.ctx)
	var err error
	if s.fin, err = o.e.AddUser(o.ctx, sys, "chen", "陈会计", "", []Role{Finance}); err != nil {
		t.Fatal(err)
	}
	if s.fin2, err = o.e.AddUser(o.ctx, sys, "he", "何会计", "", []Role{Finance, Clerk}); err != nil {
		t.Fatal(err)
	}
	id, doc, err := o.e.Desk(o.clerk).CreateCustomer(o.ctx, CustomerInput{Name: "沈阳月结机械有限公司", Province: "辽宁", City: "沈阳",
		Address: "沈阳市大东区1号", Contact: "王经理", Phone: "024-23456780", PaymentTerms: store.TermsMonthly, TermsDays: "30",
		CreditLimit: "150000", RepID: o.rep.ID})
	o.must(err)
	o.must(o.e.Desk(o.boss).Act(o.ctx, doc, ActionApprove, ""))
	s.monthly = id
	return s
}

// signedOrder enters an order of cust, has it signed off and records the
// customer's signed copy.
func (s *sfix) signedOrder(cust int64, lines ...OrderLineInput) int64 {
	s.t.Helper()
	id := s.order(s.clerk, cust, lines...)
	s.approved(id, s.clerk, s.boss)
	s.must(s.e.Desk(s.clerk).RecordSignBack(s.ctx, id, 0, "2026-11-02", ""))
	return id
}

// draft drafts a note of order by maker with the given quantities per
// order line (all that is open when none are given).
func (s *sfix) draft(maker store.User, order int64, qtys ...string) (int64, error) {
	s.t.Helper()
	in, open, err := s.e.Desk(maker).NewDeliveryInput(s.ctx, order)
	s.must(err)
	in.ShipOn = "2026-11-10"
	if len(qtys) > 0 {
		in.Lines = nil
		for i, q := range qtys {
			in.Lines = append(in.Lines, DeliveryLineInput{OrderLineID: open[i].OrderLineID, Quantity: q})
		}
	}
	return s.e.Desk(maker).CreateDelivery(s.ctx, in)
}

// signedNote drafts, submits and has the supervisor sign off a note.
func (s *sfix) signedNote(order int64, qtys ...string) int64 {
	s.t.Helper()
	id, err := s.draft(s.clerk, order, qtys...)
	s.must(err)
	s.must(s.e.Desk(s.clerk).SubmitDelivery(s.ctx, id, 0))
	s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionApprove, ""))
	return id
}

func (s *sfix) note(u store.User, id int64) DeliveryDetail {
	s.t.Helper()
	dd, err := s.e.Desk(u).Delivery(s.ctx, id)
	s.must(err)
	return dd
}

func (s *sfix) status(id int64) string {
	s.t.Helper()
	return s.note(s.boss, id).Note.Status
}

// refused checks err is a refusal with code.
func refusal(t *testing.T, err error, code Code) *Refusal {
	t.Helper()
	var r *Refusal
	if !errors.As(err, &r) || r.Code != code {
		t.Fatalf("want refusal %s, got %v", code, err)
	}
	return r
}
