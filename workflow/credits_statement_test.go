package workflow

import (
	"strings"
	"testing"
)

// TestStatementShowsCredit: the month's statement of account lists an
// issued credit as a negative invoice (off shipped and invoiced), and its
// closing balance and the reconciliation's agree: shipped less credited
// less received.
func TestStatementShowsCredit(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly)
	s.ship(order)
	inv := s.issued(order, "26210000000000112233") // 104,442.00
	s.credit(CreditInput{InvoiceID: inv, Reason: "表面锈蚀, 协商折让", Amount: "4442"}, "26210000000000112299")
	s.receipt(s.monthly, "50000")
	month := s.e.todayString()[:7]
	clerk := s.e.Desk(s.clerk)
	_, err := clerk.StartReconciliation(s.ctx, month)
	s.must(err)
	s.must(clerk.SubmitReconciliation(s.ctx, month))
	v, err := s.e.Desk(s.fin).MonthReconciliation(s.ctx, month)
	s.must(err)
	s.must(s.e.Desk(s.fin).SignOffMonth(s.ctx, month, v.Doc.Version))
	row := rowOf(s.monthNow(), s.monthly)
	if row.Shipped != 10444200-444200 || row.Invoiced != 10444200-444200 || row.Closing != 10000000-5000000 {
		t.Fatalf("month %+v", row)
	}
	st, err := clerk.IssueStatement(s.ctx, s.monthly, month)
	s.must(err)
	if st.Closing != 5000000 {
		t.Fatalf("statement %+v", st)
	}
	p, err := clerk.StatementPrintout(s.ctx, s.monthly, month, "沈阳钢材有限公司")
	s.must(err)
	if _, _, _, closing := p.Totals(); closing != 5000000 {
		t.Fatalf("printout closing %v", closing)
	}
	text := pdfText(t, p)
	for _, want := range []string{"26210000000000112299", "红字发票 折让 原票", "26210000000000112233", "-4,442.00", "104,442.00", "50,000.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("statement PDF lacks %q:\n%s", want, text)
		}
	}
}

// TestStatementShowsReturnAndItsCredit: goods that came back and were
// credited come off the statement's shipped once (the return's receipt,
// 退货入库) and off invoiced once (the credit), and its closing balance
// and the reconciliation's agree.
func TestStatementShowsReturnAndItsCredit(t *testing.T) {
	s := newInvoicing(t)
	order := s.signedOrder(s.monthly)
	note := s.ship(order)
	inv := s.issued(order, "26210000000000112233") // 104,442.00
	back := s.receivedReturn(note, "1")
	total := s.goodsReturn(back).Return.Total
	clerk := s.e.Desk(s.clerk)
	ids, err := clerk.DraftReturnCredit(s.ctx, back)
	s.must(err)
	if len(ids) != 1 || s.creditOf(ids[0]).InvoiceID != inv || s.creditOf(ids[0]).Total != total {
		t.Fatalf("credits %v of a return worth %v", ids, total)
	}
	s.must(clerk.SubmitCredit(s.ctx, ids[0], 0))
	s.must(s.e.Desk(s.boss).CheckCredit(s.ctx, ids[0], 0))
	s.must(s.e.Desk(s.fin).IssueCredit(s.ctx, ids[0], 0, IssueInput{InvoiceNo: "26210000000000112299"}))
	s.receipt(s.monthly, "50000")
	month := s.e.todayString()[:7]
	row := rowOf(s.monthNow(), s.monthly)
	if row.Shipped != 10444200-total || row.Invoiced != 10444200-total || row.Closing != 10444200-total-5000000 {
		t.Fatalf("month %+v, return %v", row, total)
	}
	_, err = clerk.StartReconciliation(s.ctx, month)
	s.must(err)
	s.must(clerk.SubmitReconciliation(s.ctx, month))
	v, err := s.e.Desk(s.fin).MonthReconciliation(s.ctx, month)
	s.must(err)
	s.must(s.e.Desk(s.fin).SignOffMonth(s.ctx, month, v.Doc.Version))
	p, err := clerk.StatementPrintout(s.ctx, s.monthly, month, "沈阳钢材有限公司")
	s.must(err)
	if shipped, invoiced, _, closing := p.Totals(); shipped != row.Shipped || invoiced != row.Invoiced || closing != row.Closing {
		t.Fatalf("printout shipped %v invoiced %v closing %v; month %+v", shipped, invoiced, closing, row)
	}
	var kinds []string
	for _, l := range p.Lines {
		kinds = append(kinds, l.Summary)
	}
	if !strings.Contains(strings.Join(kinds, "|"), "退货入库") {
		t.Fatalf("statement lines %v lack the return", kinds)
	}
}
