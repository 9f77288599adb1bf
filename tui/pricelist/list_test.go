package pricelist

import (
	"strings"
	"testing"
)

// TestPriceListShowsTodaysPricesAndHistory: the list shows the prices
// valid today; a later approved change replaces one; enter shows both
// with the one valid today marked; / filters.
func TestPriceListShowsTodaysPricesAndHistory(t *testing.T) {
	r := newRig(t)
	r.seedPrices()
	r.prices("跟随鞍钢调价", price("Q235B", "热轧钢板", "20×1500×6000", "t", "4200", "2026-12-01"))
	r.open(r.clerk, "zh", 20)
	r.MustShow("价目表 · 2026-11-26 有效", "Q235B", "热轧钢板", "20×1500×6000", "4,150.00", "4,520.50", "16.80", "千克", "长期")
	r.MustNotShow("4,200.00") // from next month
	r.Press("enter")
	r.MustShow("价格记录 · Q235B 热轧钢板 20×1500×6000", "2026-12-01", "4,200.00", "2026-11-26", "4,150.00", "JG2026-")
	r.Press("esc", "/")
	r.Type("q345")
	r.MustShow("Q345B", "4,380.00")
	r.MustNotShow("圆钢", "Q235B")
	r.Press("esc")
	r.MustShow("圆钢", "Q235B")
}

// TestPriceListLiveAfterApproval: a change approved at another desk
// shows in the list without a key press.
func TestPriceListLiveAfterApproval(t *testing.T) {
	r := newRig(t)
	r.seedPrices()
	r.open(r.clerk, "en", 20)
	r.MustShow("Price list · valid 2026-11-26", "4,150.00")
	changes, stop := r.Engine.Feed().Subscribe()
	defer stop()
	r.prices("new grade", price("Q355B", "热轧钢板", "20×1500×6000", "t", "4490", "2026-11-26"))
	r.feedAll(changes)
	r.MustShow("Q355B", "4,490.00")
	if !strings.Contains(r.View(), "4,150.00") {
		t.Fatal("the earlier prices left the list")
	}
}
