package review_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"orderdesk/store"
	"orderdesk/tui/tuitest"
	"orderdesk/workflow"
)

// TestSupervisorReadsTheQuoteItSignsOff: a quote opened from the inbox
// shows its customer, terms, lines with prices and total, not only its
// number and history.
func TestSupervisorReadsTheQuoteItSignsOff(t *testing.T) {
	f := tuitest.New(t)
	submittedQuote(t, f)

	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "报价单", "鞍山恒达重工机械有限公司")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "鞍山恒达重工机械有限公司", "先款后货", "Q235B", "热轧钢板", "20×1500×6000", "36.5 吨", "4,100.00", "149,650.00", "合计", "¥149,650.00", "可执行: a 通过 / b 退回")
	scr.Quit(t)
}

// The terms and the validity of a quote under review each stand beside
// their own label: "先款后货 7天" read as terms of seven days.
func TestQuoteTermsAndValidityLabelled(t *testing.T) {
	f := tuitest.New(t)
	submittedQuote(t, f)
	for _, c := range []struct{ lang, quote, terms, prepaid, validity, days string }{
		{"zh", "报价单", "付款方式", "先款后货", "有效期", "7天"},
		{"en", "quote", "payment terms", "prepaid", "valid for", "7 days"},
	} {
		scr := tuitest.Run(t, f.App(f.Supervisor, c.lang))
		scr.Send(key('9'))
		scr.WaitText(t, c.quote, "鞍山恒达重工机械有限公司")
		scr.Send(tuitest.Key("enter"))
		scr.WaitText(t, "Q235B")
		text := scr.Text()
		if l := lineWith(text, c.terms); !strings.Contains(l, c.prepaid) || strings.Contains(l, c.days) {
			t.Errorf("%s: the terms line reads %q", c.lang, l)
		}
		if l := lineWith(text, c.validity); !strings.Contains(l, c.days) || strings.Contains(l, c.prepaid) {
			t.Errorf("%s: the validity line reads %q\n%s", c.lang, l, text)
		}
		scr.Quit(t)
	}
}

func lineWith(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// draftQuote is the clerk's draft quote of 36.5 t of plate, not priced,
// for 鞍山恒达重工 on prepaid terms, dated by the app's clock (the days
// typed are the app's); it returns the quote as saved.
func draftQuote(t *testing.T, f *tuitest.Fixture) (quote int64, q workflow.QuoteDetail) {
	t.Helper()
	f.Store.Now = func() time.Time { return tuitest.Clock }
	d := f.Engine.Desk(f.Clerk)
	cust, _, err := d.CreateCustomer(f.Ctx, workflow.CustomerInput{Name: "鞍山恒达重工机械有限公司", PaymentTerms: store.TermsPrepaid})
	f.Must(err)
	in, err := d.NewInquiryInput(f.Ctx, cust)
	f.Must(err)
	in.Lines = []workflow.LineInput{{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Quantity: "36.5", Unit: "t"}}
	inq, _, err := d.CreateInquiry(f.Ctx, in)
	f.Must(err)
	quote, err = d.CreateQuote(f.Ctx, inq)
	f.Must(err)
	q, err = d.Quote(f.Ctx, quote)
	f.Must(err)
	return quote, q
}

// submittedQuote is a priced quote of 鞍山恒达重工 on prepaid terms, valid
// for the default seven days, waiting for the supervisor.
func submittedQuote(t *testing.T, f *tuitest.Fixture) {
	t.Helper()
	d := f.Engine.Desk(f.Clerk)
	quote, q := draftQuote(t, f)
	f.Must(d.PriceLine(f.Ctx, quote, q.Version, q.Quote.Lines[0].ID, "4100"))
	q, _ = d.Quote(f.Ctx, quote)
	f.Must(d.SubmitQuote(f.Ctx, quote, q.Version))
}

// TestOrderPricePerKgIsMarked: an order line priced per kg shows its
// price as ¥/千克 in Review, so the supervisor does not read it as a
// price per tonne of the weight beside it.
func TestOrderPricePerKgIsMarked(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	d := f.Engine.Desk(f.Clerk)
	id := f.DraftOrder(f.PrepaidCustomer(), "沈阳", workflow.OrderLineInput{Grade: "304", Name: "不锈钢板", Spec: "2×1219×2438", Quantity: "200", Unit: "kg",
		Weight: "0.2", Price: "23.50", Basis: store.BasisQty})
	if err := d.SubmitOrder(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "销售订单", "沈阳北方重工集团有限公司")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "23.50/千克", "4,700.00")
	scr.Quit(t)
}

// TestCancellationNamesItsOrder: a cancellation request in Review says
// which contract it ends (number, dates, total), not only the customer
// and the reason.
func TestCancellationNamesItsOrder(t *testing.T) {
	f := tuitest.New(t)
	ctx := context.Background()
	d := f.Engine.Desk(f.Clerk)
	id := f.DraftOrder(f.PrepaidCustomer(), "沈阳", workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "12", Unit: "t", Price: "4500"})
	if err := d.SubmitOrder(ctx, id, 0); err != nil {
		t.Fatal(err)
	}
	if err := f.Engine.Desk(f.Supervisor).Act(ctx, id, workflow.ActionApprove, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := d.RequestCancel(ctx, id, 0, "客户项目取消"); err != nil {
		t.Fatal(err)
	}
	scr := tuitest.Run(t, f.App(f.Supervisor, "zh"))
	scr.Send(key('9'))
	scr.WaitText(t, "订单取消申请", "客户项目取消")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "LNSYNO.0001", tuitest.DeliveryDate(), "¥54,000.00", "客户项目取消")
	scr.Quit(t)
}

// TestRefusedBeforeTheComment: a clerk pressing a on their own terms
// change in "mine" is told at once why not, instead of typing a comment
// that is then refused.
func TestRefusedBeforeTheComment(t *testing.T) {
	f := tuitest.New(t)
	pendingTerms(t, f, f.Clerk, "大连重型机械有限公司")
	scr := tuitest.Run(t, f.App(f.Clerk, "zh"))
	scr.Send(key('9'), key('m'))
	scr.WaitText(t, "我制作、待他人审核(1)", "大连重型机械有限公司")
	scr.Send(tuitest.Key("enter"))
	scr.WaitText(t, "审批记录")
	scr.Send(key('a'))
	scr.WaitText(t, "此操作需要以下角色之一")
	if strings.Contains(scr.Text(), "通过意见") {
		t.Fatalf("a comment was asked for a step refused:\n%s", scr.Text())
	}
	scr.Quit(t)
}
