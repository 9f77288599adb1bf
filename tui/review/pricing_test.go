package review_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// priceRequest has the clerk draft a quote of one line with no price and
// ask purchasing for it; it returns the quote, its line and a purchasing
// user.
func priceRequest(t *testing.T, f *tuitest.Fixture) (quote, line int64, buyer store.User) {
	t.Helper()
	quote, q := draftQuote(t, f)
	line = q.Quote.Lines[0].ID
	_, err := f.Engine.Desk(f.Clerk).RequestQuoteLinePrice(f.Ctx, line, "客户急要,请今天回复")
	f.Must(err)
	return quote, line, f.AddUser("sun", "孙采购", workflow.Purchasing)
}

// TestPurchasingAnswersAPriceRequest: the request waits in purchasing's
// inbox with its line, quantity, customer and the clerk's note, and in
// the clerk's "mine" list; a bad price is marked at the field with the
// input kept; the answer prices the clerk's quote line and leaves both
// lists at once.
func TestPurchasingAnswersAPriceRequest(t *testing.T) {
	f := tuitest.New(t)
	quote, line, buyer := priceRequest(t, f)
	clerk := tuitest.Run(t, f.App(f.Clerk, "zh"))
	clerk.Send(key('9'), key('m'))
	clerk.WaitText(t, "单价申请", "Q235B 热轧钢板 20×1500×6000 · 36.5吨 · 鞍山恒达重工机械有限公司")

	scr := tuitest.Run(t, f.App(buyer, "zh"))
	scr.Send(key('9')) // Review is 9 for purchasing too
	scr.WaitText(t, "单价申请", "Q235B 热轧钢板 20×1500×6000 · 36.5吨 · 鞍山恒达重工机械有限公司", "王丽")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "鞍山恒达重工机械有限公司", "36.5 吨", "客户急要,请今天回复", "a 答复")
	scr.Send(key('a'))
	scr.WaitText(t, "答复单价申请 DJ2026-", "单价(元/吨)")
	scr.Type("41OO")
	scr.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	scr.WaitText(t, "41OO", "不是数字")
	if q, _ := f.Engine.Desk(f.Clerk).Quote(context.Background(), quote); q.Quote.Lines[0].Priced {
		t.Fatal("a bad answer priced the line")
	}
	for range 4 {
		scr.Send(tuitest.Key("backspace"))
	}
	scr.Type("4100.5")
	scr.Send(tuitest.Key("tab"))
	scr.Type("鞍钢出厂价加运费")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "已答复 DJ2026-", "待我审核(0)")
	clerk.WaitGone(t, "鞍山恒达重工机械有限公司")
	scr.Quit(t)
	clerk.Quit(t)

	q, err := f.Engine.Desk(f.Clerk).Quote(context.Background(), quote)
	if err != nil {
		t.Fatal(err)
	}
	l := q.Quote.Lines[0]
	if l.ID != line || !l.Priced || l.Price != 410050 {
		t.Fatalf("the quote line after the answer: %+v", l)
	}
}

// TestAClerkCannotAnswerTheirOwnRequest: a has nothing to answer with in
// the clerk's own list, and says why.
func TestAClerkCannotAnswerTheirOwnRequest(t *testing.T) {
	f := tuitest.New(t)
	priceRequest(t, f)
	scr := tuitest.Run(t, f.App(f.Clerk, "en"))
	scr.Send(key('9'), key('m'))
	scr.WaitText(t, "price request", "36.5t")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "request note", "waiting for purchasing")
	scr.Send(key('a'))
	scr.WaitText(t, "price requests are answered by purchasing")
	scr.Quit(t)
}
