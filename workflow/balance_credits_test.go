package workflow

import (
	"errors"
	"math/rand/v2"
	"testing"

	"orderdesk/store"
)

// randomCredit drafts a credit of a random issued invoice (an allowance
// of a random amount, or a return of part of its first line), sometimes
// asks for more than is left (refused, nothing written), sometimes drops
// it before issue, else takes it to finance's issue.
func randomCredit(s *ifix, rng *rand.Rand, nextNo *int) error {
	clerk := s.e.Desk(s.clerk)
	rows, err := clerk.Invoices(s.ctx, store.InvoiceFilter{Statuses: []string{"issued", "mailed"}})
	if err != nil || len(rows) == 0 {
		return err
	}
	in, b, err := clerk.NewCreditInput(s.ctx, rows[rng.IntN(len(rows))].DocID)
	if err != nil || b.Left <= 0 {
		return err
	}
	in.Reason = "折让"
	switch l := b.Lines[0]; {
	case rng.IntN(5) == 0: // more than is left: refused
		in.Amount = (b.Left + 1).Plain()
		if _, err := clerk.CreateCredit(s.ctx, in); err == nil {
			return errors.New("over-crediting was taken")
		}
		return nil
	case rng.IntN(2) == 0 && l.OpenQty() > 0:
		in.Reason = "退货"
		in.Lines[0].Quantity = store.Milli(1 + rng.Int64N(int64(l.OpenQty()))).String()
	default:
		in.Amount = store.Money(1 + rng.Int64N(int64(b.Left))).Plain()
	}
	id, err := clerk.CreateCredit(s.ctx, in)
	if errors.As(err, new(FieldErrors)) { // a return worth more than is left after allowances
		return nil
	}
	if err != nil {
		return err
	}
	if rng.IntN(6) == 0 {
		return clerk.VoidCredit(s.ctx, id, 0, "不开了")
	}
	if err := clerk.SubmitCredit(s.ctx, id, 0); err != nil {
		return err
	}
	if err := s.e.Desk(s.boss).CheckCredit(s.ctx, id, 0); err != nil {
		return err
	}
	*nextNo++
	return s.e.Desk(s.fin).IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: DigitalInvoiceNo(s.e.todayString(), int64(*nextNo))})
}

// randomCreditAllocation puts what a random credit has on account against
// its customer's open invoices, oldest due first, sometimes only part.
func randomCreditAllocation(s *ifix, rng *rand.Rand) error {
	fin := s.e.Desk(s.fin)
	cs, err := fin.Credits(s.ctx, store.CreditFilter{OnAccount: true})
	if err != nil || len(cs) == 0 {
		return err
	}
	c := cs[rng.IntN(len(cs))]
	open, err := fin.Invoices(s.ctx, store.InvoiceFilter{CustomerID: c.CustomerID, OpenOnly: true, ByDue: true, Limit: 50})
	if err != nil || len(open) == 0 {
		return err
	}
	left := c.OnAccount()
	var in []AllocationInput
	for _, v := range open {
		amt := min(left, v.Open())
		if amt > 0 && rng.IntN(3) == 0 {
			amt = store.Money(rng.Int64N(int64(amt) + 1))
		}
		left -= amt
		in = append(in, AllocationInput{InvoiceID: v.DocID, Amount: amt.Plain()})
	}
	return fin.AllocateCredit(s.ctx, c.DocID, in)
}

// creditsInGo adds up cust's credits row by row: what issued credits are
// worth, what of them settles live invoices, and per invoice what credits
// settled; each credit settles no more than it is worth, a void one
// nothing.
func creditsInGo(t *testing.T, s *ifix, cust int64, when string) (credited, applied store.Money, perInvoice map[int64]store.Money) {
	t.Helper()
	cs, err := s.e.Desk(s.fin).Credits(s.ctx, store.CreditFilter{CustomerID: cust, Limit: 5000})
	s.must(err)
	perInvoice = map[int64]store.Money{}
	for _, c := range cs {
		var rows []store.CreditAllocation
		s.must(s.st.Read(s.ctx, func(tx *store.Tx) (err error) {
			rows, err = tx.CreditAllocations(s.ctx, c.DocID)
			return err
		}))
		var sum store.Money
		for _, a := range rows {
			sum += a.Amount
			perInvoice[a.InvoiceID] += a.Amount
		}
		if sum != c.Allocated || sum < 0 || sum > c.Total || (c.Status != "issued" && sum != 0) {
			t.Fatalf("%s: %s credit %s of %v settles %v (row says %v)", when, c.Status, c.Ref, c.Total, sum, c.Allocated)
		}
		if c.Status == "issued" {
			credited += c.Total
			applied += sum
		}
	}
	return credited, applied, perInvoice
}

// randomReturnCredit drafts the credits of a random received return
// (refused when nothing of it is invoiced and uncredited), and takes them
// through finance's issue or leaves them drafts.
func randomReturnCredit(s *ifix, rng *rand.Rand, nextNo *int) error {
	rows, err := s.e.Desk(s.fin).Returns(s.ctx, store.ReturnFilter{Statuses: []string{ReturnReceived}, Limit: 5000})
	if err != nil || len(rows) == 0 {
		return err
	}
	clerk := s.e.Desk(s.clerk)
	ids, err := clerk.DraftReturnCredit(s.ctx, rows[rng.IntN(len(rows))].DocID)
	if errors.Is(err, &Refusal{Code: NotInvoiced}) || errors.As(err, new(FieldErrors)) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, id := range ids {
		if rng.IntN(4) == 0 { // left a draft: holds what came back, moves no books
			continue
		}
		if err := clerk.SubmitCredit(s.ctx, id, 0); err != nil {
			return err
		}
		if err := s.e.Desk(s.boss).CheckCredit(s.ctx, id, 0); err != nil {
			return err
		}
		*nextNo++
		if err := s.e.Desk(s.fin).IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: DigitalInvoiceNo(s.e.todayString(), int64(*nextNo))}); err != nil {
			return err
		}
	}
	return nil
}

// creditEveryReturn drafts and issues the credits of every received
// return not yet wholly credited, and says how many it issued.
func creditEveryReturn(s *ifix, nextNo *int) int {
	s.t.Helper()
	rows, err := s.e.Desk(s.fin).Returns(s.ctx, store.ReturnFilter{Statuses: []string{ReturnReceived}, Limit: 5000})
	s.must(err)
	n := 0
	for _, r := range rows {
		ids, err := s.e.Desk(s.clerk).DraftReturnCredit(s.ctx, r.DocID)
		if errors.Is(err, &Refusal{Code: NotInvoiced}) || errors.As(err, new(FieldErrors)) { // nothing to credit, or allowances left too little
			continue
		}
		s.must(err)
		for _, id := range ids {
			s.must(s.e.Desk(s.clerk).SubmitCredit(s.ctx, id, 0))
			s.must(s.e.Desk(s.boss).CheckCredit(s.ctx, id, 0))
			*nextNo++
			s.must(s.e.Desk(s.fin).IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: DigitalInvoiceNo(s.e.todayString(), int64(*nextNo))}))
			n++
		}
	}
	return n
}
