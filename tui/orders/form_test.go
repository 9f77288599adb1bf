package orders

import (
	"strings"
	"testing"

	"orderdesk/workflow"
)

// startNew opens a new order form and picks the customer by its
// mnemonic; the focus is then on the order date.
func (r *rig) startNew(mnemonic, name string) {
	r.t.Helper()
	r.Press("n")
	r.Type(mnemonic)
	r.MustShow(name)
	r.Press("tab")
	if r.s.entry == nil || r.s.entry.customerID == 0 {
		r.t.Fatalf("no customer picked:\n%s", r.View())
	}
}

// TestNewOrderBadInputStaysAtTheField types an order with a delivery
// before the order date, a weight with four decimals and a zero price:
// each is named at its field, what was typed stays, nothing is saved.
// Fixed, and with a hand-typed total that disagrees, the right total
// is shown at the cell; cleared, the order saves and shows its
// provisional reference and its total in capitals.
func TestNewOrderBadInputStaysAtTheField(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh")
	r.startNew("SYBF", "沈阳北方重工集团有限公司")
	r.MustShow("沈阳市铁西区北二路18号", "张经理") // filled from the customer file
	r.Press("tab")
	r.Type("2026-11-20")
	r.tabs(7) // to the place of signing
	r.Type("沈阳")
	r.tabs(2) // past the weighing basis (filled from the customer file) to the lines
	r.Type("Q235B")
	r.Press("tab")
	r.Type("热轧钢板")
	r.Press("tab")
	r.Type("20×1500×6000")
	r.Press("tab")
	r.Type("25.3456")
	r.Press("tab")
	r.Type("t")
	r.tabs(3)
	r.Type("0")
	r.Press("ctrl+s")
	r.MustShow("25.3456", "2026-11-20", "最多3位小数", "交货日期不能早于订单日期",
		r.fieldText(workflow.NotPositive))
	if n := r.orders(); n != 0 {
		t.Fatalf("%d orders saved from a refused form", n)
	}
	// Fix the three, and type a total that disagrees.
	f := r.s.entry.form
	f.FocusField(workflow.FDeliveryDate)
	r.clearField()
	r.Type("2026-12-10")
	f.FocusCell(0, workflow.FQuantity)
	r.clearField()
	r.Type("25.35")
	f.FocusCell(0, workflow.FPrice)
	r.clearField()
	r.Type("4120")
	r.Press("tab")
	r.Type("100000")
	r.Press("ctrl+s")
	r.MustShow("100000", r.c.T("field.amount_mismatch_want", "104442.00"))
	if n := r.orders(); n != 0 {
		t.Fatalf("%d orders saved with a wrong total", n)
	}
	r.clearField()
	r.Press("ctrl+s")
	r.MustShow("DD2026-000001 (临时号)", "草稿", "¥104,442.00", "壹拾万肆仟肆佰肆拾贰元整", "未答复")
	if n := r.orders(); n != 1 {
		t.Fatalf("%d orders, want 1", n)
	}
}

// TestContractCheckBeforeSubmit: a customer with no address saves as a
// draft, but the form stays open with the ship-to address named; submit
// from the detail is refused the same way, at the field.
func TestContractCheckBeforeSubmit(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh")
	r.startNew("YKWD", "营口无地址贸易公司")
	r.Press("tab")
	r.Type("2026-12-10")
	r.tabs(7)
	r.Type("营口")
	r.tabs(2) // past the weighing basis (filled from the customer file) to the lines
	r.Type("Q235B")
	r.Press("tab")
	r.Type("热轧钢板")
	r.tabs(2)
	r.Type("10")
	r.Press("tab")
	r.Type("t")
	r.tabs(3)
	r.Type("4000")
	r.Press("ctrl+s")
	r.MustShow(r.c.T("field.required"), "营口")
	if r.s.mode != modeForm {
		t.Fatalf("the form closed on a contract that fails the check:\n%s", r.View())
	}
	if _, at := r.s.entry.form.Focused(); at != workflow.FShipTo {
		t.Fatalf("focus on %q, want the ship-to address", at)
	}
	if n := r.orders(); n != 1 {
		t.Fatalf("%d orders, want the draft saved", n)
	}
	r.Press("esc") // to the detail, where submit is refused at the field too
	r.MustShow("合同校验")
	r.Press("s")
	r.waitMode(modeForm) // a refused submit opens the form at the field
	r.MustShow(r.c.T("field.required"))
	r.Type("营口市站前区1号")
	r.Press("ctrl+s")
	r.MustShow("营口市站前区1号", "草稿")
	r.Press("s")
	r.MustShow("待审核")
}

// TestSecondSaveOfADraftRefused: two clerks edit one draft; the second
// save is refused naming what the first changed, and the second clerk's
// input stays in the form.
func TestSecondSaveOfADraftRefused(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	a := r.another(r.clerk)
	b := r.another(r.clerk2)
	a.Run(a.s.openEdit(id))
	b.Run(b.s.openEdit(id))
	a.s.entry.form.FocusField(workflow.FSigningPlace)
	a.clearField()
	a.Type("大连")
	a.Press("ctrl+s")
	a.MustShow("大连", "草稿")
	b.s.entry.form.FocusField(workflow.FDeliveryDate)
	b.clearField()
	b.Type("2026-12-15")
	b.Press("ctrl+s")
	st := b.LastStatus()
	if !st.Error || !strings.Contains(st.Text, "王丽") || !strings.Contains(st.Text, b.c.T("field.name.signing_place")) {
		t.Fatalf("second save: %+v", st)
	}
	if b.s.mode != modeForm || b.s.entry.form.Value(workflow.FDeliveryDate) != "2026-12-15" {
		t.Fatalf("the second clerk's input was lost:\n%s", b.View())
	}
	od, err := r.eng.Desk(r.clerk).Order(r.ctx, id)
	r.must(err)
	if od.Order.DeliveryDate != "2026-12-10" || od.Order.SigningPlace != "大连" {
		t.Fatalf("stored %s %s", od.Order.DeliveryDate, od.Order.SigningPlace)
	}
}
