package orders

import (
	"os"
	"strings"
	"testing"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// TestOrderStepsFromTheDetail takes a signed-off order through the
// customer's sign-back, planning's stock answer, a stock-up request, a
// cancellation request and the contract PDF, each by its key.
func TestOrderStepsFromTheDetail(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	r.approved(id)
	r.open(r.clerk, "zh")
	r.mustShow("LNSYNO.0001", "合同已审核")
	r.press("enter")
	r.mustShow("销售订单 LNSYNO.0001", "赵主管", r.c.T("orders.signoff_mark"))

	r.press("r")
	r.mustShow("记录客户回传 LNSYNO.0001", "2026-11-26")
	r.press("ctrl+s")
	r.mustShow("客户已回传", "回传日期")

	p := r.another(r.planner)
	p.send(common.OpenMsg{Screen: "screen.orders", DocID: id})
	p.mustShow("LNSYNO.0001", "未答复")
	p.press("t")
	p.typ("2")
	p.press("tab")
	p.typ("10")
	p.press("tab")
	p.typ("2026-12-05")
	p.press("ctrl+s")
	p.mustShow("部分有货 10 12-05")

	r.send(common.ChangedMsg{Change: workflow.Change{Kind: store.OrderKind, ID: id}})
	r.mustShow("部分有货 10 12-05")
	r.press("u")
	r.typ("10")
	r.press("tab")
	r.typ("每月约50吨")
	r.press("ctrl+s")
	r.mustShow("备货申请", "待答复", "需 15.35吨,现有 10")

	r.press("x")
	r.press("ctrl+s") // no reason: refused at the field
	r.mustShow(r.fieldText(workflow.Required))
	r.typ("客户项目延期")
	r.press("ctrl+s")
	r.mustShow("订单取消申请", "客户项目延期")

	r.press("P")
	st := r.lastStatus()
	path, ok := strings.CutPrefix(st.Text, "合同已写入 ")
	if st.Error || !ok {
		t.Fatalf("print: %+v", st)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("%s: %v", path, err)
	}
}

// TestCopyAndWonQuote: c copies an earlier order with a new quantity and
// opens the form on the copy; w offers the won quote without an order
// and makes the order from it.
func TestCopyAndWonQuote(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	r.approved(id)
	q := r.wonQuote(r.shenyang)
	r.open(r.clerk, "zh")
	r.mustShow("LNSYNO.0001")
	r.press("c")
	r.mustShow("复制订单 LNSYNO.0001")
	r.typ("30")
	r.press("ctrl+s")
	r.waitMode(modeForm)
	if got := r.s.entry.form.Cell(0, workflow.FQuantity); got != "30" {
		t.Fatalf("copy's quantity %q", got)
	}
	r.press("ctrl+s")
	r.mustShow("DD2026-000002 (临时号)", "¥123,600.00") // 30 t × 4,120

	r.press("esc")
	r.press("w")
	qd, err := r.eng.Desk(r.clerk).Quote(r.ctx, q)
	r.must(err)
	r.mustShow(qd.Ref, "沈阳北方重工集团有限公司")
	r.press("enter")
	r.waitMode(modeForm)
	if got := r.s.entry.form.Cell(0, workflow.FGrade); got != "Q345B" {
		t.Fatalf("order from the quote has grade %q", got)
	}
	r.press("ctrl+s")
	r.mustShow("2026-12-20", "¥131,400.00") // the wanted day; 30 t × 4,380
	r.press("esc")
	r.press("w")
	r.mustShow(r.c.T("orders.no_won_quotes"))
}

// TestListFilters: / matches the customer's mnemonic and the grade; s
// narrows by status; f by customer, dates and rep; a change elsewhere
// shows without a key.
func TestListFilters(t *testing.T) {
	r := newRig(t)
	a := r.order(r.clerk, r.shenyang)
	b := r.order(r.clerk, r.dalian, workflow.OrderLineInput{Grade: "45#", Name: "圆钢", Spec: "Φ50", Quantity: "3", Unit: "t", Price: "4500"})
	r.approved(b)
	r.open(r.clerk, "zh")
	r.mustShow("沈阳北方重工", "大连船舶配套", "LNDLNO.0001")

	r.press("/")
	r.typ("dlcb")
	r.mustShow("大连船舶配套")
	r.mustHide("沈阳北方重工")
	r.press("esc")
	r.mustShow("沈阳北方重工", "大连船舶配套")
	r.press("/")
	r.typ("Φ50")
	r.press("enter")
	r.mustShow("LNDLNO.0001")
	r.mustHide("DD2026-000001")
	r.press("esc")

	r.press("s") // drafts
	r.mustShow("状态: 草稿", "DD2026-000001")
	r.mustHide("LNDLNO")
	r.press("esc")

	r.press("f")
	r.typ("SYBF")
	r.press("tab")
	r.typ("2026-12-31")
	r.press("ctrl+s")
	r.mustShow("客户 沈阳北方重工集团有限公司", "日期: 2026-12-31~")
	r.mustHide("DD2026-000001")
	r.press("f")
	r.typ("nobody")
	r.press("ctrl+s")
	r.mustShow(r.c.T("orders.no_customer", "沈阳北方重工集团有限公司nobody"))
	r.press("esc")
	r.press("esc")
	r.mustShow("DD2026-000001", "LNDLNO.0001")

	c := r.order(r.clerk2, r.dalian)
	r.send(common.ChangedMsg{Change: workflow.Change{Kind: store.OrderKind, ID: c}})
	r.mustShow("DD2026-000003")
	_ = a
}

// TestReviseSignedOrder: v drafts a revision of a signed-off order and
// opens its form; changed and submitted, a supervisor's sign-off makes
// it LNSYNO.0001/2 and marks the first version revised.
func TestReviseSignedOrder(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	r.approved(id)
	r.open(r.clerk, "zh")
	r.send(openMsg(id))
	r.mustShow("LNSYNO.0001")
	r.press("v")
	r.waitMode(modeForm)
	r.s.entry.form.FocusCell(0, workflow.FQuantity)
	r.clearField()
	r.typ("20")
	r.press("ctrl+s")
	r.mustShow("¥82,400.00", "草稿")
	r.press("s")
	r.mustShow("待审核")
	rev := r.s.detail.ID
	r.must(r.eng.Desk(r.boss).Act(r.ctx, rev, workflow.ActionApprove, ""))
	r.send(common.ChangedMsg{Change: workflow.Change{Kind: store.OrderKind, ID: rev}})
	r.mustShow("销售订单 LNSYNO.0001/2", "已修订")
}

// TestKeysInHelp: every mode offers its keys with words in both
// languages, and a planner is offered no key the desk would refuse.
func TestKeysInHelp(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	for _, lang := range []string{"zh", "en"} {
		r.open(r.clerk, lang)
		check := func(where string) {
			seen := map[string]bool{}
			for _, b := range r.s.ShortHelp() {
				if !b.Enabled() {
					continue
				}
				h := b.Help()
				if h.Key == "" || h.Desc == "" || strings.Contains(h.Desc, ".") {
					t.Errorf("%s %s: key %q has help %q", lang, where, h.Key, h.Desc)
				}
				if seen[h.Key] {
					t.Errorf("%s %s: key %q twice", lang, where, h.Key)
				}
				seen[h.Key] = true
			}
			if len(seen) == 0 {
				t.Errorf("%s %s: no keys", lang, where)
			}
		}
		check("list")
		r.send(openMsg(id))
		r.waitDetail(id)
		check("detail")
		r.press("e")
		r.waitMode(modeForm)
		check("form")
		r.press("esc")
		r.press("r")
		check("prompt")
		r.press("esc")
		r.press("esc")
		r.press("w")
		check("picker")
	}
	r.open(r.planner, "zh")
	for _, b := range r.s.ShortHelp() {
		if b.Enabled() && (b.Help().Key == "n" || b.Help().Key == "c" || b.Help().Key == "w") {
			t.Errorf("a planner is offered %q", b.Help().Key)
		}
	}
}

// TestDetailOffersWhatTheDeskTakes: a draft offers submit, not the
// sign-back or a revision; a signed-off order the reverse.
func TestDetailOffersWhatTheDeskTakes(t *testing.T) {
	r := newRig(t)
	draft := r.order(r.clerk, r.shenyang)
	signed := r.order(r.clerk, r.shenyang)
	r.approved(signed)
	r.open(r.clerk, "zh")
	offered := func() map[string]bool {
		out := map[string]bool{}
		for _, b := range r.s.ShortHelp() {
			out[b.Help().Key] = b.Enabled()
		}
		return out
	}
	r.send(openMsg(draft))
	r.waitDetail(draft)
	if k := offered(); !k["s"] || !k["e"] || k["r"] || k["v"] {
		t.Fatalf("a draft offers %v", k)
	}
	r.send(openMsg(signed))
	r.waitDetail(signed)
	if k := offered(); k["s"] || k["e"] || !k["r"] || !k["v"] || !k["x"] {
		t.Fatalf("a signed-off order offers %v", k)
	}
}

// TestWithdrawKeyByStatus: W is offered as the workflow allows it (the
// maker, before sign-off) and says what it does: a draft is withdrawn;
// an order waiting for sign-off is taken back from review and is void
// (withdrawn is final), not back to a draft; a signed-off one has no W.
func TestWithdrawKeyByStatus(t *testing.T) {
	r := newRig(t)
	id := r.order(r.clerk, r.shenyang)
	r.open(r.clerk, "zh")
	help := func() string {
		for _, b := range r.s.ShortHelp() {
			if b.Enabled() && b.Help().Key == "W" {
				return b.Help().Desc
			}
		}
		return ""
	}
	r.send(openMsg(id))
	r.waitDetail(id)
	if h := help(); h != "撤回草稿" {
		t.Fatalf("a draft offers W %q", h)
	}
	r.press("s")
	r.mustShow("待审核")
	if h := help(); h != "撤回送审(订单作废)" {
		t.Fatalf("a submitted order offers W %q", h)
	}
	r.open(r.clerk2, "zh") // not the maker: the workflow would refuse
	r.send(openMsg(id))
	r.waitDetail(id)
	if h := help(); h != "" {
		t.Fatalf("another clerk is offered W %q", h)
	}
	r.must(r.eng.Desk(r.boss).Act(r.ctx, id, workflow.ActionApprove, ""))
	r.open(r.clerk, "zh")
	r.send(openMsg(id))
	r.waitDetail(id)
	r.mustShow("已审核")
	if h := help(); h != "" {
		t.Fatalf("a signed-off order offers W %q", h)
	}
}
