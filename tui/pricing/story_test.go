package pricing_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

var key = tuitest.Char

var enter, esc, backspace = tuitest.Key("enter"), tuitest.Key("esc"), tuitest.Key("backspace")

// story is the desk: a senior clerk (clerk and supervisor, so
// only the two-person rule stops them signing their own quote), the
// supervisor, purchasing, a catalogue and a customer, on a clock that
// starts an hour before the screens' fixed one.
type story struct {
	*tuitest.Fixture
	maker, buyer store.User
	cust         int64
}

func newStory(t *testing.T) *story {
	t.Helper()
	f := tuitest.New(t)
	var mu sync.Mutex
	now := tuitest.Clock.Add(-time.Hour)
	f.Store.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
	ctx := context.Background()
	sys, _ := f.Engine.SystemUser(ctx)
	s := &story{Fixture: f}
	var err error
	if s.maker, err = f.Engine.AddUser(ctx, sys, "liqiang", "李强", "", []workflow.Role{workflow.Clerk, workflow.Supervisor}); err != nil {
		t.Fatal(err)
	}
	if s.buyer, err = f.Engine.AddUser(ctx, sys, "sun", "孙采购", "", []workflow.Role{workflow.Purchasing}); err != nil {
		t.Fatal(err)
	}
	d := f.Engine.Desk(s.maker)
	for _, in := range []workflow.ProductInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Unit: "kg"},
	} {
		if _, err := d.SaveProduct(ctx, store.Product{}, in); err != nil {
			t.Fatal(err)
		}
	}
	if s.cust, _, err = d.CreateCustomer(ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械有限公司", PaymentTerms: store.TermsPrepaid}); err != nil {
		t.Fatal(err)
	}
	if err := f.Engine.SetPassphrase(ctx, f.Supervisor, "zhao", "correct horse"); err != nil {
		t.Fatal(err)
	}
	return s
}

// The story on the Pricing screen: a quote for an inquiry is
// priced from the keyboard, one line through a price request that
// purchasing answers in another session; submitted; its maker is refused
// signing it in the Review screen; the supervisor signs it at the desk;
// it is marked sent, revised, and both versions are compared.
func TestTeaQuoteStory(t *testing.T) {
	s := newStory(t)
	ctx := context.Background()
	d := s.Engine.Desk(s.maker)
	in, err := d.NewInquiryInput(ctx, s.cust)
	if err != nil {
		t.Fatal(err)
	}
	in.Lines = []workflow.LineInput{
		{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "25.5", Unit: "t"},
		{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "3.2", Unit: "t"},
		{Grade: "304", Name: "不锈钢板", Spec: "2.0×1219×2438", Quantity: "850", Unit: "kg"},
	}
	inq, _, err := d.CreateInquiry(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	// The Inquiries screen drafts the quote (p) and opens it here.
	scr := tuitest.Run(t, s.App(s.maker, "zh"))
	scr.Send(key('2'))
	scr.WaitText(t, "鞍山恒达重工机械有限公司")
	scr.Send(key('p'))
	scr.WaitText(t, "报价单 BJ2026-000001 · 第1版 · 草稿", "鞍山恒达重工机械有限公司", "(3 行未定价)")
	quotes, err := d.Quotes(ctx, store.DocFilter{}, store.Page{})
	if err != nil || len(quotes) != 1 || quotes[0].InquiryID != inq {
		t.Fatalf("the quote drafted: %+v %v", quotes, err)
	}
	q := quotes[0].ID

	// Two lines priced in one go; the third goes to purchasing.
	scr.Send(enter)
	scr.Type("3850")
	scr.Send(enter)
	scr.Type("4120.5")
	scr.Send(enter)
	scr.WaitText(t, "▸   3 304", "单价(元/千克):", "¥4,120.50/吨")
	scr.Send(esc, key('r'))
	scr.WaitText(t, "单价申请备注(可空):")
	scr.Type("不锈板请核价")
	scr.Send(enter)
	scr.WaitText(t, "待采购答复", "DJ2026-000001 待答复", "¥3,850.00/吨", "¥98,175.00")

	reqs, err := s.Engine.Desk(s.buyer).PriceRequestsToAnswer(ctx)
	if err != nil || len(reqs) != 1 {
		t.Fatalf("purchasing's inbox: %v %v", reqs, err)
	}
	if err := s.Engine.Desk(s.buyer).AnswerPriceRequest(ctx, reqs[0].ID, 0, "28.6", ""); err != nil {
		t.Fatal(err)
	}
	scr.WaitText(t, "¥28.60/千克", "¥24,310.00", "采购答复", "合计 ¥135,670.60")
	scr.WaitGone(t, "待采购答复")

	scr.Send(key('t'))
	scr.WaitText(t, "第1版 · 待审核", "BJ2026-000001 已提交审核")

	// The maker holds the supervisor's role, yet may not sign their own.
	// Digits typed on a quote never switch screens; shift+tab does, and
	// keeps the quote open for the way back (Pricing is 3, Review 9; the
	// way back passes the screens without a digit).
	scr.Send(append(tuitest.BackTabs(t, s.maker, workflow.ScreenPricing, workflow.ScreenReview), key('m'))...)
	scr.WaitText(t, "我制作、待他人审核(1)", "鞍山恒达重工机械有限公司", "李强")
	scr.Send(enter)
	scr.WaitText(t, "审批记录")
	scr.Send(key('a')) // refused at once, before a comment is typed for nothing
	scr.WaitText(t, "这是您制作的单据,须由他人审核")
	// The supervisor signs at this terminal with their own passphrase.
	scr.Send(key('s'))
	scr.WaitText(t, "在此终端签字")
	scr.Type("zhao")
	scr.Send(enter)
	scr.Type("correct horse")
	scr.Send(enter, enter)
	scr.Type("价格合理")
	scr.Send(enter)
	scr.WaitText(t, "我制作、待他人审核(0)")

	// Back on the quote: approved, live.
	scr.Send(key('3'))
	scr.WaitText(t, "第1版 · 已审核", "赵主管 审核通过: 价格合理")
	scr.Send(key('m'))
	scr.WaitText(t, "第1版 · 已发客户")

	// The customer wants a better price: a new version, reviewed again.
	scr.Send(key('v'))
	scr.WaitText(t, "报价单 BJ2026-000001/2 · 第2版 · 草稿", "共 2 版,c 对比")
	scr.Send(enter)
	scr.WaitText(t, "单价(元/吨): 3850.00")
	for range 7 {
		scr.Send(backspace)
	}
	scr.Type("3790")
	scr.Send(enter)
	scr.WaitText(t, "¥3,790.00/吨", "¥96,645.00")
	scr.Send(key('c'))
	scr.WaitText(t, "报价 BJ2026-000001 各版本对比", "第1版", "第2版", "已修订", "↓¥3,790.00/吨", "¥3,850.00/吨", "¥28.60/千克")
	scr.Quit(t)

	v2, err := d.Quote(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if v2.Status != "revised" || len(v2.Versions) != 2 {
		t.Fatalf("version 1 is %s with %d versions", v2.Status, len(v2.Versions))
	}
	last := v2.Transitions
	signed := false
	for _, tr := range last {
		if tr.Action == workflow.ActionApprove && tr.ActorID == s.Supervisor.ID && tr.SessionUserID == s.maker.ID {
			signed = true
		}
	}
	if !signed {
		t.Fatalf("not signed by the supervisor at the maker's desk: %+v", last)
	}
}
