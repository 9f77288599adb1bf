package orders

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"orderdesk/workflow"
)

// TestDetailGolden draws the detail of a signed-off, signed-back order
// with Chinese names and specs of mixed widths, a stock answer, a
// stock-up request and its history: columns line up by display width.
func TestDetailGolden(t *testing.T) {
	loc := time.Local
	time.Local = time.UTC // the history's times, whatever the machine's zone
	t.Cleanup(func() { time.Local = loc })
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang, plate,
		workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "3.5", Unit: "t", Price: "4500"},
		workflow.OrderLineInput{Grade: "20#", Name: "无缝钢管", Spec: "219×8", Quantity: "12", Unit: "t", Weight: "12.06", Price: "5600"})
	r.approved(id)
	d := r.eng.Desk(r.clerk)
	r.must(d.RecordSignBack(r.ctx, id, 0, "2026-11-26", "传真回传"))
	od, err := d.Order(r.ctx, id)
	r.must(err)
	r.must(r.eng.Desk(r.planner).RecordStockAnswer(r.ctx, od.Order.Lines[1].ID,
		workflow.StockAnswerInput{Answer: "purchase", MeetOn: "2026-12-08"}))
	_, err = d.RequestStock(r.ctx, workflow.StockRequestInput{LineID: od.Order.Lines[1].ID, OnHand: "0", Usage: "每月约5吨"})
	r.must(err)

	r.open(r.clerk, "zh")
	r.Send(openMsg(id))
	r.MustShow("LNSYNO.0001", "需采购")
	for i := range r.s.audit {
		r.s.audit[i].At = clock // written by the database's own clock
	}
	golden.RequireEqual(t, r.View())
}
