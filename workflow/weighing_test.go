package workflow

import (
	"errors"
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

// TestPrepaidGateCountsWhatNotesBill: a prepaid order's next note waits
// for the money its earlier notes bill on the contract's basis, not for
// their amounts before loading.
func TestPrepaidGateCountsWhatNotesBill(t *testing.T) {
	for _, tc := range []struct {
		basis  string
		billed store.Money
	}{
		{store.WeighingWeighed, 10318336},
		{store.WeighingTheoretical, 10240000},
	} {
		t.Run(tc.basis, func(t *testing.T) {
			t.Parallel()
			s := newInvoicing(t)
			s.must(s.e.SetWeighing(s.ctx, tc.basis))
			order := s.orderToday(s.shenyang, oline("Q235B", "热轧钢板", "20×1500×6000", "40", "t", "", "5120"))
			s.shipWeighed(order, []string{"20.153"}, "20") // 102,400.00 paid before it left
			g, err := s.e.Desk(s.fin).GateOf(s.ctx, s.signedNote(order, "20"))
			s.must(err)
			if g.Paid != 10240000 || g.Released != tc.billed || g.Due != tc.billed || g.Held != store.GatePrepaidUnpaid {
				t.Fatalf("gate %+v", g)
			}
		})
	}
}

// TestWeighingBasisDefaults: an order takes the basis typed, else the
// customer file's, else the desk's setting; a basis not known is refused
// at its field.
func TestWeighingBasisDefaults(t *testing.T) {
	s := newInvoicing(t)
	clerk := s.e.Desk(s.clerk)
	basisOf := func(cust int64, typed string) string {
		t.Helper()
		in := s.input(s.clerk, cust, plateLine)
		if typed != "" {
			in.Weighing = typed
		}
		id, _, err := clerk.CreateOrder(s.ctx, in)
		s.must(err)
		o, err := clerk.Order(s.ctx, id)
		s.must(err)
		return o.Order.Weighing
	}
	if got := basisOf(s.shenyang, ""); got != DefaultWeighing {
		t.Fatalf("unset: %q", got)
	}
	s.must(s.e.SetWeighing(s.ctx, "理计"))
	if got := basisOf(s.shenyang, ""); got != store.WeighingTheoretical {
		t.Fatalf("from the setting: %q", got)
	}
	if got := basisOf(s.shenyang, "磅计"); got != store.WeighingWeighed {
		t.Fatalf("typed: %q", got)
	}
	f, err := clerk.CustomerFile(s.ctx, s.shenyang)
	s.must(err)
	in := InputFromCustomer(f.Customer)
	in.Weighing = "过磅"
	_, err = clerk.UpdateCustomer(s.ctx, f.Customer, in)
	s.must(err)
	if f, _ = clerk.CustomerFile(s.ctx, s.shenyang); f.Weighing != store.WeighingWeighed {
		t.Fatalf("the file keeps %q", f.Weighing)
	}
	if got := basisOf(s.shenyang, ""); got != store.WeighingWeighed {
		t.Fatalf("from the customer file: %q", got)
	}
	bad := s.input(s.clerk, s.shenyang, plateLine)
	bad.Weighing = "按件"
	_, _, err = clerk.CreateOrder(s.ctx, bad)
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.For(FWeighing) == nil || fe.For(FWeighing).Code != InvalidChoice {
		t.Fatalf("an unknown basis: %v", err)
	}
	refused(t, s.e.SetWeighing(s.ctx, "按件"), InvalidSetting)
}
