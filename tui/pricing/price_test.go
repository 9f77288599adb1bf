package pricing

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
)

func threeLines() []workflow.LineInput {
	return []workflow.LineInput{
		line("Q235B", "热轧钢板", "20×1500×6000", "25.5", "t"),
		line("45#", "圆钢", "Φ50", "3.2", "t"),
		line("304", "不锈钢板", "2.0×1219×2438", "850", "kg"),
	}
}

// A clerk prices a whole quote from the keyboard: enter opens the price
// of the line, enter saves it and goes on to the next unpriced line.
func TestPriceLineAfterLine(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.showAs(r.clerk, "zh", q)
	r.MustShow("报价单 BJ2026-000001 · 第1版 · 草稿", "鞍山恒达重工机械有限公司", "25.500 吨", "(3 行未定价)")
	r.Press("enter")
	r.MustShow("单价(元/吨):")
	r.Type("3850")
	r.Press("enter")
	r.MustShow("▸   2 45#")
	r.Type("4,120.5")
	r.Press("enter")
	r.MustShow("▸   3 304", "单价(元/千克):")
	r.Type("28.6")
	r.Press("enter")
	r.MustStatus("没有其他未定价的行")
	r.MustShow("¥3,850.00/吨", "¥98,175.00", "¥4,120.50/吨", "¥13,185.60", "¥28.60/千克", "¥24,310.00", "合计 ¥135,670.60")

	qd := r.detail(q)
	want := []store.Money{385000, 412050, 2860}
	for i, l := range qd.Quote.Lines {
		if !l.Priced || l.Price != want[i] || l.Source != store.SourceManual {
			t.Errorf("line %d: %+v", i+1, l)
		}
	}
	if qd.Total != 13567060 {
		t.Errorf("total %d, want 13567060 fen", qd.Total)
	}
}

// Bad prices get the reason at the line; what was typed stays; nothing
// reaches the database.
func TestBadPricesStayAtTheLine(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.showAs(r.clerk, "en", q)
	r.MustShow("Quote BJ2026-000001")
	for _, tc := range []struct{ typed, says string }{
		{"38五0", "not a number"},
		{"abc", "not a number"},
		{"3850.125", "at most 2 decimals"},
		{"0", "must be more than zero"},
		{"-5", "must not be negative"},
	} {
		r.Press("enter")
		r.Type(tc.typed)
		r.Press("enter")
		r.MustShow(tc.says, "unit price (¥ per t): "+tc.typed)
		if !strings.Contains(r.View(), "▸   1 Q235B") {
			t.Fatalf("%q moved on:\n%s", tc.typed, r.View())
		}
		r.Press("esc") // asks before dropping what was typed: it stays
		r.MustShow("unit price (¥ per t): " + tc.typed)
		r.Press("esc")
	}
	if qd := r.detail(q); qd.Quote.Lines[0].Priced || qd.Version != r.s.d.q.Version {
		t.Fatalf("a bad price was saved: %+v", qd.Quote.Lines[0])
	}
}

// Prices typed faster than the database answers are saved in order,
// each on the version the one before made.
func TestTypedAheadPricesAreAllSaved(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.showAs(r.clerk, "zh", q)
	r.MustShow("第1版")
	r.Deliver(screenrig.Key("enter"))
	for _, p := range []string{"3850", "4120", "28.6"} {
		for _, c := range p {
			r.Deliver(tea.KeyPressMsg{Code: c, Text: string(c)})
		}
		r.Deliver(screenrig.Key("enter"))
	}
	r.MustShow("¥28.60/千克", "合计 ¥135,669.00")
	qd := r.detail(q)
	for i, want := range []store.Money{385000, 412000, 2860} {
		if qd.Quote.Lines[i].Price != want {
			t.Fatalf("line %d: %d, want %d", i+1, qd.Quote.Lines[i].Price, want)
		}
	}
}

// Submitting with lines unpriced is refused with the lines named, at
// the lines and in the status line.
func TestSubmitNamesUnpricedLines(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	r.priceAll(q, "3850")
	r.showAs(r.clerk, "zh", q)
	r.MustShow("(2 行未定价)")
	r.Press("t")
	if st := r.MustStatus("第 2、3 行还没有单价,不能提交"); !st.Error {
		t.Fatal("not an error")
	}
	r.MustShow("还没有单价")
	if d := r.detail(q); d.Status != "draft" {
		t.Fatalf("submitted with unpriced lines: %s", d.Status)
	}
	r.priceAll(q, "3850", "4100", "30")
	r.MustShow("¥25,500.00")
	r.Press("t")
	r.MustStatus("BJ2026-000001 已提交审核")
	r.MustShow("第1版 · 待审核")
}

// Prices typed just before another quote is opened are still saved, on
// the quote they were typed for; then the other quote opens.
func TestPricesTypedBeforeOpeningAnotherAreKept(t *testing.T) {
	r := newRig(t)
	q := r.quote(r.cust, threeLines()...)
	other := r.quote(r.other, threeLines()...)
	r.showAs(r.clerk, "zh", q)
	r.Deliver(screenrig.Key("enter"))
	for _, c := range "3850" {
		r.Deliver(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	r.Deliver(screenrig.Key("enter"))
	for _, c := range "4120" {
		r.Deliver(tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	r.Deliver(screenrig.Key("enter"))
	r.Deliver(screenrig.Key("esc"))
	r.Deliver(common.OpenMsg{Screen: ScreenKey, DocID: other})
	r.MustShow("报价单 BJ2026-000002", "大连造船厂")
	qd := r.detail(q)
	if qd.Quote.Lines[0].Price != 385000 || qd.Quote.Lines[1].Price != 412000 {
		t.Fatalf("typed prices lost: %+v", qd.Quote.Lines)
	}
}
