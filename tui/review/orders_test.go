package review_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestPurchasingRepliesToStockRequest: a stock-up request raised from an
// order waits in purchasing's inbox with what it asks; a wrong reply is
// named at its field; a right one answers it and leaves the inbox.
func TestPurchasingRepliesToStockRequest(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	buyer := f.AddUser("sun", "孙采购", workflow.Purchasing)
	d := f.Engine.Desk(f.Clerk)
	id := f.DraftOrder(f.PrepaidCustomer(), "沈阳", workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "12", Unit: "t", Price: "4500"})
	od, err := d.Order(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	req, err := d.RequestStock(ctx, workflow.StockRequestInput{LineID: od.Order.Lines[0].ID, OnHand: "2", Usage: "每月约10吨"})
	if err != nil {
		t.Fatal(err)
	}

	scr := tuitest.Run(t, f.App(buyer, "zh"))
	scr.WaitText(t, "待审")
	m := regexp.MustCompile(`(\d) 待审`).FindStringSubmatch(scr.Text())
	if m == nil {
		t.Fatalf("no review tab:\n%s", scr.Text())
	}
	scr.Send(key(rune(m[1][0])))
	scr.WaitText(t, "备货申请", "王丽")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "沈阳北方重工集团有限公司", "45# 圆钢 Φ50", "每月约10吨", "10 吨", "可执行: a 答复", "a 答复  esc 返回") // the unit in the user's language
	scr.Send(key('a'))
	scr.WaitText(t, "答复备货申请", "可采购")
	scr.Type("9")
	scr.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	scr.WaitText(t, "请从选项中选择")
	scr.Send(tuitest.Key("backspace"))
	scr.Type("1")
	scr.Send(tuitest.Key("tab"), tuitest.Key("tab"))
	scr.Type(time.Now().AddDate(0, 0, 10).Format("2006-01-02"))
	scr.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	scr.WaitText(t, "已答复", "没有待您审核的单据")
	scr.Quit(t)

	dd, err := f.Engine.Desk(f.Clerk).Document(ctx, req)
	if err != nil || dd.Status != "answered" || !dd.StockRequest.Replied || dd.StockRequest.Reply != store.ReplyWillBuy {
		t.Fatalf("request %+v: %v", dd.StockRequest, err)
	}
}
