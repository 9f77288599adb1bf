package workflow

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"orderdesk/store"
)

// TestBalanceIdentity runs random sequences of shipping, invoicing,
// payments, allocations, returns (退货), credits (allowances and returns,
// issued, voided and allocated) and voids, and after every step checks that money
// neither appears nor disappears: per customer, received = allocated + on
// account, open = invoiced + opening − allocated − settled by credits,
// credits settle no more than they are worth, nothing negative (half
// the seeds start one customer with an opening balance, which receipts
// are allocated to like an invoice), and the sums
// the database gives (balances and the gate's exposure view) are the
// sums of the rows added up in Go. Orders are on either weighing basis
// and the weighbridge's figures differ from the notes': what shipped
// (the exposure, the month's closing balance) is what the notes bill on
// their basis, worked out again in Go. The ledger's one identity, per
// customer: closing = opening + shipped − returned − allowances −
// received, and invoiced − credited for tax: a received return takes
// its goods off what shipped, a credit of returned goods (drafted from
// the return, never beyond what came back) comes off what was invoiced
// only, an allowance off both; once everything is invoiced the closing
// balance is invoiced − credited + opening − received − what came back
// and is not yet credited.
func TestBalanceIdentity(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4, 5} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel() // its own copy of the fixture
			s := newInvoicing(t)
			rng := rand.New(rand.NewPCG(seed, 7))
			custs := []int64{s.monthly, s.shenyang}
			if seed%2 == 1 { // an opening balance, allocated to and paid down like an invoice
				s.openingBalance(s.shenyang, store.Money(1+rng.Int64N(3000000)))
			}
			nextNo := 1
			var notes []int64
			ops := []struct {
				name string
				do   func() error
			}{
				{"ship", func() error {
					cust := custs[rng.IntN(len(custs))]
					qty := 1 + rng.IntN(5)
					s.must(s.e.SetWeighing(s.ctx, []string{store.WeighingTheoretical, store.WeighingWeighed}[rng.IntN(2)]))
					order := s.orderToday(cust, oline("Q235B", "热轧钢板", "20×1500×6000", fmt.Sprint(qty), "t", "", fmt.Sprint(3000+rng.IntN(2000))))
					loaded := store.Milli(int64(qty) * (950 + rng.Int64N(101))) // ±5% of the note's
					notes = append(notes, s.shipWeighed(order, []string{loaded.String()}))
					return nil
				}},
				{"invoice", func() error {
					orders, err := s.e.Desk(s.clerk).OrdersToInvoice(s.ctx, store.Page{Limit: 50})
					if err != nil || len(orders) == 0 {
						return err
					}
					o := orders[rng.IntN(len(orders))]
					in, lines, err := s.e.Desk(s.clerk).NewInvoiceInput(s.ctx, o.OrderID)
					if err != nil {
						return err
					}
					if rng.IntN(2) == 0 { // part of the first line
						in.Lines[0].Quantity, in.Lines[0].Weight = store.Milli(1+rng.Int64N(int64(lines[0].OpenQty()))).String(), ""
					}
					if rng.IntN(5) == 0 { // more than shipped: refused, nothing written
						in.Lines[0].Quantity = (lines[0].OpenQty() + 1).String()
						if _, err := s.e.Desk(s.clerk).CreateInvoice(s.ctx, in); err == nil {
							return errors.New("over-invoicing was taken")
						}
						return nil
					}
					id, err := s.e.Desk(s.clerk).CreateInvoice(s.ctx, in)
					if err != nil {
						return err
					}
					if rng.IntN(6) == 0 { // a request dropped before it is issued
						return s.e.Desk(s.clerk).VoidInvoice(s.ctx, id, 0, "不开了")
					}
					if err := s.e.Desk(s.clerk).SubmitInvoice(s.ctx, id, 0); err != nil {
						return err
					}
					if err := s.e.Desk(s.boss).CheckInvoice(s.ctx, id, 0); err != nil {
						return err
					}
					nextNo++
					return s.e.Desk(s.fin).IssueInvoice(s.ctx, id, 0, IssueInput{InvoiceNo: fmt.Sprintf("%020d", nextNo)})
				}},
				{"pay", func() error {
					_, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: custs[rng.IntN(len(custs))],
						Amount: store.Money(1 + rng.Int64N(3000000)).Plain(), Method: store.ReceiptMethods[rng.IntN(4)]})
					return err
				}},
				{"allocate", func() error {
					rs, err := s.e.Desk(s.fin).Receipts(s.ctx, store.ReceiptFilter{OnAccount: true})
					if err != nil || len(rs) == 0 {
						return err
					}
					r := rs[rng.IntN(len(rs))]
					_, plan, err := s.e.Desk(s.fin).AllocationPlan(s.ctx, r.ID)
					if err != nil || len(plan) == 0 {
						return err
					}
					var in []AllocationInput
					for _, p := range plan {
						amt := p.Amount
						if amt > 0 && rng.IntN(3) == 0 {
							amt = store.Money(rng.Int64N(int64(amt) + 1))
						}
						in = append(in, AllocationInput{InvoiceID: p.Invoice.DocID, Amount: amt.Plain()})
					}
					if rng.IntN(5) == 0 { // beyond the open amount: refused, nothing written
						in[0].Amount = (plan[0].Invoice.Open() + 1).Plain()
						if err := s.e.Desk(s.fin).Allocate(s.ctx, r.ID, in); err == nil {
							return errors.New("over-allocation was taken")
						}
						return nil
					}
					return s.e.Desk(s.fin).Allocate(s.ctx, r.ID, in)
				}},
				{"void", func() error {
					rows, err := s.e.Desk(s.fin).Invoices(s.ctx, store.InvoiceFilter{Statuses: []string{"issued", "mailed"}})
					if err != nil || len(rows) == 0 {
						return err
					}
					err = s.e.Desk(s.fin).VoidInvoice(s.ctx, rows[rng.IntN(len(rows))].DocID, 0, "红冲")
					if errors.Is(err, &Refusal{Code: Credited}) { // its credits go first
						return nil
					}
					return err
				}},
				{"return", func() error { // goods back on a note that left: drafted, checked, received or voided
					note := notes[rng.IntN(len(notes))]
					in, lines, err := s.e.Desk(s.clerk).NewReturnInput(s.ctx, note)
					if err != nil || lines[0].OpenQty() <= 0 {
						return err
					}
					in.Reason = "质量问题"
					in.Lines[0].Quantity = store.Milli(1 + rng.Int64N(int64(lines[0].OpenQty()))).String()
					if rng.IntN(5) == 0 { // more than is left: refused, nothing written
						in.Lines[0].Quantity = (lines[0].OpenQty() + 1).String()
						if _, err := s.e.Desk(s.clerk).CreateReturn(s.ctx, in); err == nil {
							return errors.New("over-returning was taken")
						}
						return nil
					}
					id, err := s.e.Desk(s.clerk).CreateReturn(s.ctx, in)
					if err != nil {
						return err
					}
					switch rng.IntN(4) {
					case 0: // left a draft: holds its goods, moves no books
						return nil
					case 1:
						return s.e.Desk(s.clerk).VoidReturn(s.ctx, id, 0, "客户不退了")
					}
					if err := s.e.Desk(s.clerk).SubmitReturn(s.ctx, id, 0); err != nil {
						return err
					}
					if err := s.e.Desk(s.boss).CheckReturn(s.ctx, id, 0); err != nil {
						return err
					}
					return s.e.Desk(s.wh).ReceiveReturn(s.ctx, id, 0)
				}},
				{"credit a return", func() error { return randomReturnCredit(s, rng, &nextNo) }},
				{"credit", func() error { return randomCredit(s, rng, &nextNo) }},
				{"credit", func() error { return randomCredit(s, rng, &nextNo) }}, // twice as often: most fail for want of an invoice
				{"void credit", func() error {
					rows, err := s.e.Desk(s.fin).Credits(s.ctx, store.CreditFilter{Statuses: []string{"issued"}})
					if err != nil || len(rows) == 0 {
						return err
					}
					return s.e.Desk(s.fin).VoidCredit(s.ctx, rows[rng.IntN(len(rows))].DocID, 0, "红字作废")
				}},
				{"allocate credit", func() error { return randomCreditAllocation(s, rng) }},
				{"mail", func() error {
					rows, err := s.e.Desk(s.clerk).Invoices(s.ctx, store.InvoiceFilter{Statuses: []string{"issued"}})
					if err != nil || len(rows) == 0 {
						return err
					}
					return s.e.Desk(s.clerk).MailInvoice(s.ctx, rows[0].DocID, 0, MailInput{})
				}},
			}
			ran := map[string]int{}
			for step := 0; step < 40; step++ {
				op := ops[rng.IntN(len(ops))]
				if step < 3 {
					op = ops[0] // something to invoice first
				}
				ran[op.name]++
				if err := op.do(); err != nil {
					t.Fatalf("step %d %s: %v", step, op.name, err)
				}
				for _, c := range custs {
					checkBooks(t, s, c, fmt.Sprintf("step %d %s", step, op.name))
					checkShipped(t, s, c, notes, fmt.Sprintf("step %d %s", step, op.name))
				}
				s.at(s.now.Add(time.Duration(rng.IntN(3)) * 24 * time.Hour))
			}
			// Everything invoiced: the books close on invoiced − received.
			for {
				orders, err := s.e.Desk(s.clerk).OrdersToInvoice(s.ctx, store.Page{Limit: 50})
				s.must(err)
				if len(orders) == 0 {
					break
				}
				nextNo++
				s.issued(orders[0].OrderID, fmt.Sprintf("%020d", nextNo))
			}
			for _, c := range custs {
				checkClosesOnInvoices(t, s, c, notes)
			}
			// Every return credited: what came back is off shipped once
			// and off invoiced once, and the books still close.
			if creditEveryReturn(s, &nextNo) == 0 && seed == 1 {
				t.Fatal("no return was credited")
			}
			for _, c := range custs {
				checkClosesOnInvoices(t, s, c, notes)
			}
			var n int
			s.must(s.st.Read(s.ctx, func(tx *store.Tx) error {
				rows, err := tx.Allocations(s.ctx, store.AllocationFilter{})
				n = len(rows)
				return err
			}))
			cs, err := s.e.Desk(s.fin).Credits(s.ctx, store.CreditFilter{Statuses: []string{"issued", "void"}})
			s.must(err)
			t.Logf("operations %v; %d allocation rows; %d credits issued or void; opening balance %+v", ran, n, len(cs), s.openingOf(s.shenyang))
		})
	}
}

// checkBooks adds up a customer's rows in Go and compares them with the
// database's balance and exposure.
func checkBooks(t *testing.T, s *ifix, cust int64, when string) {
	t.Helper()
	fin := s.e.Desk(s.fin)
	rs, err := fin.Receipts(s.ctx, store.ReceiptFilter{CustomerID: cust, Limit: 5000})
	s.must(err)
	allocs, err := fin.Allocations(s.ctx, store.AllocationFilter{CustomerID: cust})
	s.must(err)
	invs, err := fin.Invoices(s.ctx, store.InvoiceFilter{CustomerID: cust, Limit: 5000})
	s.must(err)
	var received, allocatedAll, invoiced, allocatedLive store.Money
	perReceipt, perInvoice := map[int64]store.Money{}, map[int64]store.Money{}
	for _, r := range rs {
		received += r.Amount
	}
	for _, a := range allocs {
		allocatedAll += a.Amount
		perReceipt[a.ReceiptID] += a.Amount
		perInvoice[a.InvoiceID] += a.Amount
	}
	for _, r := range rs {
		if perReceipt[r.ID] < 0 || perReceipt[r.ID] > r.Amount || perReceipt[r.ID] != r.Allocated {
			t.Fatalf("%s: receipt %d of %v has %v allocated (row says %v)", when, r.ID, r.Amount, perReceipt[r.ID], r.Allocated)
		}
	}
	for _, v := range invs {
		a := perInvoice[v.DocID]
		switch v.Status {
		case "issued", "mailed":
			invoiced += v.Total
			allocatedLive += a
			if a < 0 || a > v.Total {
				t.Fatalf("%s: invoice %s of %v has %v allocated", when, v.Ref, v.Total, a)
			}
		default:
			if a != 0 {
				t.Fatalf("%s: %s invoice %s keeps %v", when, v.Status, v.Ref, a)
			}
		}
	}
	credited, creditApplied, perCredit := creditsInGo(t, s, cust, when)
	for id, a := range perCredit {
		perInvoice[id] += a
	}
	for _, v := range invs {
		if a := perInvoice[v.DocID]; (v.Status == "issued" || v.Status == "mailed") && (a < 0 || a > v.Total || v.Allocated != a) {
			t.Fatalf("%s: invoice %s of %v settled %v by money and credits (row says %v)", when, v.Ref, v.Total, a, v.Allocated)
		}
	}
	opening := s.openingOf(cust)
	if a := perInvoice[opening.BatchDocID]; opening.BatchDocID != 0 {
		if a < 0 || a > opening.Amount {
			t.Fatalf("%s: opening balance of %v has %v allocated", when, opening.Amount, a)
		}
		allocatedLive += a
	}
	onAccount := received - allocatedAll
	if onAccount < 0 || allocatedAll != allocatedLive {
		t.Fatalf("%s: on account %v, allocated %v of which to live invoices %v", when, onAccount, allocatedAll, allocatedLive)
	}
	b, err := fin.CustomerBalance(s.ctx, cust, "")
	s.must(err)
	want := store.Balance{CustomerID: cust, Invoiced: invoiced, Opening: opening.Amount, Received: received, Allocated: allocatedLive,
		OnAccount: onAccount, Credited: credited, CreditApplied: creditApplied, Open: invoiced + opening.Amount - allocatedLive - creditApplied}
	if b != want {
		t.Fatalf("%s: SQL balance %+v, Go %+v", when, b, want)
	}
	if b.Received != b.Allocated+b.OnAccount || b.Open != b.Invoiced+b.Opening-b.Allocated-b.CreditApplied || b.Open < 0 ||
		b.CreditOnAccount() < 0 || b.Due() != b.Invoiced+b.Opening-b.Received-b.Credited {
		t.Fatalf("%s: identity broken %+v", when, b)
	}
	rv, err := fin.Receivable(s.ctx, cust)
	s.must(err)
	if rv.Paid != received || rv.Invoiced != invoiced-credited+opening.Amount || rv.Credited != credited || rv.CreditAllocated != creditApplied ||
		rv.Allocated != allocatedAll || rv.Uninvoiced < 0 {
		t.Fatalf("%s: exposure view %+v, Go received %v invoiced %v allocated %v", when, rv, received, invoiced, allocatedAll)
	}
}

// billedInGo is what a loaded note line bills on basis, worked out again
// from the note's and the warehouse's figures: 磅计 the loaded weight, 理计
// the note's for the pieces loaded.
func billedInGo(basis string, l store.DeliveryLine) store.Part {
	if l.Loaded == nil {
		return store.Part{Qty: l.Qty, Weight: l.Weight, Amount: l.Amount}
	}
	p := store.Part{Qty: l.Loaded.Qty, Weight: l.Loaded.Weight}
	if basis == store.WeighingTheoretical {
		p.Weight = store.Milli((2*int64(l.Weight)*int64(l.Loaded.Qty) + int64(l.Qty)) / (2 * int64(l.Qty)))
	}
	p.Amount = store.InvoiceLineAmount(l.Price, l.Basis, p.Qty, p.Weight)
	return p
}

// shippedInGo adds up what cust's notes bill, line by line in Go, and
// checks each line against the database's figure.
func shippedInGo(t *testing.T, s *ifix, cust int64, notes []int64, when string) store.Money {
	t.Helper()
	var sum store.Money
	for _, id := range notes {
		n := s.note(s.fin, id).Note
		if n.CustomerID != cust {
			continue
		}
		o, err := s.e.Desk(s.fin).Order(s.ctx, n.OrderID)
		s.must(err)
		for _, l := range n.Lines {
			want := billedInGo(o.Order.Weighing, l)
			if l.Billed != want {
				t.Fatalf("%s: %s line %d on %s bills %+v, in Go %+v", when, n.Ref, l.LineNo, o.Order.Weighing, l.Billed, want)
			}
			sum += want.Amount
		}
	}
	return sum
}

// returnedInGo adds up what came back on cust's received returns, line
// by line in Go at the order's prices, and checks each line is within
// what its note line billed.
func returnedInGo(t *testing.T, s *ifix, cust int64, when string) store.Money {
	t.Helper()
	rows, err := s.e.Desk(s.fin).Returns(s.ctx, store.ReturnFilter{Statuses: []string{ReturnReceived}, Limit: 5000})
	s.must(err)
	var sum store.Money
	for _, r := range rows {
		if r.CustomerID != cust {
			continue
		}
		rd := s.goodsReturn(r.DocID)
		for _, l := range rd.Return.Lines {
			sum += store.InvoiceLineAmount(l.Price, l.Basis, l.Qty, l.Weight)
		}
		for _, l := range rd.Returnable {
			if l.OpenQty() < 0 || l.OpenWeight() < 0 {
				t.Fatalf("%s: %s returns more than its note line billed: %+v", when, r.Ref, l)
			}
		}
	}
	return sum
}

// creditedInGo adds up cust's issued credits (not void): all of them,
// and the allowances among them (no goods back).
func creditedInGo(s *ifix, cust int64) (all, allowed store.Money) {
	rows, err := s.e.Desk(s.fin).Credits(s.ctx, store.CreditFilter{Statuses: []string{"issued"}})
	s.must(err)
	for _, c := range rows {
		if c.CustomerID != cust {
			continue
		}
		all += c.Total
		if c.Basis == store.CreditAllowance {
			allowed += c.Total
		}
	}
	return all, allowed
}

// checkShipped compares what shipped less what came back, in Go, with
// the exposure view, and the month's closing balance with the ledger's
// one identity: opening + shipped − returned − allowances − received
// (money owed follows the goods: a credit of returned goods is off what
// was invoiced only, its return already took the goods off shipped).
func checkShipped(t *testing.T, s *ifix, cust int64, notes []int64, when string) {
	t.Helper()
	shipped := shippedInGo(t, s, cust, notes, when) - returnedInGo(t, s, cust, when)
	rv, err := s.e.Desk(s.fin).Receivable(s.ctx, cust)
	s.must(err)
	credited, allowed := creditedInGo(s, cust)
	row := rowOf(s.monthNow(), cust)
	if rv.Shipped != shipped || rv.Credited != credited || row.Closing != shipped-allowed+s.openingOf(cust).Amount-rv.Paid {
		t.Fatalf("%s: shipped in Go %v; exposure view %v, closing %v, credited %v (in Go %v, allowances %v), received %v",
			when, shipped, rv.Shipped, row.Closing, rv.Credited, credited, allowed, rv.Paid)
	}
}

// checkClosesOnInvoices: with every shipped line invoiced, the closing
// balance is what was invoiced less every credit (tax follows the
// invoices) and what was received, less what came back and is not yet
// credited, within a fen for each line invoiced in parts (each part is
// rounded on its own).
func checkClosesOnInvoices(t *testing.T, s *ifix, cust int64, notes []int64) {
	t.Helper()
	checkShipped(t, s, cust, notes, "all invoiced")
	b := s.balance(cust)
	row := rowOf(s.monthNow(), cust)
	invs, err := s.e.Desk(s.fin).Invoices(s.ctx, store.InvoiceFilter{CustomerID: cust, Statuses: []string{"issued", "mailed"}, Limit: 5000})
	s.must(err)
	parts := 0
	for _, v := range invs {
		parts += len(s.invoice(v.DocID).Lines)
	}
	credited, allowed := creditedInGo(s, cust)
	uncredited := returnedInGo(t, s, cust, "all invoiced") - (credited - allowed)
	diff := row.Closing - (b.Invoiced - b.Credited + b.Opening - b.Received - uncredited)
	if diff < -store.Money(parts) || diff > store.Money(parts) {
		t.Fatalf("closing %v, invoiced %v less credited %v, received %v and returns not credited %v (%d invoice lines)",
			row.Closing, b.Invoiced, b.Credited, b.Received, uncredited, parts)
	}
}

// monthNow is the reconciliation of the clock's month, as finance sees it.
func (s *ifix) monthNow() MonthView {
	s.t.Helper()
	v, err := s.e.Desk(s.fin).MonthReconciliation(s.ctx, Day(s.e.Now(), s.e.loc)[:7])
	s.must(err)
	return v
}

// openingBalance imports cust's opening balance at today, signed off by
// finance.
func (s *ifix) openingBalance(cust int64, amount store.Money) {
	s.t.Helper()
	var c store.Customer
	s.must(s.st.Read(s.ctx, func(tx *store.Tx) (err error) {
		c, err = tx.Customer(s.ctx, cust)
		return err
	}))
	body := fmt.Sprintf("客户名称,期初应收,截止日\n%s,%s,%s\n", c.Name, amount.Plain(), Day(s.e.Now(), s.e.loc))
	res, err := s.e.Desk(s.clerk).Import(s.ctx, store.ImportBalances, "balances.csv", []byte(body))
	s.must(err)
	s.must(s.e.Desk(s.fin).Act(s.ctx, res.DocID, ActionApprove, ""))
}

// openingOf is cust's opening balance (zero when it has none).
func (s *ifix) openingOf(cust int64) (o store.OpeningItem) {
	s.t.Helper()
	s.must(s.st.Read(s.ctx, func(tx *store.Tx) (err error) {
		o, _, err = tx.OpeningItemOf(s.ctx, cust)
		return err
	}))
	return o
}
