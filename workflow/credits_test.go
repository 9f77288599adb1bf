package workflow

import (
	"errors"
	"testing"

	"orderdesk/store"
)

// credit drafts a credit of invoice by the clerk and takes it through
// the boss's check and finance's issue with number no.
func (s *ifix) credit(in CreditInput, no string) int64 {
	s.t.Helper()
	id, err := s.e.Desk(s.clerk).CreateCredit(s.ctx, in)
	s.must(err)
	s.must(s.e.Desk(s.clerk).SubmitCredit(s.ctx, id, 0))
	s.must(s.e.Desk(s.boss).CheckCredit(s.ctx, id, 0))
	s.must(s.e.Desk(s.fin).IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: no}))
	return id
}

func (s *ifix) creditOf(id int64) store.Credit {
	s.t.Helper()
	c, err := s.e.Desk(s.fin).Credit(s.ctx, id)
	s.must(err)
	return c
}

// fieldRefused fails unless err names field (line, 0 for the header)
// with code and want.
func fieldRefused(t *testing.T, err error, line int, field string, code FieldCode, want string) {
	t.Helper()
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.ForLine(line, field) == nil || fe.ForLine(line, field).Code != code || fe.ForLine(line, field).Want != want {
		t.Fatalf("want %s line %d %s %q, got %v", field, line, code, want, err)
	}
}

// TestCreditStates: an allowance goes the invoice's way (drafted by the
// desk, checked by a second person, issued by finance with its number),
// settles the original's open amount, and is bounded by what is left to
// credit; the original is voided only after its credits.
func TestCreditStates(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly)
	s.ship(order)
	inv := s.issued(order, "26210000000000112233") // 104,442.00
	clerk, boss, fin := s.e.Desk(s.clerk), s.e.Desk(s.boss), s.e.Desk(s.fin)

	// More than the invoice: refused at the amount with what is left.
	_, err := clerk.CreateCredit(s.ctx, CreditInput{InvoiceID: inv, Reason: "质量折让", Amount: "104442.01"})
	fieldRefused(t, err, 0, FAmount, OverCreditable, "104442.00")
	_, err = clerk.CreateCredit(s.ctx, CreditInput{InvoiceID: inv, Amount: "100"})
	fieldRefused(t, err, 0, FReason, Required, "")

	id, err := clerk.CreateCredit(s.ctx, CreditInput{InvoiceID: inv, Reason: "表面锈蚀, 协商折让", Amount: "4442"})
	s.must(err)
	if c := s.creditOf(id); c.Status != "draft" || c.Basis != store.CreditAllowance || c.Total != 444200 || c.InvoiceNo != "26210000000000112233" {
		t.Fatalf("draft %+v", c)
	}
	// A second credit sees the first one in play.
	_, err = clerk.CreateCredit(s.ctx, CreditInput{InvoiceID: inv, Reason: "再折让", Amount: "100000.01"})
	fieldRefused(t, err, 0, FAmount, OverCreditable, "100000.00")

	steps := []struct {
		name string
		do   func() error
		want Code
		st   string
	}{
		{"the maker may not check it", func() error { s.must(clerk.SubmitCredit(s.ctx, id, 0)); return clerk.CheckCredit(s.ctx, id, 0) }, MakerCannotSignOff, "submitted"},
		{"finance does not issue before the check", func() error { return fin.IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000000112299"}) }, NoSuchTransition, "submitted"},
		{"a second person checks it", func() error { return boss.CheckCredit(s.ctx, id, 0) }, "", "checked"},
		{"the desk does not issue", func() error { return boss.IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000000112299"}) }, RoleNotAllowed, "checked"},
		{"issue is taken only with the number", func() error { return fin.Act(s.ctx, id, ActionIssue, "") }, IssueMissing, "checked"},
		{"finance issues it with its number", func() error { return fin.IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000000112299"}) }, "", "issued"},
		{"the original is voided only after its credits", func() error { return fin.VoidInvoice(s.ctx, inv, 0, "红冲") }, Credited, "issued"},
	}
	for _, st := range steps {
		err := st.do()
		if st.want == "" && err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.want != "" && !errors.Is(err, &Refusal{Code: st.want}) {
			t.Fatalf("%s: want %s, got %v", st.name, st.want, err)
		}
		if got := s.creditOf(id).Status; got != st.st {
			t.Fatalf("%s: status %s, want %s", st.name, got, st.st)
		}
	}
	// The invoice's number pool is the credit's: taken either way.
	o2 := s.signedOrder(s.monthly)
	s.ship(o2)
	req := s.request(s.clerk, o2)
	s.must(clerk.SubmitInvoice(s.ctx, req, 0))
	s.must(boss.CheckInvoice(s.ctx, req, 0))
	fieldRefused(t, fin.IssueInvoice(s.ctx, req, 0, IssueInput{InvoiceNo: "26210000000000112299"}), 0, FInvoiceNo, NumberTaken, "")

	c := s.creditOf(id)
	if c.Issue == nil || c.Issue.CreditNo != "26210000000000112299" || c.Allocated != 444200 || s.invoice(inv).Open() != 10000000 {
		t.Fatalf("issued credit %+v, invoice open %v", c, s.invoice(inv).Open())
	}
	b := s.balance(s.monthly)
	if b.Credited != 444200 || b.CreditApplied != 444200 || b.Open != b.Invoiced-444200 {
		t.Fatalf("balance %+v", b)
	}
	rv, err := fin.Receivable(s.ctx, s.monthly)
	s.must(err)
	if rv.Credited != 444200 || rv.Invoiced != 10444200-444200 {
		t.Fatalf("receivable %+v", rv)
	}
	// Voided by finance: the original is open again in full, and then
	// the original may go.
	refused(t, clerk.VoidCredit(s.ctx, id, 0, "开错"), RoleNotAllowed)
	s.must(fin.VoidCredit(s.ctx, id, 0, "开错"))
	if s.invoice(inv).Open() != 10444200 || s.balance(s.monthly).Credited != 0 {
		t.Fatalf("after the credit's void: open %v, %+v", s.invoice(inv).Open(), s.balance(s.monthly))
	}
	s.must(fin.VoidInvoice(s.ctx, inv, 0, "红冲"))
}

// TestReturnCredit: a credit of goods is drafted from the received
// return (退货单) of invoiced goods, never beyond what came back and is
// not yet credited (nor beyond the line invoiced less earlier credits); a
// credit beyond what is open of the original leaves the rest on account,
// which finance puts against another invoice. The return already took
// the goods off what shipped, so its credit comes off what was invoiced
// only.
func TestReturnCredit(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"),
		oline("45#", "圆钢", "Φ50", "5", "t", "", "5000"))
	note := s.ship(order, "10", "5")
	a := s.issued(order, "26210000000010000001") // 40,000.00 + 25,000.00
	clerk, fin := s.e.Desk(s.clerk), s.e.Desk(s.fin)
	in, basis, err := clerk.NewCreditInput(s.ctx, a)
	s.must(err)
	if len(basis.Lines) != 2 || basis.Left != 6500000 {
		t.Fatalf("basis %+v", basis)
	}
	// 60,000.00 of it is paid; the rest is open.
	r := s.receipt(s.monthly, "60000")
	s.must(fin.Allocate(s.ctx, r, []AllocationInput{{a, "60000"}}))

	// Nothing came back yet: no credit of goods, by hand or from a return.
	in.Reason, in.Lines[1].Quantity = "退货", "1"
	_, err = clerk.CreateCredit(s.ctx, in)
	fieldRefused(t, err, 2, FQuantity, OverCreditable, store.Milli(0).String())
	back := s.receivedReturnOf(note, 1, "2") // two tonnes of round bar came back: 10,000.00
	before := s.monthNow()
	// More than came back: refused at the line, by the workflow and by the database.
	in.Lines[1].Quantity = "2.001"
	_, err = clerk.CreateCredit(s.ctx, in)
	fieldRefused(t, err, 2, FQuantity, OverCreditable, store.Milli(2000).String())
	ids, err := clerk.DraftReturnCredit(s.ctx, back)
	s.must(err)
	if len(ids) != 1 {
		t.Fatalf("credits of the return %v", ids)
	}
	id := ids[0]
	// Drafted, it holds what came back: nothing more to credit of it.
	_, err = clerk.DraftReturnCredit(s.ctx, back)
	refused(t, err, NotInvoiced)
	s.must(clerk.SubmitCredit(s.ctx, id, 0))
	s.must(s.e.Desk(s.boss).CheckCredit(s.ctx, id, 0))
	s.must(fin.IssueCredit(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000010000009"}))
	c := s.creditOf(id)
	if c.Basis != store.CreditReturn || c.Total != 1000000 || len(c.Lines) != 1 || c.Allocated != 500000 || c.OnAccount() != 500000 {
		t.Fatalf("return credit %+v", c)
	}
	if s.invoice(a).Open() != 0 {
		t.Fatalf("original open %v", s.invoice(a).Open())
	}
	// Money owed follows the goods (the return took them off shipped),
	// tax the invoices: the credit is off invoiced only.
	was, now := rowOf(before, s.monthly), rowOf(s.monthNow(), s.monthly)
	if now.Shipped != was.Shipped || now.Invoiced != was.Invoiced-1000000 || now.Closing != was.Closing {
		t.Fatalf("ledger before the credit %+v, after %+v", was, now)
	}
	// What is left of the line invoiced: 3 t, none of it back.
	_, basis, err = clerk.NewCreditInput(s.ctx, a)
	s.must(err)
	if basis.Lines[1].Qty-basis.Lines[1].CreditedQty != 3000 || basis.Lines[1].OpenQty() != 0 || basis.Left != 5500000 {
		t.Fatalf("after the return %+v", basis)
	}
	// The 5,000.00 on account goes against the next invoice.
	o2 := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "1", "t", "", "4000"))
	s.ship(o2, "1")
	b := s.issued(o2, "26210000000010000002") // 4,000.00
	fieldRefused(t, fin.AllocateCredit(s.ctx, id, []AllocationInput{{b, "4000.01"}}), 1, FAmount, OverOpenAmount, "4000.00")
	refused(t, clerk.AllocateCredit(s.ctx, id, []AllocationInput{{b, "1"}}), FinanceOnly)
	s.must(fin.AllocateCredit(s.ctx, id, []AllocationInput{{b, "4000"}}))
	if s.invoice(b).Open() != 0 || s.creditOf(id).OnAccount() != 100000 {
		t.Fatalf("after allocating: %v open, %v on account", s.invoice(b).Open(), s.creditOf(id).OnAccount())
	}
	// Money can no longer go to the settled invoice.
	r2 := s.receipt(s.monthly, "1")
	fieldRefused(t, fin.Allocate(s.ctx, r2, []AllocationInput{{b, "1"}}), 1, FAmount, OverOpenAmount, "0.00")
	bal := s.balance(s.monthly)
	if bal.Due() != bal.Invoiced-bal.Received-bal.Credited || bal.CreditOnAccount() != 100000 {
		t.Fatalf("balance %+v due %v", bal, bal.Due())
	}
}
