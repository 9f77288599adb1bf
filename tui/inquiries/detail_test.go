package inquiries

import (
	"strings"
	"testing"

	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

func TestDetailShowsHeaderLinesQuotesAndHistory(t *testing.T) {
	r, oldest := seededList(t, "zh", 40)
	r.MustShow("XJ2026-000001")
	r.Press("enter")
	r.MustShow("询价单 XJ2026-000001", "鞍山宏达钢材贸易有限公司", "先款后货", "新询价", "3天",
		"热轧钢板", "10×1500×6000", "花纹板", "还没有报价", "还没有状态变化")
	if !strings.Contains(screenrig.LineWith(r.View(), "花纹板"), "*") || strings.Contains(screenrig.LineWith(r.View(), "热轧钢板"), "*") {
		t.Fatalf("only the unknown line is marked:\n%s", r.View())
	}
	// Price it: the quote is drafted and opened on the Pricing screen.
	r.Press("p")
	r.opens(1)
	if len(r.opened) != 1 || r.opened[0].Screen != "screen.pricing" || r.opened[0].DocID == 0 {
		t.Fatalf("want the quote opened on Pricing, have %+v", r.opened)
	}
	quote := r.opened[0].DocID
	r.Send(changed(oldest))
	r.MustShow("报价中", "草稿", "开始报价")
	// Again: the same quote opens, no second one is drafted.
	r.Press("p")
	r.opens(2)
	if len(r.opened) != 2 || r.opened[1].DocID != quote {
		t.Fatalf("the quote in progress was not reopened: %+v", r.opened)
	}
	d, _ := r.Engine.Desk(r.clerk).Inquiry(r.Ctx, oldest)
	if len(d.Quotes) != 1 {
		t.Fatalf("%d quotes drafted", len(d.Quotes))
	}
	r.Press("esc")
	r.MustShow("未答复的询价单")
}

func TestPriceItFromTheList(t *testing.T) {
	r, _ := seededList(t, "en", 30)
	r.MustShow("XJ2026-000001")
	r.Press("p")
	r.opens(1)
	if len(r.opened) != 1 || r.opened[0].Screen != "screen.pricing" {
		t.Fatalf("want the quote opened on Pricing, have %+v", r.opened)
	}
}

func TestEditSavesChangesAndKeepsLineIDs(t *testing.T) {
	r, id := anshanInquiry(t, [4]string{"Q235B", "热轧钢板", "10×1500×6000", "25"}, [4]string{"45#", "圆钢", "Φ50", "3"})
	before := r.stored(id)
	r.open(r.clerk, "zh", 30)
	r.MustShow("XJ2026-000001")
	r.Press("e")
	r.MustShow("修改询价单 XJ2026-000001", "热轧钢板", "圆钢")
	r.s.form.f.FocusCell(0, workflow.FQuantity)
	r.Press("backspace", "backspace")
	r.Type("30")
	r.s.form.f.FocusCell(1, workflow.FGrade)
	r.Press("ctrl+d") // the second line goes
	r.Press("ctrl+s")
	r.MustShow("未答复的询价单")
	after := r.stored(id)
	if len(after.Lines) != 1 || after.Lines[0].ID != before.Lines[0].ID || after.Lines[0].Qty.String() != "30" {
		t.Fatalf("edit stored as %+v", after.Lines)
	}
}

// Two desks edit one inquiry: the later save is refused with what the
// other changed; what was typed stays; ctrl+s again saves it over.
func TestConflictSaysWhatChanged(t *testing.T) {
	r, id := anshanInquiry(t, [4]string{"Q235B", "热轧钢板", "10×1500×6000", "25"}, [4]string{"45#", "圆钢", "Φ50", "3"})
	r.open(r.clerk, "zh", 30)
	r.MustShow("XJ2026-000001")
	r.Press("e")
	r.MustShow("修改询价单")
	// The other clerk changes line 1's quantity and the contact.
	d, _ := r.Engine.Desk(r.other).Inquiry(r.Ctx, id)
	in := workflow.InputFromInquiry(*d.Inquiry)
	in.Lines[0].Quantity, in.Contact = "40", "刘工"
	if _, err := r.Engine.Desk(r.other).UpdateInquiry(r.Ctx, id, d.Version, in); err != nil {
		t.Fatal(err)
	}
	r.s.form.f.FocusField(workflow.FNotes)
	r.Type("急")
	r.Press("ctrl+s")
	st := r.LastStatus()
	for _, want := range []string{"XJ2026-000001", "联系人 刘工", "第 1 行 数量 40吨", "再按 ctrl+s"} {
		if !strings.Contains(st.Text, want) {
			t.Fatalf("conflict status %q lacks %q", st.Text, want)
		}
	}
	if r.s.form == nil || r.s.form.f.Value(workflow.FNotes) != "急" {
		t.Fatal("what was typed is gone")
	}
	r.Press("ctrl+s")
	r.MustShow("未答复的询价单")
	got := r.stored(id)
	if got.Notes != "急" || got.Lines[0].Qty.String() != "25" {
		t.Fatalf("the second save did not keep the clerk's input: %+v", got)
	}
}

func TestClosedInquiryIsNotEdited(t *testing.T) {
	r, id := anshanInquiry(t, [4]string{"Q235B", "热轧钢板", "10×1500×6000", "25"})
	if _, err := r.Engine.Desk(r.clerk).CreateQuote(r.Ctx, id); err != nil {
		t.Fatal(err)
	}
	// Quoting still takes edits; lost does not, and leaves the list.
	r.open(r.clerk, "zh", 30)
	r.Press("e")
	r.MustShow("修改询价单")
	r.Press("esc")
	if err := r.Engine.Desk(r.clerk).Act(r.Ctx, id, workflow.ActionLose, "价格"); err != nil {
		t.Fatal(err)
	}
	r.Send(changed(id))
	r.MustShow("没有未答复的询价单")
	r.Run(r.s.openDetail(id, showIt))
	r.MustShow("未成交")
	r.Press("e")
	if st := r.LastStatus(); !st.Error || !strings.Contains(st.Text, "不能再修改") {
		t.Fatalf("edit of a lost inquiry: %+v", st)
	}
}

// Purchasing sees inquiries but takes none: the workflow says so, the
// keys are not offered and n does nothing but say why.
func TestPurchasingSeesButDoesNotTake(t *testing.T) {
	r := newRig(t)
	seedList(r)
	r.open(r.buyer, "zh", 30)
	r.MustShow("XJ2026-000001")
	for _, b := range r.s.ShortHelp() {
		if b.Help().Key == "n" || b.Help().Key == "e" || b.Help().Key == "p" {
			if b.Enabled() {
				t.Fatalf("key %s offered to purchasing", b.Help().Key)
			}
		}
	}
	r.Send(commonNew())
	if r.s.form != nil {
		t.Fatal("a form opened for purchasing")
	}
	if st := r.LastStatus(); !st.Error || !strings.Contains(st.Text, "不能录入询价单") {
		t.Fatalf("status: %+v", st)
	}
	r.Press("p")
	if len(r.opened) != 0 {
		t.Fatal("purchasing drafted a quote")
	}
}

// A quote drafted at another desk moves the inquiry to quoting while it
// is edited here: the save is refused saying so.
func TestConflictNamesAStatusChange(t *testing.T) {
	r, id := anshanInquiry(t, [4]string{"Q235B", "热轧钢板", "10×1500×6000", "25"})
	r.open(r.clerk, "zh", 30)
	r.Press("e")
	r.MustShow("修改询价单")
	if _, err := r.Engine.Desk(r.other).CreateQuote(r.Ctx, id); err != nil {
		t.Fatal(err)
	}
	r.s.form.f.FocusField(workflow.FNotes)
	r.Type("急")
	r.Press("ctrl+s")
	if st := r.LastStatus(); !strings.Contains(st.Text, "状态改为报价中") {
		t.Fatalf("status %q does not name the new status", st.Text)
	}
}
