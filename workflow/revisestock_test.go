package workflow

import "testing"

// TestRevisionKeepsStockAnswers: a revision is a copy of the order in
// force, so planning's answers carry over to its lines; the new version
// still needs a second person's sign-off.
func TestRevisionKeepsStockAnswers(t *testing.T) {
	o := newOrders(t)
	id := o.order(o.clerk, o.shenyang, plateLine, oline("45#", "圆钢", "Φ50", "12", "t", "", "4500"))
	o.approved(id, o.clerk, o.boss)
	od := o.detail(o.clerk, id)
	o.must(o.e.Desk(o.planner).RecordStockAnswer(o.ctx, od.Order.Lines[0].ID, StockAnswerInput{Answer: "in_stock"}))
	o.must(o.e.Desk(o.planner).RecordStockAnswer(o.ctx, od.Order.Lines[1].ID,
		StockAnswerInput{Answer: "partial", Available: "4", MeetOn: "2026-11-18", Note: "宝钢到货"}))
	rev, err := o.e.Desk(o.clerk).ReviseOrder(o.ctx, id, 0)
	o.must(err)
	rd := o.detail(o.clerk, rev)
	if len(rd.Order.Lines) != 2 {
		t.Fatalf("%d lines", len(rd.Order.Lines))
	}
	a, b := rd.Order.Lines[0].Stock, rd.Order.Lines[1].Stock
	if a == nil || a.Answer != "in_stock" {
		t.Fatalf("line 1 answer %+v", a)
	}
	if b == nil || b.Answer != "partial" || b.Available != 4000 || b.MeetOn != "2026-11-18" || b.Note != "宝钢到货" {
		t.Fatalf("line 2 answer %+v", b)
	}
	if b.LineID != rd.Order.Lines[1].ID {
		t.Fatal("the answer is not the new line's")
	}
	// The old version keeps its own.
	if old := o.detail(o.clerk, id).Order.Lines[1].Stock; old == nil || old.Answer != "partial" {
		t.Fatalf("the old version lost its answer: %+v", old)
	}
	o.must(o.e.Desk(o.clerk).SubmitOrder(o.ctx, rev, 0))
	refused(t, o.e.Desk(o.clerk).Act(o.ctx, rev, ActionApprove, ""), RoleNotAllowed)
	o.must(o.e.Desk(o.boss).Act(o.ctx, rev, ActionApprove, ""))
}
