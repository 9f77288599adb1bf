package orders

import (
	"strings"
	"testing"

	"orderdesk/workflow"
)

// shipPart drafts a note of qty of an order's first line, has it signed
// off, paid (prepaid customer), loaded and dispatched: it has shipped.
func (r *rig) shipPart(order int64, qty string) {
	r.t.Helper()
	sys, _ := r.eng.SystemUser(r.ctx)
	fin, err := r.eng.AddUser(r.ctx, sys, "chen", "陈会计", "", []workflow.Role{workflow.Finance})
	r.must(err)
	wh, err := r.eng.AddUser(r.ctx, sys, "liu", "刘仓管", "", []workflow.Role{workflow.Warehouse})
	r.must(err)
	d := r.eng.Desk(r.clerk)
	in, open, err := d.NewDeliveryInput(r.ctx, order)
	r.must(err)
	in.ShipOn = "2026-11-26"
	in.Lines = []workflow.DeliveryLineInput{{OrderLineID: open[0].OrderLineID, Quantity: qty}}
	note, err := d.CreateDelivery(r.ctx, in)
	r.must(err)
	r.must(d.SubmitDelivery(r.ctx, note, 0))
	r.must(r.eng.Desk(r.boss).Act(r.ctx, note, workflow.ActionApprove, ""))
	g, err := d.GateOf(r.ctx, note)
	r.must(err)
	r.must(r.eng.Desk(fin).ConfirmPayment(r.ctx, workflow.PaymentInput{NoteID: note, Amount: g.Due.String(), Method: "电汇"}))
	n, err := r.eng.Desk(wh).Delivery(r.ctx, note)
	r.must(err)
	var loads []workflow.LoadInput
	for _, l := range n.Note.Lines {
		loads = append(loads, workflow.LoadInput{LineID: l.ID, Qty: l.Qty.String(), Weight: l.Weight.String()})
	}
	r.must(r.eng.Desk(wh).Load(r.ctx, note, 0, loads))
	r.must(d.Dispatch(r.ctx, note, 0, workflow.DispatchInput{Carrier: "沈阳顺达物流", Vehicle: "辽A12345",
		ShippedAt: "2026-11-26 09:00", ExpectedOn: "2026-11-27", SignedBy: "李师傅", SignedOn: "2026-11-26"}))
}

// TestDetailShowsFulfilment: after part of a line has shipped the order
// shows per line what was ordered, shipped (quantity and weight), what no
// note holds yet and what is open to invoice; the list says 部分发货.
func TestDetailShowsFulfilment(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang, plate,
		workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "3.5", Unit: "t", Price: "4500"})
	r.approved(id)
	r.must(r.eng.Desk(r.clerk).RecordSignBack(r.ctx, id, 0, "2026-11-26", ""))
	r.shipPart(id, "10.35")

	r.open(r.clerk, "zh")
	r.MustShow("部分发货")
	r.Send(openMsg(id))
	r.MustShow("执行情况", "已发", "待开票")
	var row1, row2 string
	for _, l := range strings.Split(r.View(), "\n") {
		f := strings.Fields(l)
		if len(f) == 9 && f[0] == "1" {
			row1 = strings.Join(f, " ")
		}
		if len(f) == 9 && f[0] == "2" {
			row2 = strings.Join(f, " ")
		}
	}
	// ordered, shipped, shipped t, on notes, open, open t, invoiced, to invoice
	if want := "1 25.35 10.35 10.35 0 15 15 0 10.35"; row1 != want {
		t.Fatalf("line 1 reads %q, want %q\n%s", row1, want, r.View())
	}
	if want := "2 3.5 0 0 0 3.5 3.5 0 0"; row2 != want {
		t.Fatalf("line 2 reads %q, want %q", row2, want)
	}
}
