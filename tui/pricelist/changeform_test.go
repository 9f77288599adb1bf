package pricelist

import (
	"strings"
	"testing"

	"orderdesk/workflow"
)

// TestProposeChangeBadInputAtTheCell: each bad cell gets its message on
// its own line of the grid, what was typed stays, nothing is saved until
// it is right; then the change waits for review and the list is
// unchanged.
func TestProposeChangeBadInputAtTheCell(t *testing.T) {
	r := newProposal(t)
	r.Type("月底调价")
	r.Press("tab")
	// Line 1: a price with letters. Line 2 left blank (skipped). Line 3:
	// three decimals and an end before its start. Line 4: a malformed
	// start.
	r.Type("Q235B\t热轧钢板\t20×1500×6000\t吨\t41o0\t2026-12-01\t\n")
	r.Type("\t\t\t\t\t\t\n")
	r.Type("Q345B\t热轧钢板\t20×1500×6000\tt\t4390.555\t2026-12-05\t2026-12-01\n")
	r.Type("45#\t圆钢\tΦ50\tt\t4600\t2026-13-40")
	r.Press("ctrl+s")
	r.MustShow("41o0", "4390.555", "2026-13-40", "单价(元): 不是数字", "单价(元): 最多2位小数", "截止日: 起止日期顺序不对", "起始日: 日期格式不对")
	if st := r.LastStatus(); !st.Error || st.Text != "请先改正标出的字段" {
		t.Fatalf("status %+v", st)
	}
	if docs, _ := r.Engine.Desk(r.clerk).OpenPriceChanges(r.Ctx); len(docs) != 0 {
		t.Fatalf("a bad change was saved: %+v", docs)
	}
	// The focus went to the first bad cell: retype it there.
	if line, key := r.s.change.form.Focused(); line != 0 || key != workflow.FPrice {
		t.Fatalf("focus at line %d %s, want line 0 price", line, key)
	}
	r.Press("backspace", "backspace", "backspace", "backspace")
	r.Type("4100")
	// The cell fixed no longer shows its problem; the others still do.
	for line, want := range map[int]string{0: "", 1: "", 2: "最多2位小数", 3: "日期格式不对"} {
		if got := r.lineProblems(line); !strings.Contains(got, want) || (want == "" && got != "") {
			t.Errorf("grid line %d shows %q, want %q", line+1, got, want)
		}
	}
	// end edits a filled cell in place (typing would replace it whole).
	r.s.change.form.FocusCell(2, workflow.FPrice)
	r.Press("end", "backspace")
	r.s.change.form.FocusCell(2, workflow.FValidTo)
	r.Press("end", "backspace", "backspace")
	r.Type("31")
	r.s.change.form.FocusCell(3, workflow.FValidFrom)
	r.Press("end")
	for range 5 {
		r.Press("backspace")
	}
	r.Type("12-10")
	r.Press("ctrl+s")
	r.MustShow("待审的价目表变更 (1)", "月底调价", "王丽", "待审核")
	if st := r.LastStatus(); st.Error || st.Text != "价目表变更已提交,等待主管审核" {
		t.Fatalf("status %+v", st)
	}
	d, err := r.Engine.Desk(r.clerk).Document(r.Ctx, r.s.changes.docs[0].ID)
	if err != nil || len(d.PriceChange) != 3 || d.PriceChange[1].Price.Plain() != "4390.55" || d.PriceChange[1].ValidTo != "2026-12-31" ||
		d.PriceChange[2].ValidFrom != "2026-12-10" {
		t.Fatalf("saved %+v %v", d.PriceChange, err)
	}
	r.Press("c")
	r.MustShow("4,150.00")
	r.MustNotShow("4,100.00")
}

// TestEditSentBackChange: a change sent back is edited with e and goes
// to the reviewer again; a stale edit is refused with the input kept.
func TestEditSentBackChange(t *testing.T) {
	r := newRig(t)
	r.seedPrices()
	id, _, err := r.Engine.Desk(r.clerk).ProposePriceChange(r.Ctx, workflow.PriceChangeInput{Reason: "调价",
		Lines: []workflow.PriceLineInput{price("Q235B", "热轧钢板", "20×1500×6000", "t", "4900", "2026-12-01")}})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Engine.Desk(r.boss).Act(r.Ctx, id, workflow.ActionSendBack, "涨得太多"); err != nil {
		t.Fatal(err)
	}
	r.open(r.clerk, "zh", 30)
	r.Press("c")
	r.MustShow("已退回", "调价")
	r.Press("enter")
	r.MustShow("价目表变更", "4,150.00", "4,900.00", "涨得太多", "e 编辑")
	r.Press("e")
	r.MustShow("编辑价目表变更 JG2026-", "4900.00")
	r.s.change.form.FocusCell(0, workflow.FPrice)
	for range 7 {
		r.Press("backspace")
	}
	r.Type("4300")
	r.Press("ctrl+s")
	r.MustShow("待审的价目表变更 (1)", "待审核")
	d, err := r.Engine.Desk(r.boss).Document(r.Ctx, id)
	if err != nil || d.Status != "submitted" || d.PriceChange[0].Price.Plain() != "4300.00" {
		t.Fatalf("after the edit: %s %+v %v", d.Status, d.PriceChange, err)
	}
}

// TestOnlyThoseWhoMayProposeGetTheForm: a sales rep sees the list but
// n says who may propose.
func TestOnlyThoseWhoMayProposeGetTheForm(t *testing.T) {
	r := newRig(t)
	r.seedPrices()
	r.open(r.rep, "en", 20)
	r.MustShow("4,150.00")
	r.Press("n")
	if st := r.LastStatus(); !st.Error {
		t.Fatalf("a sales rep got the form: %+v", st)
	}
	if r.s.mode != listing {
		t.Fatal("the form opened")
	}
}

// TestWithdrawAChange: x on a change waiting for review asks first; its
// maker withdraws it, another user is refused.
func TestWithdrawAChange(t *testing.T) {
	r := newRig(t)
	r.seedPrices()
	id, _, err := r.Engine.Desk(r.clerk).ProposePriceChange(r.Ctx, workflow.PriceChangeInput{Reason: "试调",
		Lines: []workflow.PriceLineInput{price("Q235B", "热轧钢板", "20×1500×6000", "t", "4000", "2026-12-01")}})
	if err != nil {
		t.Fatal(err)
	}
	r.open(r.boss, "en", 30)
	r.Press("c", "enter")
	r.MustShow("Price list change JG2026-", "x withdraw")
	r.Press("x")
	r.MustShow("withdraw JG2026-")
	r.Press("enter")
	if st := r.LastStatus(); !st.Error || st.Text != "only the document's maker may do this" {
		t.Fatalf("a supervisor withdrew the clerk's change: %+v", st)
	}
	r.open(r.clerk, "en", 30)
	r.Press("c", "enter")
	r.MustShow("x withdraw")
	r.Press("x", "esc")
	r.MustNotShow("withdraw JG2026-")
	r.Press("x", "enter")
	r.MustShow("Price list changes not yet decided (0)")
	if d, _ := r.Engine.Desk(r.clerk).Document(r.Ctx, id); d.Status != "withdrawn" {
		t.Fatalf("status %s", d.Status)
	}
}
