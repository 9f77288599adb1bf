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
	r.press("m")
	r.mustShow("市场参考价 · 各来源最新", "没有记录")
	r.press("n")
	r.mustShow("录入市场参考价", "来源")
	r.typ("沈阳\tQ235B\t热轧钢板\t20x1500x6000\t吨\t4O80\t11-20\t")
	r.press("ctrl+s")
	r.mustShow("4O80", "不是数字", "沈阳", "20x1500x6000")
	if rows, _ := r.eng.Desk(r.buyer).MarketPrices(r.ctx, storePage()); len(rows) != 0 {
		t.Fatalf("a bad price was saved: %+v", rows)
	}
	r.s.record.form.FocusField(workflow.FPrice)
	r.press("backspace", "backspace", "backspace", "backspace")
	r.typ("4080")
	r.press("ctrl+s")
	r.mustShow("沈阳市场", "Q235B", "20×1500×6000", "4,080.00", "2026-11-20", "孙采购")
	if st := r.lastStatus(); st.Error || st.Text != "市场参考价已录入" {
		t.Fatalf("status %+v", st)
	}
	// The next entry starts from the row: same market and product.
	r.press("n")
	r.typ("4,060\t11-25")
	r.press("ctrl+s")
	r.mustShow("4,060.00", "2026-11-25")
	r.mustNotShow("4,080.00") // no longer the newest of 沈阳
	r.press("n", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", "backspace", "backspace")
	r.typ("本地\t\t\t\t\t4150\t")
	r.press("ctrl+s")
	r.mustShow("本地经销商", "4,150.00", "4,060.00")
	r.press("down", "enter")
	r.mustShow("市场参考价记录 · Q235B 热轧钢板 20×1500×6000 · 沈阳市场", "本地经销商 ¥4,150.00 (2026-11-26)",
		"沈阳市场 ¥4,060.00 (2026-11-25)", "2026-11-20", "4,080.00")
	r.press("s")
	r.mustShow("无锡市场", "没有记录")
	r.press("s")
	r.mustShow("全部来源", "4,150.00", "4,060.00", "4,080.00")
	r.press("esc")
	r.mustShow("市场参考价 · 各来源最新")
}

// TestMarketPriceFutureDateAtTheField: a date not yet come is refused at
// the date, and the rest stays.
func TestMarketPriceFutureDateAtTheField(t *testing.T) {
	r := newRig(t)
	r.open(r.clerk, "en", 30)
	r.press("m", "n")
	r.typ("wuxi\tQ345B\t\t\t\t4390\t2026-12-24\tcall")
	r.press("ctrl+s")
	v := r.view()
	for _, want := range []string{"the date is in the future", "wuxi", "Q345B", "4390", "call"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the form lacks %q:\n%s", want, v)
		}
	}
	// esc (or ctrl+c, which is esc while typing) over typed input asks
	// first: a reflex does not throw away what was typed.
	r.press("esc")
	r.mustShow("4390", "call")
	if st := r.lastStatus(); !st.Error || !strings.Contains(st.Text, "esc again discards") {
		t.Fatalf("esc over typed input: %+v", st)
	}
	r.press("esc")
	r.mustShow("Market prices · newest of each source", "nothing here")
}
