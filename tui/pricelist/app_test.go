package pricelist_test

import (
	"context"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

var key = tuitest.Char

var enter, tab, save = tuitest.Key("enter"), tuitest.Key("tab"), tuitest.Key("ctrl+s")

// desk is a fixture at the app's clock with a second supervisor and the
// price list holding one price.
func desk(t *testing.T) (*tuitest.Fixture, store.User) {
	t.Helper()
	ctx := context.Background()
	f := tuitest.NewAtClock(t)
	boss2 := f.AddUser("qian", "钱主管", workflow.Supervisor)
	id, _, err := f.Engine.Desk(f.Clerk).ProposePriceChange(ctx, workflow.PriceChangeInput{Reason: "年度价格表",
		Lines: []workflow.PriceLineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: "4150", ValidFrom: "2026-11-26"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Engine.Desk(f.Supervisor).Act(ctx, id, workflow.ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	return f, boss2
}

// TestAPriceChangeTakesEffectOnlyWhenAnotherApproves: a clerk who is
// also a supervisor proposes a new price on the price list screen, is
// refused approving it in Review, and sees the new price in the list as
// soon as another supervisor approves it.
func TestAPriceChangeTakesEffectOnlyWhenAnotherApproves(t *testing.T) {
	f, boss2 := desk(t)
	maker := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	maker.Send(key('4'))
	maker.WaitText(t, "价目表 · 2026-11-26 有效", "4,150.00")
	maker.Send(key('n'))
	maker.WaitText(t, "提议价目表变更")
	maker.Type("跟随鞍钢下调")
	maker.Send(tab)
	for _, cell := range []string{"q235b", "热轧钢板", "20x1500x6000", "吨", "4080", "2026/11/26"} {
		maker.Type(cell)
		maker.Send(tab)
	}
	maker.Send(save)
	maker.WaitText(t, "待审的价目表变更 (1)", "跟随鞍钢下调", "待审核")

	maker.Send(key('9'), key('m'))
	maker.WaitText(t, "我制作、待他人审核(1)", "跟随鞍钢下调")
	maker.Send(enter)
	maker.WaitText(t, "变更原因", "原价(元)", "4,150.00", "4,080.00")
	maker.Send(key('a')) // refused at once, before a comment is typed for nothing
	maker.WaitText(t, "这是您制作的单据,须由他人审核")

	checker := tuitest.Run(t, f.App(boss2, "zh"))
	checker.Send(key('9'))
	checker.WaitText(t, "待我审核(1)", "价目表变更", "跟随鞍钢下调")
	checker.Send(enter)
	checker.WaitText(t, "4,150.00", "4,080.00")
	checker.Send(key('a'))
	checker.WaitText(t, "通过意见")
	checker.Type("同意")
	checker.Send(enter)
	checker.WaitText(t, "已审核通过", "待我审核(0)")

	maker.Send(tuitest.Key("esc"), key('4'))
	maker.WaitText(t, "待审的价目表变更 (0)", "没有待审的变更") // the approval reached this desk's list
	maker.Send(key('c'))
	maker.WaitText(t, "价目表 · 2026-11-26 有效", "4,080.00")
	maker.WaitGone(t, "4,150.00")
	maker.Send(enter)
	maker.WaitText(t, "价格记录 · Q235B 热轧钢板 20×1500×6000", "4,150.00", "4,080.00")
	checker.Quit(t)
	maker.Quit(t)
}

// TestAMarketPriceRecordedShowsAsTheNewest: purchasing records a price
// from the Wuxi market; it shows as that source's newest, and beside the
// other sources in its history.
func TestAMarketPriceRecordedShowsAsTheNewest(t *testing.T) {
	f, _ := desk(t)
	ctx := context.Background()
	buyer := f.AddUser("sun", "孙采购", workflow.Purchasing)
	if _, err := f.Engine.Desk(buyer).RecordMarketPrice(ctx, workflow.MarketPriceInput{Source: "wuxi", Grade: "Q235B", Name: "热轧钢板",
		Spec: "20×1500×6000", Price: "4020", On: "2026-11-24"}); err != nil {
		t.Fatal(err)
	}
	clerk := tuitest.Run(t, f.App(f.Clerk, "en"))
	clerk.Send(key('4'), key('m'))
	clerk.WaitText(t, "Market prices · newest of each source", "Wuxi", "4,020.00", "2026-11-24")

	scr := tuitest.Run(t, f.App(buyer, "en"))
	scr.Send(key('4'), key('m')) // the price list is 4 for purchasing too
	scr.WaitText(t, "Wuxi", "4,020.00")
	scr.Send(key('n'))
	scr.WaitText(t, "Record a market price")
	// Filled from the row: only the price and the date to type.
	scr.Type("4,035")
	scr.Send(tab)
	scr.Type("11-26")
	scr.Send(tab)
	scr.Type("午盘")
	scr.Send(save)
	scr.WaitText(t, "market price recorded", "4,035.00", "2026-11-26")
	scr.WaitGone(t, "4,020.00")
	// The clerk's list follows without a key.
	clerk.WaitText(t, "4,035.00")
	clerk.WaitGone(t, "4,020.00")
	clerk.Send(enter)
	clerk.WaitText(t, "Market price history · Q235B 热轧钢板 20×1500×6000 · Wuxi", "Wuxi ¥4,035.00 (2026-11-26)", "4,020.00", "午盘")
	scr.Quit(t)
	clerk.Quit(t)
}
