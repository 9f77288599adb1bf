package orders

import (
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// TestOrderFormWeighingBasis: a new order shows the basis it takes from
// the customer file (else the desk's); typed over (理计), it is refused
// at the field when not a basis, and saved when it is, and the order's
// detail shows it.
func TestOrderFormWeighingBasis(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "zh")
	r.typeDraft()
	f := r.s.entry.form
	if v := f.Value(workflow.FWeighing); v != "磅计" {
		t.Fatalf("the form starts with %q", v)
	}
	f.FocusField(workflow.FWeighing)
	r.clearField()
	r.Type("按件")
	r.Press("ctrl+s")
	r.MustShow("按件", r.fieldText(workflow.InvalidChoice))
	if n := r.orders(); n != 0 {
		t.Fatalf("%d orders saved with no basis", n)
	}
	f.FocusCell(0, workflow.FUnit)
	r.Type("t")
	f.FocusCell(0, workflow.FPrice)
	r.Type("4120")
	f.FocusField(workflow.FWeighing)
	r.clearField()
	r.Type("理计")
	r.Press("ctrl+s")
	r.MustShow("(临时号)", "计重方式", "理计")
	rows, err := r.eng.Desk(r.clerk).Orders(r.ctx, store.OrderFilter{}, store.Page{Limit: 5})
	r.must(err)
	d, err := r.eng.Desk(r.clerk).Order(r.ctx, rows[0].ID)
	r.must(err)
	if d.Order.Weighing != store.WeighingTheoretical {
		t.Fatalf("saved %q", d.Order.Weighing)
	}
}
