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
	r.MustShow("LNSYNO.0001", "合同已审核")
	r.Press("enter")
	r.MustShow("销售订单 LNSYNO.0001", "赵主管", r.c.T("orders.signoff_mark"))

	r.Press("r")
	r.MustShow("记录客户回传 LNSYNO.0001", "2026-11-26")
	r.Press("ctrl+s")
	r.MustShow("客户已回传", "回传日期")

	p := r.another(r.planner)
	p.Send(common.OpenMsg{Screen: "screen.orders", DocID: id})
	p.MustShow("LNSYNO.0001", "未答复")
	p.Press("t")
	p.Type("2")
	p.Press("tab")
	p.Type("10")
	p.Press("tab")
	p.Type("2026-12-05")
	p.Press("ctrl+s")
	p.MustShow("部分有货 10 12-05")

	r.Send(common.ChangedMsg{Change: workflow.Change{Kind: store.OrderKind, ID: id}})
	r.MustShow("部分有货 10 12-05")
	r.Press("u")
	r.Type("10")
	r.Press("tab")
	r.Type("每月约50吨")
	r.Press("ctrl+s")
	r.MustShow("备货申请", "待答复", "需 15.35吨,现有 10")

	r.Press("x")
	r.Press("ctrl+s") // no reason: refused at the field
	r.MustShow(r.fieldText(workflow.Required))
	r.Type("客户项目延期")
	r.Press("ctrl+s")
	r.MustShow("订单取消申请", "客户项目延期")

	r.Press("P")
	st := r.LastStatus()
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
	r.MustShow("LNSYNO.0001")
	r.Press("c")
	r.MustShow("复制订单 LNSYNO.0001")
	r.Type("30")
	r.Press("ctrl+s")
	r.waitMode(modeForm)
	if got := r.s.entry.form.Cell(0, workflow.FQuantity); got != "30" {
		t.Fatalf("copy's quantity %q", got)
	}
	r.Press("ctrl+s")
	r.MustShow("DD2026-000002 (临时号)", "¥123,600.00") // 30 t × 4,120

	r.Press("esc")
	r.Press("w")
	qd, err := r.eng.Desk(r.clerk).Quote(r.ctx, q)
	r.must(err)
	r.MustShow(qd.Ref, "沈阳北方重工集团有限公司")
	r.Press("enter")
	r.waitMode(modeForm)
	if got := r.s.entry.form.Cell(0, workflow.FGrade); got != "Q345B" {
		t.Fatalf("order from the quote has grade %q", got)
	}
	r.Press("ctrl+s")
	r.MustShow("2026-12-20", "¥131,400.00") // the wanted day; 30 t × 4,380
	r.Press("esc")
	r.Press("w")
	r.MustShow(r.c.T("orders.no_won_quotes"))
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
	r.MustShow("沈阳北方重工", "大连船舶配套", "LNDLNO.0001")

	r.Press("/")
	r.Type("dlcb")
	r.MustShow("大连船舶配套")
	r.MustHide("沈阳北方重工")
	r.Press("esc")
	r.MustShow("沈阳北方重工", "大连船舶配套")
	r.Press("/")
	r.Type("Φ50")
	r.Press("enter")
	r.MustShow("LNDLNO.0001")
	r.MustHide("DD2026-000001")
	r.Press("esc")

	r.Press("s") // drafts
	r.MustShow("状态: 草稿", "DD2026-000001")
	r.MustHide("LNDLNO")
	r.Press("esc")

	r.Press("f")
	r.Type("SYBF")
	r.Press("tab")
	r.Type("2026-12-31")
	r.Press("ctrl+s")
	r.MustShow("客户 沈阳北方重工集团有限公司", "日期: 2026-12-31~")
	r.MustHide("DD2026-000001")
	r.Press("f")
	r.Type("nobody")
	r.Press("ctrl+s")
	r.MustShow(r.c.T("orders.no_customer", "沈阳北方重工集团有限公司nobody"))
	r.Press("esc")
	r.Press("esc")
	r.MustShow("DD2026-000001", "LNDLNO.0001")

	c := r.order(r.clerk2, r.dalian)
	r.Send(common.ChangedMsg{Change: workflow.Change{Kind: store.OrderKind, ID: c}})
	r.MustShow("DD2026-000003")
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
	r.Send(openMsg(id))
	r.MustShow("LNSYNO.0001")
	r.Press("v")
	r.waitMode(modeForm)
	r.s.entry.form.FocusCell(0, workflow.FQuantity)
	r.clearField()
	r.Type("20")
	r.Press("ctrl+s")
	r.MustShow("¥82,400.00", "草稿")
	r.Press("s")
	r.MustShow("待审核")
	rev := r.s.detail.ID
	r.must(r.eng.Desk(r.boss).Act(r.ctx, rev, workflow.ActionApprove, ""))
	r.Send(common.ChangedMsg{Change: workflow.Change{Kind: store.OrderKind, ID: rev}})
	r.MustShow("销售订单 LNSYNO.0001/2", "已修订")
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
		r.Send(openMsg(id))
		r.waitDetail(id)
		check("detail")
		r.Press("e")
		r.waitMode(modeForm)
		check("form")
		r.Press("esc")
		r.Press("r")
		check("prompt")
		r.Press("esc")
		r.Press("esc")
		r.Press("w")
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
	r.Send(openMsg(draft))
	r.waitDetail(draft)
	if k := offered(); !k["s"] || !k["e"] || k["r"] || k["v"] {
		t.Fatalf("a draft offers %v", k)
	}
	r.Send(openMsg(signed))
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
	r.Send(openMsg(id))
	r.waitDetail(id)
	if h := help(); h != "撤回草稿" {
		t.Fatalf("a draft offers W %q", h)
	}
	r.Press("s")
	r.MustShow("待审核")
	if h := help(); h != "撤回送审(订单作废)" {
		t.Fatalf("a submitted order offers W %q", h)
	}
	r.open(r.clerk2, "zh") // not the maker: the workflow would refuse
	r.Send(openMsg(id))
	r.waitDetail(id)
	if h := help(); h != "" {
		t.Fatalf("another clerk is offered W %q", h)
	}
	r.must(r.eng.Desk(r.boss).Act(r.ctx, id, workflow.ActionApprove, ""))
	r.open(r.clerk, "zh")
	r.Send(openMsg(id))
	r.waitDetail(id)
	r.MustShow("已审核")
	if h := help(); h != "" {
		t.Fatalf("a signed-off order offers W %q", h)
	}
}
