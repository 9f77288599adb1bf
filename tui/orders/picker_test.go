package orders

import "testing"

// TestWonQuotesOfAnyCustomer: a quote just won for a customer with no
// orders yet is offered by w whatever order the cursor rests on; a
// customer filter narrows the offer to that customer.
func TestWonQuotesOfAnyCustomer(t *testing.T) {
	r := newRig(t)
	r.approved(r.order(r.clerk, r.dalian)) // the only row: the cursor is on 大连
	q := r.wonQuote(r.shenyang)
	qd, err := r.eng.Desk(r.clerk).Quote(r.ctx, q)
	r.must(err)
	r.open(r.clerk, "zh")
	r.MustShow("LNDLNO.0001")
	r.Press("w")
	r.MustShow(qd.Ref, "沈阳北方重工集团有限公司")
}
