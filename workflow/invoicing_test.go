package workflow

import (
	"errors"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
)

// TestInvoiceStates walks a request through every step with the person
// each step allows and the people it refuses (开票双人复核).
func TestInvoiceStates(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly)
	s.ship(order)
	id := s.request(s.clerk, order)
	v := s.invoice(id)
	if v.Status != "draft" || v.Total != 10444200 || len(v.Lines) != 1 || v.Lines[0].Qty != 25350 {
		t.Fatalf("request %+v", v)
	}
	steps := []struct {
		name   string
		actor  store.User
		do     func(d *Desk) error
		want   Code // "" for allowed
		status string
	}{
		{"the checker cannot check a draft", s.boss, func(d *Desk) error { return d.CheckInvoice(s.ctx, id, 0) }, NoSuchTransition, "draft"},
		{"only the maker submits", s.boss, func(d *Desk) error { return d.SubmitInvoice(s.ctx, id, 0) }, MakerOnly, "draft"},
		{"the maker submits", s.clerk, func(d *Desk) error { return d.SubmitInvoice(s.ctx, id, 0) }, "", "submitted"},
		{"the maker may not check their own request", s.clerk, func(d *Desk) error { return d.CheckInvoice(s.ctx, id, 0) }, MakerCannotSignOff, "submitted"},
		{"a sales rep does not check", s.rep, func(d *Desk) error { return d.CheckInvoice(s.ctx, id, 0) }, RoleNotAllowed, "submitted"},
		{"finance does not issue before the check", s.fin, func(d *Desk) error {
			return d.IssueInvoice(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000000112233"})
		}, NoSuchTransition, "submitted"},
		{"a second person checks", s.boss, func(d *Desk) error { return d.CheckInvoice(s.ctx, id, 0) }, "", "checked"},
		{"the desk does not issue", s.boss, func(d *Desk) error {
			return d.IssueInvoice(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000000112233"})
		}, RoleNotAllowed, "checked"},
		{"issue is taken only with the number", s.fin, func(d *Desk) error { return d.Act(s.ctx, id, ActionIssue, "") }, IssueMissing, "checked"},
		{"finance issues with its number", s.fin, func(d *Desk) error {
			return d.IssueInvoice(s.ctx, id, 0, IssueInput{InvoiceNo: "26210000000000112233"})
		}, "", "issued"},
		{"the desk no longer voids it", s.clerk, func(d *Desk) error { return d.VoidInvoice(s.ctx, id, 0, "开错") }, RoleNotAllowed, "issued"},
		{"the desk records the mailing", s.clerk, func(d *Desk) error { return d.MailInvoice(s.ctx, id, 0, MailInput{Tracking: "SF123"}) }, "", "mailed"},
		{"finance voids it with the reason", s.fin, func(d *Desk) error { return d.VoidInvoice(s.ctx, id, 0, "红冲: 单价有误") }, "", "void"},
	}
	for _, st := range steps {
		err := st.do(s.e.Desk(st.actor))
		if st.want == "" && err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if st.want != "" && !errors.Is(err, &Refusal{Code: st.want}) {
			t.Fatalf("%s: want %s, got %v", st.name, st.want, err)
		}
		if got := s.invoice(id).Status; got != st.status {
			t.Fatalf("%s: status %s, want %s", st.name, got, st.status)
		}
	}
	v = s.invoice(id)
	if v.Issue == nil || v.Issue.InvoiceNo != "26210000000000112233" || v.Issue.ByID != s.fin.ID || v.Mailing == nil || v.Mailing.Tracking != "SF123" {
		t.Fatalf("issue %+v mailing %+v", v.Issue, v.Mailing)
	}
	// Void: the shipment is open to invoice again.
	lines, err := s.e.Desk(s.clerk).OrderInvoicing(s.ctx, order)
	s.must(err)
	if lines[0].Shipped != 25350 || lines[0].Invoiced != 0 || lines[0].ToInvoice() != 25350 {
		t.Fatalf("after void %+v", lines[0])
	}
	if od := s.detail(s.clerk, order); len(od.Invoicing) != 1 || od.Invoicing[0].ToInvoice() != 25350 {
		t.Fatalf("the order shows %+v", od.Invoicing)
	}
}

// TestInvoiceTwoPersonRule: finance that made the request cannot issue
// it; a supervisor who edited it cannot check it; finance sends back.
func TestInvoiceTwoPersonRule(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"))
	s.ship(order)
	own := s.request(s.fin2, order) // 何会计 is finance and clerk
	s.must(s.e.Desk(s.fin2).SubmitInvoice(s.ctx, own, 0))
	s.must(s.e.Desk(s.boss).CheckInvoice(s.ctx, own, 0))
	refused(t, s.e.Desk(s.fin2).IssueInvoice(s.ctx, own, 0, IssueInput{InvoiceNo: "2100211130 01234567"}), MakerCannotSignOff)
	// Finance sends it back; the boss edits it and may then not check it.
	var fe FieldErrors
	if err := s.e.Desk(s.fin).SendBackInvoice(s.ctx, own, 0, " "); !errors.As(err, &fe) || fe.For(FReason) == nil {
		t.Fatalf("send back without a reason: %v", err)
	}
	s.must(s.e.Desk(s.fin).SendBackInvoice(s.ctx, own, 0, "数量与发货单不符"))
	v := s.invoice(own)
	in := InvoiceInput{Lines: []InvoiceLineInput{{ID: v.Lines[0].ID, DeliveryLineID: v.Lines[0].DeliveryLineID, Quantity: "6"}}}
	s.must(s.e.Desk(s.boss).UpdateInvoice(s.ctx, v, in))
	s.must(s.e.Desk(s.fin2).SubmitInvoice(s.ctx, own, 0))
	refused(t, s.e.Desk(s.boss).CheckInvoice(s.ctx, own, 0), EditorCannotSignOff)
	s.must(s.e.Desk(s.clerk).CheckInvoice(s.ctx, own, 0)) // another clerk is a second person too
	s.must(s.e.Desk(s.fin).IssueInvoice(s.ctx, own, 0, IssueInput{InvoiceNo: "2100211130 01234567"}))
	if v := s.invoice(own); v.Total != 2472000 || v.Issue.DueOn != "2026-12-30" {
		t.Fatalf("issued %v due %s", v.Total, v.Issue.DueOn)
	}
	// The number is finance's, once.
	second := s.request(s.clerk, order)
	s.must(s.e.Desk(s.clerk).SubmitInvoice(s.ctx, second, 0))
	s.must(s.e.Desk(s.boss).CheckInvoice(s.ctx, second, 0))
	if err := s.e.Desk(s.fin).IssueInvoice(s.ctx, second, 0, IssueInput{InvoiceNo: "2100211130-01234567"}); !errors.As(err, &fe) || fe.For(FInvoiceNo).Code != NumberTaken {
		t.Fatalf("number taken: %v", err)
	}
	if err := s.e.Desk(s.fin).IssueInvoice(s.ctx, second, 0, IssueInput{InvoiceNo: "210021113001/01234568", IssuedOn: "2026-11-09"}); !errors.As(err, &fe) || fe.For(FIssuedOn).Code != DateInFuture {
		t.Fatalf("issued in the future: %v", err)
	}
}

// TestOverInvoicing refuses more than shipped and not yet invoiced, with
// the figure left, across requests; a void request frees its part.
func TestOverInvoicing(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4120"),
		oline("45#", "圆钢", "Φ50", "3", "t", "3.333", "4800"))
	s.ship(order, "4", "3") // 4 of 10 t shipped, all the round bar
	in, lines, err := s.e.Desk(s.clerk).NewInvoiceInput(s.ctx, order)
	s.must(err)
	if len(lines) != 2 || in.Lines[0].Quantity != "4" || in.Lines[1].Weight != "3.333" {
		t.Fatalf("prefilled %+v", in.Lines)
	}
	in.Lines[0].Quantity = "4.5"
	var fe FieldErrors
	if _, err := s.e.Desk(s.clerk).CreateInvoice(s.ctx, in); !errors.As(err, &fe) || fe.ForLine(1, FQuantity).Code != OverUninvoiced || fe.ForLine(1, FQuantity).Want != "4" {
		t.Fatalf("over shipped: %v", err)
	}
	in.Lines[0].Quantity, in.Lines[0].Weight, in.Lines[1].Quantity, in.Lines[1].Weight = "1.5", "", "1", ""
	first, err := s.e.Desk(s.clerk).CreateInvoice(s.ctx, in)
	s.must(err)
	v := s.invoice(first)
	if v.Lines[1].Weight != 1111 || v.Total != 618000+533280 {
		t.Fatalf("first %+v total %v", v.Lines, v.Total)
	}
	in, _, err = s.e.Desk(s.clerk).NewInvoiceInput(s.ctx, order)
	s.must(err)
	if in.Lines[0].Quantity != "2.5" || in.Lines[1].Quantity != "2" || in.Lines[1].Weight != "2.222" {
		t.Fatalf("what is left %+v", in.Lines)
	}
	in.Lines[0].Quantity = "3"
	if _, err := s.e.Desk(s.clerk).CreateInvoice(s.ctx, in); !errors.As(err, &fe) || fe.ForLine(1, FQuantity).Want != "2.5" {
		t.Fatalf("second over: %v", err)
	}
	s.must(s.e.Desk(s.clerk).VoidInvoice(s.ctx, first, 0, "重开"))
	in, _, err = s.e.Desk(s.clerk).NewInvoiceInput(s.ctx, order)
	s.must(err)
	if in.Lines[0].Quantity != "4" {
		t.Fatalf("after void %+v", in.Lines)
	}
	// Nothing shipped: nothing to invoice.
	other := s.signedOrder(s.monthly)
	if in, _, _ := s.e.Desk(s.clerk).NewInvoiceInput(s.ctx, other); len(in.Lines) != 0 {
		t.Fatalf("unshipped order offers %+v", in.Lines)
	}
	if _, err := s.e.Desk(s.clerk).CreateInvoice(s.ctx, InvoiceInput{OrderID: other}); !errors.As(err, &fe) || fe.ForLine(1, FQuantity).Code != Required {
		t.Fatalf("empty request: %v", err)
	}
}

// TestAllocationArithmetic: receipts allocated fully and in part, the
// rest on account; beyond the open amount or the receipt refused with
// the figure; a void invoice gives its money back.
func TestAllocationArithmetic(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"),
		oline("45#", "圆钢", "Φ50", "5", "t", "", "5000"))
	s.ship(order, "5", "0")
	a := s.issued(order, "26210000000010000001") // 20,000.00
	s.ship(order, "5", "5")
	b := s.issued(order, "26210000000010000002") // 20,000.00 + 25,000.00
	cases := []struct {
		name      string
		received  string
		alloc     []AllocationInput
		errLine   int
		errCode   FieldCode
		errWant   string
		openA     store.Money
		openB     store.Money
		onAccount store.Money
	}{
		{"part of the oldest", "5000", []AllocationInput{{a, "5000"}}, 0, "", "", 1500000, 4500000, 0},
		{"beyond the open amount", "30000", []AllocationInput{{a, "15000.01"}}, 1, OverOpenAmount, "15000.00", 1500000, 4500000, 3000000},
		{"beyond the receipt", "", []AllocationInput{{a, "15000"}, {b, "15000.01"}}, 2, OverReceipt, "15000.00", 1500000, 4500000, 3000000},
		{"both, fully and in part", "", []AllocationInput{{a, "15000"}, {b, "15000"}}, 0, "", "", 0, 3000000, 0},
		{"an overpayment stays on account", "40000", []AllocationInput{{b, "30000"}}, 0, "", "", 0, 0, 1000000},
		{"a paid invoice takes nothing more", "", []AllocationInput{{b, "0.01"}}, 1, OverOpenAmount, "0.00", 0, 0, 1000000},
	}
	var last int64
	for _, c := range cases {
		if c.received != "" {
			last = s.receipt(s.monthly, c.received)
		}
		err := s.e.Desk(s.fin).Allocate(s.ctx, last, c.alloc)
		var fe FieldErrors
		if c.errCode == "" && err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.errCode != "" && (!errors.As(err, &fe) || fe.ForLine(c.errLine, FAmount) == nil ||
			fe.ForLine(c.errLine, FAmount).Code != c.errCode || fe.ForLine(c.errLine, FAmount).Want != c.errWant) {
			t.Fatalf("%s: want line %d %s %s, got %v", c.name, c.errLine, c.errCode, c.errWant, err)
		}
		bal := s.balance(s.monthly)
		if s.invoice(a).Open() != c.openA || s.invoice(b).Open() != c.openB || bal.OnAccount != c.onAccount {
			t.Fatalf("%s: open %v / %v, on account %v", c.name, s.invoice(a).Open(), s.invoice(b).Open(), bal.OnAccount)
		}
		if bal.Received != bal.Allocated+bal.OnAccount || bal.Open != bal.Invoiced-bal.Allocated {
			t.Fatalf("%s: books do not balance %+v", c.name, bal)
		}
	}
	// Voiding the second invoice puts its 45,000.00 back on account.
	s.must(s.e.Desk(s.fin).VoidInvoice(s.ctx, b, 0, "红冲"))
	bal := s.balance(s.monthly)
	if bal.Invoiced != 2000000 || bal.Allocated != 2000000 || bal.OnAccount != 5500000 || bal.Received != 7500000 {
		t.Fatalf("after void %+v", bal)
	}
	// Only finance allocates; a future day is refused for a receipt.
	refused(t, s.e.Desk(s.clerk).Allocate(s.ctx, last, []AllocationInput{{a, "1"}}), FinanceOnly)
	_, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: s.monthly, Amount: "100", ReceivedOn: "2026-11-03"})
	var fe FieldErrors
	if !errors.As(err, &fe) || fe.For(FReceivedOn).Code != DateInFuture {
		t.Fatalf("future receipt: %v", err)
	}
	// The plan offers open invoices oldest first, filled until the money runs out.
	o2 := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "1", "t", "", "5"), oline("45#", "圆钢", "Φ50", "1", "t", "", "3"))
	s.ship(o2, "1", "0")
	c := s.issued(o2, "26210000000010000003")
	s.ship(o2, "0", "1")
	d := s.issued(o2, "26210000000010000004")
	r := s.receipt(s.monthly, "6")
	_, plan, err := s.e.Desk(s.fin).AllocationPlan(s.ctx, r)
	s.must(err)
	if len(plan) != 2 || plan[0].Invoice.DocID != c || plan[0].Amount != 500 || plan[1].Invoice.DocID != d || plan[1].Amount != 100 {
		t.Fatalf("plan %+v", plan)
	}
}

// TestPrepaymentIsAReceipt: finance's payment against a prepaid order
// before any invoice releases the held note, is a receipt, and goes to
// the order's invoice when it is issued.
func TestPrepaymentIsAReceipt(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.shenyang)
	note := s.signedNote(order)
	if s.status(note) != "approved" {
		t.Fatal("a prepaid note was not held")
	}
	id, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: s.shenyang, OrderID: order, Amount: "110000", Method: store.MethodBill, Payer: "沈阳重型"})
	s.must(err)
	if st := s.status(note); st != "released" {
		t.Fatalf("paid note %s", st)
	}
	rv, err := s.e.Desk(s.fin).Receivable(s.ctx, s.shenyang)
	s.must(err)
	if rv.Paid != 11000000 {
		t.Fatalf("the gate reads %+v", rv)
	}
	rs, err := s.e.Desk(s.fin).Receipts(s.ctx, store.ReceiptFilter{CustomerID: s.shenyang})
	s.must(err)
	if len(rs) != 1 || rs[0].ID != id || rs[0].OrderID != order || rs[0].ConfirmationID == 0 || rs[0].Method != store.MethodBill {
		t.Fatalf("receipts %+v", rs)
	}
	// Shipped and invoiced: the prepayment pays the invoice, the rest stays on account.
	n := s.note(s.wh, note).Note
	s.must(s.e.Desk(s.wh).Load(s.ctx, note, 0, []LoadInput{{LineID: n.Lines[0].ID, Qty: "25.35", Weight: "25.35"}}))
	s.must(s.e.Desk(s.clerk).Dispatch(s.ctx, note, 0, DispatchInput{Carrier: "顺达", Vehicle: "辽A1", ShippedAt: "2026-11-02 10:00",
		ExpectedOn: "2026-11-02", SignedBy: "李师傅", SignedOn: "2026-11-02"}))
	inv := s.issued(order, "26210000000020000001")
	v := s.invoice(inv)
	if v.Open() != 0 || v.Issue.DueOn != v.Issue.IssuedOn {
		t.Fatalf("prepaid invoice open %v due %s", v.Open(), v.Issue.DueOn)
	}
	if b := s.balance(s.shenyang); b.OnAccount != 11000000-10444200 {
		t.Fatalf("balance %+v", b)
	}
	// An order typed by its number earmarks the payment; another
	// customer's order, or none of that number, is refused at the field.
	od := s.detail(s.clerk, order)
	var fe FieldErrors
	if _, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: s.monthly, Order: od.Order.Number(), Amount: "1"}); !errors.As(err, &fe) || fe.ForLine(0, FOrder) == nil {
		t.Fatalf("another customer's order: %v", err)
	}
	if _, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: s.shenyang, Order: "NO-SUCH", Amount: "1"}); !errors.As(err, &fe) || fe.For(FOrder) == nil {
		t.Fatalf("no such order: %v", err)
	}
	second, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{CustomerID: s.shenyang, Order: strings.ToLower(od.Order.Number()), Amount: "1"})
	s.must(err)
	if rs, _ := s.e.Desk(s.fin).Receipts(s.ctx, store.ReceiptFilter{CustomerID: s.shenyang}); rs[0].ID != second || rs[0].OrderID != order {
		t.Fatalf("typed order not earmarked: %+v", rs[0])
	}
	// A customer typed by its full name; words that fit several are refused.
	byName, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{Customer: "沈阳月结机械有限公司", Amount: "1"})
	s.must(err)
	if rs, _ := s.e.Desk(s.fin).Receipts(s.ctx, store.ReceiptFilter{CustomerID: s.monthly}); len(rs) != 1 || rs[0].ID != byName {
		t.Fatalf("receipt by name %+v", rs)
	}
	if _, err := s.e.Desk(s.fin).RecordReceipt(s.ctx, ReceiptInput{Customer: "沈阳", Amount: "1"}); !errors.As(err, &fe) || fe.For(FCustomer) == nil {
		t.Fatalf("ambiguous customer: %v", err)
	}
	// An earmarked receipt is not for another order's invoices.
	other := s.signedOrder(s.shenyang)
	s.ship(other)
	oi := s.issued(other, "26210000000020000002")
	if err := s.e.Desk(s.fin).Allocate(s.ctx, id, []AllocationInput{{oi, "1"}}); !errors.As(err, &fe) || fe.ForLine(1, FInvoiceNo) == nil {
		t.Fatalf("earmarked elsewhere: %v", err)
	}
}

// TestOverdueInvoicesHoldTheGate: a monthly customer's invoice more than
// the configured days past due holds the next note for finance; paying
// it opens the gate again.
func TestOverdueInvoicesHoldTheGate(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly, oline("Q235B", "热轧钢板", "20×1500×6000", "10", "t", "", "4000"),
		oline("45#", "圆钢", "Φ50", "5", "t", "", "5000"))
	s.ship(order, "2", "0")
	inv := s.issued(order, "26210000000030000001") // due 2026-12-30
	// 2027-01-30 is 31 days past due: held.
	s.at(time.Date(2027, 1, 30, 1, 0, 0, 0, time.UTC))
	held := s.signedNote(order, "1", "0")
	g, err := s.e.Desk(s.clerk).GateOf(s.ctx, held)
	s.must(err)
	if g.Held != store.GateOverdue || g.Overdue != 800000 {
		t.Fatalf("gate %+v", g)
	}
	r := s.receipt(s.monthly, "8000")
	// On account, not yet allocated, the money already counts against what is due.
	if g, _ := s.e.Desk(s.clerk).GateOf(s.ctx, held); g.Held != "" {
		t.Fatalf("paid on account, still held %+v", g)
	}
	s.must(s.e.Desk(s.fin).Allocate(s.ctx, r, []AllocationInput{{inv, "8000"}}))
	s.must(s.e.Desk(s.boss).Release(s.ctx, held, 0, ""))
	if st := s.status(held); st != "released" {
		t.Fatalf("status %s", st)
	}
	// The exposure counts the invoice once, not with its note: 2 t invoiced
	// and paid, 1 t released and not invoiced.
	rv, err := s.e.Desk(s.fin).Receivable(s.ctx, s.monthly)
	s.must(err)
	if rv.Exposure() != 400000 {
		t.Fatalf("exposure %+v, want 4,000.00", rv)
	}
}

// TestInvoiceInReview: a submitted request reaches the checker's Review
// inbox with its lines, never its maker's; a checked one reaches finance.
func TestInvoiceInReview(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly)
	s.ship(order)
	id := s.request(s.clerk, order)
	s.must(s.e.Desk(s.clerk).SubmitInvoice(s.ctx, id, 0))
	inbox := func(u store.User) bool {
		items, err := s.e.Desk(u).Inbox(s.ctx)
		s.must(err)
		for _, it := range items {
			if it.ID == id {
				return true
			}
		}
		return false
	}
	if inbox(s.clerk) || !inbox(s.boss) || inbox(s.fin) {
		t.Fatalf("inboxes: maker %v, boss %v, finance %v", inbox(s.clerk), inbox(s.boss), inbox(s.fin))
	}
	dd, err := s.e.Desk(s.boss).Document(s.ctx, id)
	s.must(err)
	if dd.Invoice == nil || len(dd.Invoice.Lines) != 1 || dd.Invoice.Lines[0].Price != 412000 || len(dd.Actions) == 0 {
		t.Fatalf("review detail %+v actions %+v", dd.Invoice, dd.Actions)
	}
	s.must(s.e.Desk(s.boss).Act(s.ctx, id, ActionApprove, ""))
	if !inbox(s.fin) {
		t.Fatal("a checked request is not in finance's inbox")
	}
}
