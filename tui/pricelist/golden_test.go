package pricelist

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestPriceListGolden keeps the list's layout: Chinese product names
// (two cells a character) lined up with Latin grades and specs, prices
// right-aligned. Refresh with go test ./tui/pricelist -update.
func TestPriceListGolden(t *testing.T) {
	r := newRig(t)
	r.seedPrices()
	r.prices("补充", price("Q235B", "热轧普通中厚钢板", "30×2200×8000", "t", "4230", "2026-11-26"),
		price("20#", "无缝钢管", "219×8", "t", "5650", "2026-11-26"))
	r.open(r.clerk, "zh", 12)
	r.MustShow("无缝钢管")
	golden.RequireEqual(t, []byte(r.View()))
}
