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
	r.press("n")
	r.typ(mnemonic)
	r.mustShow(name)
	r.press("tab")
	if r.s.entry == nil || r.s.entry.customerID == 0 {
		r.t.Fatalf("no customer picked:\n%s", r.view())
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
	r.mustShow("沈阳市铁西区北二路18号", "张经理") // filled from the customer file
	r.press("tab")
	r.typ("2026-11-20")
	r.tabs(7) // to the place of signing
	r.typ("沈阳")
	r.press("tab")
	r.typ("Q235B")
	r.press("tab")
	r.typ("热轧钢板")
	r.press("tab")
	r.typ("20×1500×6000")
	r.press("tab")
	r.typ("25.3456")
	r.press("tab")
	r.typ("t")
	r.tabs(3)
	r.typ("0")
	r.press("ctrl+s")
	r.mustShow("25.3456", "2026-11-20", "最多3位小数", "交货日期不能早于订单日期",
		r.fieldText(workflow.NotPositive))
	if n := r.orders(); n != 0 {
		t.Fatalf("%d orders saved from a refused form", n)
	}
	// Fix the three, and type a total that disagrees.
	f := r.s.entry.form
	f.FocusField(workflow.FDeliveryDate)
	r.clearField()
	r.typ("2026-12-10")
	f.FocusCell(0, workflow.FQuantity)
	r.clearField()
	r.typ("25.35")
	f.FocusCell(0, workflow.FPrice)
	r.clearField()
	r.typ("4120")
	r.press("tab")
	r.typ("100000")
	r.press("ctrl+s")
	r.mustShow("100000", r.c.T("field.amount_mismatch_want", "104442.00"))
	if n := r.orders(); n != 0 {
		t.Fatalf("%d orders saved with a wrong total", n)
	}
	r.clearField()
	r.press("ctrl+s")
	r.mustShow("DD2026-000001 (临时号)", "草稿", "¥104,442.00", "壹拾万肆仟肆佰肆拾贰元整", "未答复")
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
	r.press("tab")
	r.typ("2026-12-10")
	r.tabs(7)
	r.typ("营口")
	r.press("tab")
	r.typ("Q235B")
	r.press("tab")
	r.typ("热轧钢板")
	r.tabs(2)
	r.typ("10")
	r.press("tab")
	r.typ("t")
	r.tabs(3)
	r.typ("4000")
	r.press("ctrl+s")
	r.mustShow(r.c.T("field.required"), "营口")
	if r.s.mode != modeForm {
		t.Fatalf("the form closed on a contract that fails the check:\n%s", r.view())
	}
	if _, at := r.s.entry.form.Focused(); at != workflow.FShipTo {
		t.Fatalf("focus on %q, want the ship-to address", at)
	}
	if n := r.orders(); n != 1 {
		t.Fatalf("%d orders, want the draft saved", n)
	}
	r.press("esc") // to the detail, where submit is refused at the field too
	r.mustShow("合同校验")
	r.press("s")
	r.waitMode(modeForm) // a refused submit opens the form at the field
	r.mustShow(r.c.T("field.required"))
	r.typ("营口市站前区1号")
	r.press("ctrl+s")
	r.mustShow("营口市站前区1号", "草稿")
	r.press("s")
	r.mustShow("待审核")
}

// TestSecondSaveOfADraftRefused: two clerks edit one draft; the second
// save is refused naming what the first changed, and the second clerk's
// input stays in the form.
func TestSecondSaveOfADraftRefused(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	a := r.another(r.clerk)
	b := r.another(r.clerk2)
	a.run(a.s.openEdit(id))
	b.run(b.s.openEdit(id))
	a.s.entry.form.FocusField(workflow.FSigningPlace)
	a.clearField()
	a.typ("大连")
	a.press("ctrl+s")
	a.mustShow("大连", "草稿")
	b.s.entry.form.FocusField(workflow.FDeliveryDate)
	b.clearField()
	b.typ("2026-12-15")
	b.press("ctrl+s")
	st := b.lastStatus()
	if !st.Error || !strings.Contains(st.Text, "王丽") || !strings.Contains(st.Text, b.c.T("field.name.signing_place")) {
		t.Fatalf("second save: %+v", st)
	}
	if b.s.mode != modeForm || b.s.entry.form.Value(workflow.FDeliveryDate) != "2026-12-15" {
		t.Fatalf("the second clerk's input was lost:\n%s", b.view())
	}
	od, err := r.eng.Desk(r.clerk).Order(r.ctx, id)
	r.must(err)
	if od.Order.DeliveryDate != "2026-12-10" || od.Order.SigningPlace != "大连" {
		t.Fatalf("stored %s %s", od.Order.DeliveryDate, od.Order.SigningPlace)
	}
}
