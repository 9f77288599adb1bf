package orders

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestUnitsInTheUsersLanguage: an order's units read 千克 and 件 in
// Chinese (the codes kg and pcs are what is stored, not what is shown),
// in the lines, their per-unit prices and the stock prompt.
func TestUnitsInTheUsersLanguage(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang, workflow.OrderLineInput{Grade: "304", Name: "不锈钢板", Spec: "2×1219×2438",
		Quantity: "200", Unit: "kg", Weight: "0.2", Price: "23.50", Basis: store.BasisQty})
	r.open(r.clerk, "zh")
	r.Send(openMsg(id))
	r.waitDetail(id)
	r.MustShow("200 千克", "23.50/千克")
	r.MustHide("/kg")
}

// TestPrintWithoutCompanyName: with company.name unset the contract is
// written with a blank seller, and the status line says so as a warning
// instead of reporting plain success.
func TestPrintWithoutCompanyName(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	r.open(r.clerk, "zh")
	r.c.Company = ""
	r.Send(openMsg(id))
	r.waitDetail(id)
	r.Press("P")
	st := r.LastStatus()
	if !st.Error || !strings.Contains(st.Text, "company.name") {
		t.Fatalf("print without a company name: %+v", st)
	}
}

// TestEightyColumns: in an 80-column window the orders list keeps each
// order's total and the detail each line's price and amount; no row is
// wider than the window.
func TestEightyColumns(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	r.open(r.clerk, "zh")
	r.s.SetSize(80, 21)
	fits := func() {
		t.Helper()
		for _, l := range strings.Split(r.View(), "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Fatalf("a row of %d cells in 80:\n%s", w, r.View())
			}
		}
	}
	r.MustShow("DD2026-000001", "¥104,442.00")
	fits()
	r.Send(openMsg(id))
	r.waitDetail(id)
	r.MustShow("4,120.00", "104,442.00")
	fits()
}

// TestEscOverTypedOrderAsksFirst: esc (ctrl+c while typing) over an
// order form with typed changes asks before throwing them away; a
// second esc does.
func TestEscOverTypedOrderAsksFirst(t *testing.T) {
	r := newRig(t)
	q := r.wonQuote(r.shenyang)
	r.open(r.clerk, "zh")
	r.Press("w")
	qd, err := r.eng.Desk(r.clerk).Quote(r.ctx, q)
	r.must(err)
	r.MustShow(qd.Ref)
	r.Press("enter")
	r.waitMode(modeForm)
	r.Type("X")
	r.Press("esc")
	if r.s.mode != modeForm {
		t.Fatalf("one esc threw the typed order away:\n%s", r.View())
	}
	if st := r.LastStatus(); st.Error || !strings.Contains(st.Text, "再按 esc 放弃") { // a question, not an error: the next key takes it back
		t.Fatalf("esc over typed input: %+v", st)
	}
	r.Press("esc")
	if r.s.mode == modeForm {
		t.Fatal("a second esc did not leave the form")
	}
}
