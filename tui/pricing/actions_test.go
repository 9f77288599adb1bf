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
	r.showAs(r.clerk, "zh", q)
	r.Press("down")
	r.Press("r")
	r.MustShow("单价申请备注(可空):")
	r.Type("客户急要,请今天回复")
	r.Press("enter")
	r.MustStatus("已向采购申请第2行单价")
	r.MustShow("待采购答复", "DJ2026-000001 待答复")
	// Asking twice is refused in the workflow's words.
	r.Press("r")
	r.MustStatus("该行已有待答复的单价申请")

	reqs, err := r.Engine.Desk(r.buyer).PriceRequestsToAnswer(r.Ctx)
	r.Must(err)
	if len(reqs) != 1 || reqs[0].Note != "客户急要,请今天回复" {
		t.Fatalf("purchasing sees %+v", reqs)
	}
	r.Must(r.Engine.Desk(r.buyer).AnswerPriceRequest(r.Ctx, reqs[0].ID, 0, "4188", "按本周到货价"))
	r.MustShow("¥4,188.00/吨", "¥13,401.60", "采购答复")
	r.MustNotShow("待采购答复")
}

// After the supervisor's sign-off the clerk marks the quote sent; the
// customer's answer closes it: lost with the reason.
func TestSendThenLoseWithAReason(t *testing.T) {
	r := newRig(t)
	q := r.submittedQuote()
	r.showAs(r.clerk, "en", q)
	r.MustShow("version 1 · submitted")
	r.Press("a") // a clerk does not sign off quotes: the workflow says so
	r.Press("enter")
	r.MustStatus("needs one of the roles: supervisor")
	r.Press("esc")
	r.Must(r.Engine.Desk(r.boss).Act(r.Ctx, q, workflow.ActionApprove, "价格合理"))
	r.MustShow("version 1 · approved", "赵主管 approved: 价格合理")
	r.Press("m")
	r.MustShow("version 1 · sent", "(until 2026-12-03)")
	r.Press("l")
	r.MustShow("why it was lost:")
	r.Press("enter")
	r.MustStatus("a comment is required")
	r.Type("对方选了鞍钢直供")
	r.Press("enter")
	r.MustShow("version 1 · lost", "lost: 对方选了鞍钢直供")
	if d := r.detail(q); d.Status != "lost" {
		t.Fatalf("status %s", d.Status)
	}
}

// A won quote is never revised: v says so.
func TestReviseAWonQuoteIsRefused(t *testing.T) {
	r := newRig(t)
	q := r.sentQuote()
	r.showAs(r.clerk, "zh", q)
	r.Press("w")
	r.MustShow("确认报价 BJ2026-000001 已成交?")
	r.Press("enter")
	r.MustShow("第1版 · 已成交")
	r.Press("v")
	if st := r.MustStatus("报价已成交,不能再修订"); !st.Error {
		t.Fatal("not an error")
	}
}

// v makes a new version that goes through review again; c shows every
// version side by side with the prices that moved marked.
func TestReviseAndCompareVersions(t *testing.T) {
	r := newRig(t)
	q := r.sentQuote()
	r.showAs(r.clerk, "zh", q)
	r.MustShow("第1版 · 已发客户")
	r.Press("v")
	r.MustStatus("BJ2026-000001 已修订")
	r.MustShow("报价单 BJ2026-000001/2 · 第2版 · 草稿", "共 2 版,c 对比")
	r.Press("enter") // line 1, priced as copied
	r.MustShow("单价(元/吨): 3850.00")
	for range 7 {
		r.Press("backspace")
	}
	r.Type("3790")
	r.Press("enter") // no other line waits for a price: the input closes
	r.MustShow("¥3,790.00/吨")
	r.Press("c")
	r.MustShow("报价 BJ2026-000001 各版本对比", "第1版", "第2版", "已修订", "草稿", "↓¥3,790.00/吨", "¥3,850.00/吨")
	r.Press("esc")
	r.MustShow("第2版 · 草稿")
	r.Press("t")
	r.MustStatus("已提交审核")
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
	r.MustShow("需跟进 1 张(发出超过 3 天未回复)")
	r.Press("right", "right", "right", "right")
	r.MustShow("已发待回复", "BJ2026-000001", "跟进:已等6天", "BJ2026-000002")
	r.Press("down", "enter")
	r.MustShow("报价单 BJ2026-000002", "大连造船厂")
	r.MustNotShow("跟进:已等")
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
	r.MustShow("报价单 " + ref)
	r.Deliver(quoteMsg{seq: r.s.d.seq, id: first, q: old})
	r.MustShow("报价单 " + ref)
	if r.s.d.id != second {
		t.Fatalf("the late load of quote %d replaced quote %d", first, second)
	}
}
