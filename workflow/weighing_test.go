package workflow

import (
	"testing"
	"time"

	"orderdesk/store"
)

// TestOneWeighingBasisThroughTheChain is issue 13's month: 20 t ordered
// at 5,120.00 a tonne, loaded at 20.153 t (within the tolerance: no
// reason asked), invoiced, and 103,400.00 received. The books showed a
// closing balance of −1,000.00 (shipped counted at 20 t) while the
// invoice was on 20.153 t and 216.64 was truly on account. On each basis
// the gate, the ledger, the invoice, the collections and the statement
// now count the same weight: on 磅计 the loaded 20.153 t (103,183.36, so
// 216.64 on account), on 理计 the note's 20 t (102,400.00, so 1,000.00).
func TestOneWeighingBasisThroughTheChain(t *testing.T) {
	const received = store.Money(10340000)
	for _, tc := range []struct {
		basis  string
		weight store.Milli
		billed store.Money
	}{
		{store.WeighingWeighed, 20153, 10318336},
		{store.WeighingTheoretical, 20000, 10240000},
	} {
		t.Run(tc.basis, func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			s := newInvoicing(t)
			s.must(s.e.SetWeighing(s.ctx, tc.basis))
			order := s.orderToday(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "40", "t", "", "5120"))
			o, err := s.e.Desk(s.clerk).Order(s.ctx, order)
			s.must(err)
			if o.Order.Weighing != tc.basis {
				t.Fatalf("the order took %q", o.Order.Weighing)
			}
			note := s.shipWeighed(order, []string{"20.153"}, "20")
			l := s.note(s.clerk, note).Note.Lines[0]
			if l.Billed.Weight != tc.weight || l.Billed.Amount != tc.billed || l.Loaded.Weight != 20153 {
				t.Fatalf("the note bills %+v (loaded %+v)", l.Billed, l.Loaded)
			}

			// The gate: the next note sees the first at what it bills.
			next := s.signedNote(order, "20")
			g, err := s.e.Desk(s.fin).GateOf(s.ctx, next)
			s.must(err)
			if g.Exposure != tc.billed || g.Amount != 10240000 {
				t.Fatalf("gate %+v", g)
			}

			// The invoice, and what it leaves open to collect.
			inv := s.issued(order, "00000000000000000001")
			if v := s.invoice(inv); v.Total != tc.billed || v.Lines[0].Weight != tc.weight {
				t.Fatalf("invoice %v on %v", v.Total, v.Lines[0].Weight)
			}
			c, err := s.e.Desk(s.fin).Collections(s.ctx, "")
			s.must(err)
			if len(c.Items) != 1 || c.Items[0].Amount != tc.billed || c.Total.Total != tc.billed {
				t.Fatalf("collections %+v", c.Items)
			}
			rv, err := s.e.Desk(s.fin).Receivable(s.ctx, s.monthly)
			s.must(err)
			if rv.Shipped != tc.billed || rv.Invoiced != tc.billed || rv.Uninvoiced != 0 {
				t.Fatalf("receivable %+v", rv)
			}

			// The money, put against the invoice: the rest is on account.
			rid := s.receipt(s.monthly, received.Plain())
			_, plan, err := s.e.Desk(s.fin).AllocationPlan(s.ctx, rid)
			s.must(err)
			s.must(s.e.Desk(s.fin).Allocate(s.ctx, rid, []AllocationInput{{InvoiceID: plan[0].Invoice.DocID, Amount: plan[0].Amount.Plain()}}))
			onAccount := received - tc.billed
			if b := s.balance(s.monthly); b.OnAccount != onAccount || b.Open != 0 {
				t.Fatalf("balance %+v", b)
			}

			// The month and its statement say the same.
			s.at(time.Date(2026, 11, 30, 2, 0, 0, 0, time.UTC))
			r := &rfix{sfix: s.sfix}
			row := rowOf(r.signed(), s.monthly)
			if row.Shipped != tc.billed || row.Invoiced != tc.billed || row.Received != received || row.Closing != -onAccount {
				t.Fatalf("month %+v", row)
			}
			st, err := s.e.Desk(s.clerk).IssueStatement(s.ctx, s.monthly, "2026-11")
			s.must(err)
			p, err := s.e.Desk(s.clerk).StatementPrintout(s.ctx, s.monthly, "2026-11", "沈阳钢材有限公司")
			s.must(err)
			shipped, invoiced, _, closing := p.Totals()
			if st.Closing != -onAccount || closing != -onAccount || shipped != tc.billed || invoiced != tc.billed {
				t.Fatalf("statement %+v, printout shipped %v invoiced %v closing %v", st, shipped, invoiced, closing)
			}
		})
	}
}
