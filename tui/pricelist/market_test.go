package pricelist

import (
	"strings"
	"testing"

	"orderdesk/workflow"
)

// TestRecordMarketPrices: purchasing records a price from a market, a
// bad price is marked at its field with the input kept; the list shows
// each source's newest; a second entry from the row under the cursor
// needs only the price and date; enter shows the history per source.
func TestRecordMarketPrices(t *testing.T) {
	r := newRig(t)
	r.open(r.buyer, "zh", 30)
	r.Press("m")
	r.MustShow("市场参考价 · 各来源最新", "没有记录")
	r.Press("n")
	r.MustShow("录入市场参考价", "来源")
	r.Type("沈阳\tQ235B\t热轧钢板\t20x1500x6000\t吨\t4O80\t11-20\t")
	r.Press("ctrl+s")
	r.MustShow("4O80", "不是数字", "沈阳", "20x1500x6000")
	if rows, _ := r.Engine.Desk(r.buyer).MarketPrices(r.Ctx, storePage()); len(rows) != 0 {
		t.Fatalf("a bad price was saved: %+v", rows)
	}
	r.s.record.form.FocusField(workflow.FPrice)
	r.Press("backspace", "backspace", "backspace", "backspace")
	r.Type("4080")
	r.Press("ctrl+s")
	r.MustShow("沈阳市场", "Q235B", "20×1500×6000", "4,080.00", "2026-11-20", "孙采购")
	if st := r.LastStatus(); st.Error || st.Text != "市场参考价已录入" {
		t.Fatalf("status %+v", st)
	}
	// The next entry starts from the row: same market and product.
	r.Press("n")
	r.Type("4,060\t11-25")
	r.Press("ctrl+s")
	r.MustShow("4,060.00", "2026-11-25")
	r.MustNotShow("4,080.00") // no longer the newest of 沈阳
	r.Press("n", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "backspace", "backspace")
	r.Type("本地\t\t\t\t\t4150\t")
	r.Press("ctrl+s")
	r.MustShow("本地经销商", "4,150.00", "4,060.00")
	r.Press("down", "enter")
	r.MustShow("市场参考价记录 · Q235B 热轧钢板 20×1500×6000 · 沈阳市场", "本地经销商 ¥4,150.00 (2026-11-26)",
		"沈阳市场 ¥4,060.00 (2026-11-25)", "2026-11-20", "4,080.00")
	r.Press("s")
	r.MustShow("无锡市场", "没有记录")
	r.Press("s")
	r.MustShow("全部来源", "4,150.00", "4,060.00", "4,080.00")
	r.Press("esc")
	r.MustShow("市场参考价 · 各来源最新")
}

// TestMarketPriceFutureDateAtTheField: a date not yet come is refused at
// the date, and the rest stays.
func TestMarketPriceFutureDateAtTheField(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "en", 30)
	r.Press("m", "n")
	r.Type("wuxi\tQ345B\t\t\t\t4390\t2026-12-24\tcall")
	r.Press("ctrl+s")
	v := r.View()
	for _, want := range []string{"the date is in the future", "wuxi", "Q345B", "4390", "call"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the form lacks %q:\n%s", want, v)
		}
	}
	// esc (or ctrl+c, which is esc while typing) over typed input asks
	// first: a reflex does not throw away what was typed.
	r.Press("esc")
	r.MustShow("4390", "call")
	if st := r.LastStatus(); st.Error || !strings.Contains(st.Text, "esc again discards") {
		t.Fatalf("esc over typed input: %+v", st)
	}
	r.Press("esc")
	r.MustShow("Market prices · newest of each source", "nothing here")
}
