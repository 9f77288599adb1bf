package pricing

import (
	"testing"
	"time"

	"orderdesk/workflow"
)

// r on an unpriced line asks purchasing; the line waits for them, and
// fills in by itself when purchasing answers in another session.
func TestPriceRequestAnsweredFillsTheLine(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.open(r.clerk, "zh")
	r.show(q)
	r.press("down")
	r.press("r")
	r.mustShow("单价申请备注(可空):")
	r.typ("客户急要,请今天回复")
	r.press("enter")
	r.mustStatus("已向采购申请第2行单价")
	r.mustShow("待采购答复", "DJ2026-000001 待答复")
	// Asking twice is refused in the workflow's words.
	r.press("r")
	r.mustStatus("该行已有待答复的单价申请")

	reqs, err := r.eng.Desk(r.buyer).PriceRequestsToAnswer(r.ctx)
	r.must(err)
	if len(reqs) != 1 || reqs[0].Note != "客户急要,请今天回复" {
		t.Fatalf("purchasing sees %+v", reqs)
	}
	r.must(r.eng.Desk(r.buyer).AnswerPriceRequest(r.ctx, reqs[0].ID, 0, "4188", "按本周到货价"))
	r.mustShow("¥4,188.00/吨", "¥13,401.60", "采购答复")
	r.mustNotShow("待采购答复")
}

// After the supervisor's sign-off the clerk marks the quote sent; the
// customer's answer closes it: lost with the reason.
func TestSendThenLoseWithAReason(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "3850", "4100", "30")
	r.must(r.eng.Desk(r.clerk).SubmitQuote(r.ctx, q, 0))
	r.open(r.clerk, "en")
	r.show(q)
	r.mustShow("version 1 · submitted")
	r.press("a") // a clerk does not sign off quotes: the workflow says so
	r.press("enter")
	r.mustStatus("needs one of the roles: supervisor")
	r.press("esc")
	r.must(r.eng.Desk(r.boss).Act(r.ctx, q, workflow.ActionApprove, "价格合理"))
	r.mustShow("version 1 · approved", "赵主管 approved: 价格合理")
	r.press("m")
	r.mustShow("version 1 · sent", "(until 2026-12-03)")
	r.press("l")
	r.mustShow("why it was lost:")
	r.press("enter")
	r.mustStatus("a comment is required")
	r.typ("对方选了鞍钢直供")
	r.press("enter")
	r.mustShow("version 1 · lost", "lost: 对方选了鞍钢直供")
	if d := r.detail(q); d.Status != "lost" {
		t.Fatalf("status %s", d.Status)
	}
}

// A won quote is never revised: v says so.
func TestReviseAWonQuoteIsRefused(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "3850", "4100", "30")
	r.sent(q)
	r.open(r.clerk, "zh")
	r.show(q)
	r.press("w")
	r.mustShow("确认报价 BJ2026-000001 已成交?")
	r.press("enter")
	r.mustShow("第1版 · 已成交")
	r.press("v")
	if st := r.mustStatus("报价已成交,不能再修订"); !st.Error {
		t.Fatal("not an error")
	}
}

// v makes a new version that goes through review again; c shows every
// version side by side with the prices that moved marked.
func TestReviseAndCompareVersions(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "3850", "4100", "30")
	r.sent(q)
	r.open(r.clerk, "zh")
	r.show(q)
	r.mustShow("第1版 · 已发客户")
	r.press("v")
	r.mustStatus("BJ2026-000001 已修订")
	r.mustShow("报价单 BJ2026-000001/2 · 第2版 · 草稿", "共 2 版,c 对比")
	r.press("enter") // line 1, priced as copied
	r.mustShow("单价(元/吨): 3850.00")
	for range 7 {
		r.press("backspace")
	}
	r.typ("3790")
	r.press("enter") // no other line waits for a price: the input closes
	r.mustShow("¥3,790.00/吨")
	r.press("c")
	r.mustShow("报价 BJ2026-000001 各版本对比", "第1版", "第2版", "已修订", "草稿", "↓¥3,790.00/吨", "¥3,850.00/吨")
	r.press("esc")
	r.mustShow("第2版 · 草稿")
	r.press("t")
	r.mustStatus("已提交审核")
	if d := r.detail(r.s.d.id); d.Status != "submitted" || d.Quote.Revision != 2 {
		t.Fatalf("the revision is %s, version %d", d.Status, d.Quote.Revision)
	}
}

// Quotes sent and unanswered for longer than the configured days are
// flagged on the list.
func TestSentQuotesAreFlaggedForFollowUp(t *testing.T) {
	r := newRig(t)
	r.at(clock.AddDate(0, 0, -6))
	old := r.quote(r.cust, threeLines()...)
	r.priceAll(old, "3850", "4100", "30")
	r.sent(old)
	r.at(clock.Add(-time.Hour))
	fresh := r.quote(r.other, threeLines()...)
	r.priceAll(fresh, "3850", "4100", "30")
	r.sent(fresh)
	r.open(r.clerk, "zh")
	r.mustShow("需跟进 1 张(发出超过 3 天未回复)")
	r.press("right", "right", "right", "right")
	r.mustShow("已发待回复", "BJ2026-000001", "跟进:已等6天", "BJ2026-000002")
	r.press("down", "enter")
	r.mustShow("报价单 BJ2026-000002", "大连造船厂")
	r.mustNotShow("跟进:已等")
}

// A load of the quote shown before, answered late, never replaces the
// one opened since, even when it carries the same load count.
func TestLateLoadOfAnotherQuoteIsDropped(t *testing.T) {
	r := newRig(t)
	first := r.quote(r.cust, threeLines()...)
	second := r.quote(r.cust, threeLines()...)
	r.open(r.clerk, "zh")
	r.show(first)
	old := r.detail(first)
	r.show(second)
	ref := r.detail(second).Ref
	r.mustShow("报价单 " + ref)
	r.deliver(quoteMsg{seq: r.s.d.seq, id: first, q: old})
	r.mustShow("报价单 " + ref)
	if r.s.d.id != second {
		t.Fatalf("the late load of quote %d replaced quote %d", first, second)
	}
}
