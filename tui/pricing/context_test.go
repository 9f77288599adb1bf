package pricing

import (
	"testing"

	"orderdesk/store"
	"orderdesk/workflow"
)

// pricedHistory gives Q235B 20×1500×6000 a list price, two market
// prices, and an earlier quote to the customer that was sent and won.
func (r *rig) pricedHistory() {
	r.t.Helper()
	id, _, err := r.Engine.Desk(r.clerk).ProposePriceChange(r.Ctx, workflow.PriceChangeInput{Reason: "月初调价", Lines: []workflow.PriceLineInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: "3800", ValidFrom: "2026-11-26"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t", Price: "4300", ValidFrom: "2026-11-26"},
	}})
	r.Must(err)
	r.Must(r.Engine.Desk(r.boss).Act(r.Ctx, id, workflow.ActionApprove, ""))
	for _, m := range []workflow.MarketPriceInput{
		{Source: "本地", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "3760", On: "2026-11-25"},
		{Source: "沈阳", Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Price: "3790", On: "2026-11-24"},
		{Source: "无锡", Grade: "45#", Name: "圆钢", Spec: "Φ50", Price: "4250", On: "2026-11-20"},
	} {
		_, err := r.Engine.Desk(r.clerk).RecordMarketPrice(r.Ctx, m)
		r.Must(err)
	}
	old := r.quote(r.cust, line("Q235B", "热轧钢板", "20×1500×6000", "10", "t"))
	r.priceAll(old, "3900")
	r.sent(old)
	r.Must(r.Engine.Desk(r.clerk).Act(r.Ctx, old, workflow.ActionWin, ""))
}

// The price context follows the cursor: the list price, what this
// customer was quoted and sold, and each market's latest price with its
// day.
func TestPriceContextFollowsTheCursor(t *testing.T) {
	r := newRig(t)
	r.pricedHistory()
	q := r.quote(r.cust, threeLines()...)
	r.showAs(r.clerk, "zh", q)
	// A new quote is priced from the list where it can be; the cursor
	// starts on the first line without a price.
	r.MustShow("▸   3 304", "价格参考 · 第3行 304 不锈钢板")
	r.Press("up", "up")
	r.MustShow("价格参考 · 第1行 Q235B 热轧钢板 20×1500×6000", "¥3,800.00/吨", "2026-11-26 起",
		"上次报价", "¥3,900.00/吨", "BJ2026-000001", "本地经销商", "¥3,760.00/吨", "2026-11-25", "沈阳市场", "¥3,790.00/吨", "2026-11-24")
	r.Press("down")
	r.MustShow("价格参考 · 第2行 45# 圆钢 Φ50", "¥4,300.00/吨", "¥4,250.00/吨", "2026-11-20")
	r.MustNotShow("¥3,790.00/吨")

	// An answer for a line the cursor left is dropped.
	stale := r.s.d.pcSeq - 1
	r.Send(contextMsg{seq: stale, lineID: r.s.lines()[0].ID})
	r.MustShow("价格参考 · 第2行 45# 圆钢 Φ50", "¥4,250.00/吨")
}

// A sales rep sees the list and market prices of another rep's
// customer, never what that customer was quoted or sold.
func TestMoneyHiddenFromAnotherRep(t *testing.T) {
	r := newRig(t)
	r.pricedHistory()
	q := r.quote(r.cust, threeLines()...)
	sys, _ := r.Engine.SystemUser(r.Ctx)
	other, err := r.Engine.AddUser(r.Ctx, sys, "zheng", "郑销售", "", []workflow.Role{workflow.SalesRep})
	r.Must(err)
	r.open(other, "zh")
	r.show(q)
	r.MustShow("—(无权查看)", "合计 —(无权查看)")
	r.MustNotShow("¥98,175.00", "¥3,900.00")
	// The rep who owns the customer sees it all.
	r.showAs(r.rep, "zh", q)
	r.Press("up", "up")
	r.MustShow("¥3,800.00/吨", "上次报价", "¥3,900.00/吨")
	if d := r.detail(q); d.Quote.Lines[0].Source != store.SourceList {
		t.Fatalf("line 1 was not priced from the list: %+v", d.Quote.Lines[0])
	}
}
