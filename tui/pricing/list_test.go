package pricing

import (
	"strings"
	"testing"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// The list shows drafts first; / filters by customer name or mnemonic;
// a quote drafted in another session appears without a key.
func TestListFiltersAndRefreshesLive(t *testing.T) {
	r := newRig(t)
	r.quote(r.cust, threeLines()...)
	r.open(r.clerk, "zh")
	r.MustShow("草稿", "BJ2026-000001", "鞍山恒达重工机械有限公司", "1小时", "3", "第 1–1 条")
	r.quote(r.other, threeLines()...) // another clerk, another terminal
	r.MustShow("BJ2026-000002", "大连造船厂", "第 1–2 条")
	r.Press("/")
	r.Type("大连")
	r.MustShow("大连造船厂", "第 1–1 条")
	r.MustNotShow("鞍山恒达")
	r.Press("enter", "enter") // keep the filter, open the quote
	r.MustShow("报价单 BJ2026-000002 · 第1版 · 草稿")
	r.Press("esc")
	r.MustShow("筛选: 大连")
	r.Press("esc") // clears the filter
	r.MustShow("鞍山恒达重工机械有限公司", "大连造船厂")
	// The states are tabs: nothing is waiting for review yet.
	r.Press("right", "right")
	r.MustShow("没有记录")
}

// A supervisor reviews a quote on this screen too (a approve, b send
// back with the reason); the clerk then finds it sent back, fixes and
// resubmits it; an approved quote no longer wanted expires with x.
func TestSupervisorSignsHereAndQuotesExpire(t *testing.T) {
	r := newRig(t)
	q := r.submittedQuote()
	r.showAs(r.boss, "zh", q)
	r.MustShow("第1版 · 待审核")
	r.Press("b")
	r.MustShow("退回原因:")
	r.Type("45#单价偏低")
	r.Press("enter")
	r.MustShow("第1版 · 已退回", "赵主管 退回: 45#单价偏低")

	r.showAs(r.clerk, "zh", q)
	r.MustShow("第1版 · 已退回")
	r.Press("down", "enter", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	r.Type("4300")
	r.Press("enter")
	r.MustShow("¥4,300.00/吨")
	r.Press("t")
	r.MustStatus("BJ2026-000001 已重新提交审核")

	r.showAs(r.boss, "zh", q)
	r.Press("a", "enter")
	r.MustShow("第1版 · 已审核")
	r.Press("x")
	r.MustShow("确认报价 BJ2026-000001 已过期?")
	r.Press("esc")
	r.MustShow("第1版 · 已审核")
	r.Press("x", "enter")
	r.MustShow("第1版 · 已过期")
	if d := r.detail(q); d.Status != "expired" {
		t.Fatalf("status %s", d.Status)
	}
	if d := r.detail(q); len(d.Transitions) == 0 || d.Transitions[len(d.Transitions)-1].Action != workflow.ActionExpire {
		t.Fatalf("history %+v", d.Transitions)
	}
}

// A quote of many lines scrolls: the view fits the window with the line
// under the cursor and its price context in it.
func TestLongQuoteFitsTheWindow(t *testing.T) {
	r := newRig(t)
	var lines []workflow.LineInput
	for i := range 40 {
		lines = append(lines, line("Q235B", "热轧钢板", "20×1500×6000", itoa(i+1), "t"))
	}
	q := r.quote(r.cust, lines...)
	r.showAs(r.clerk, "zh", q)
	r.MustShow("▸   1 Q235B")
	r.Press("G")
	r.MustShow("▸  40 Q235B", "价格参考 · 第40行", "无锡市场")
	r.Press("enter")
	r.Type("12.345")
	r.Press("enter")
	r.MustShow("最多2位小数", "▸  40 Q235B", "无锡市场")
	if n := len(strings.Split(r.View(), "\n")); n > 37 {
		t.Fatalf("the view is %d rows in a 37-row body:\n%s", n, r.View())
	}
}

// The Inquiries screen opens a quote here with OpenMsg, possibly before
// this screen's first list has come back: the quote is what shows.
func TestOpenMsgOnAScreenJustStarted(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.open(r.clerk, "zh") // builds the screen; now a fresh one, Init and OpenMsg together
	r.s = New(r.c)
	r.s.SetSize(120, 37)
	init := r.s.Init()
	r.Deliver(common.OpenMsg{Screen: ScreenKey, DocID: q})
	r.Run(init)
	r.MustShow("报价单 BJ2026-000001 · 第1版 · 草稿", "价格参考 · 第1行")
	// An OpenMsg for another screen is not this one's.
	r.Send(common.OpenMsg{Screen: "screen.orders", DocID: q + 100})
	r.MustShow("报价单 BJ2026-000001")
}
