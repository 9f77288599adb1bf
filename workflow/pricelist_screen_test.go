package workflow

import (
	"fmt"
	"testing"

	"orderdesk/store"
)

// TestMarketPriceList: the market list keeps only each source's newest
// price of a grade and spec, newest entry first, filtered and paged.
func TestMarketPriceList(t *testing.T) {
	p := newPricing(t)
	d := p.e.Desk(p.buyer)
	record := func(src, grade, spec, price, on string) {
		t.Helper()
		_, err := d.RecordMarketPrice(p.ctx, MarketPriceInput{Source: src, Grade: grade, Name: "热轧钢板", Spec: spec, Price: price, On: on})
		p.must(err)
	}
	record("shenyang", "Q235B", "20×1500×6000", "4080", "2026-10-30")
	record("shenyang", "Q235B", "20×1500×6000", "4060", "2026-11-01")
	record("shenyang", "Q235B", "20×1500×6000", "4000", "2026-10-31") // entered late for an earlier day
	record("local", "Q235B", "20×1500×6000", "4150", "2026-11-02")
	record("wuxi", "Q345B", "20×1500×6000", "4390", "2026-11-02")
	show := func(rows []store.MarketPrice) string {
		var out []string
		for _, m := range rows {
			out = append(out, fmt.Sprintf("%s/%s/%s", m.Grade, m.Source, m.Price.Plain()))
		}
		return fmt.Sprint(out)
	}
	list := func(pg store.Page) []store.MarketPrice {
		t.Helper()
		rows, err := p.e.Desk(p.clerk).MarketPrices(p.ctx, pg)
		p.must(err)
		return rows
	}
	all := list(store.Page{})
	for _, tc := range []struct {
		name string
		page store.Page
		want string
	}{
		{"newest of each", store.Page{}, "[Q345B/wuxi/4390.00 Q235B/local/4150.00 Q235B/shenyang/4060.00]"},
		{"filtered", store.Page{Query: "q345"}, "[Q345B/wuxi/4390.00]"},
		{"first page", store.Page{Limit: 2}, "[Q345B/wuxi/4390.00 Q235B/local/4150.00]"},
		{"after a row", store.Page{Cursor: -all[0].ID}, "[Q235B/local/4150.00 Q235B/shenyang/4060.00]"},
		{"before a row", store.Page{Cursor: -all[2].ID, Backward: true}, "[Q345B/wuxi/4390.00 Q235B/local/4150.00]"},
		{"the last page", store.Page{Backward: true, Limit: 1}, "[Q235B/shenyang/4060.00]"},
	} {
		if got := show(list(tc.page)); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	if _, err := p.e.Desk(p.wh).MarketPrices(p.ctx, store.Page{}); err == nil {
		t.Fatal("the warehouse saw market prices")
	}
}

// TestOpenPriceChanges lists the changes not yet decided, newest first.
func TestOpenPriceChanges(t *testing.T) {
	p := newPricing(t)
	line := PriceLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: "20×1500×6000", Unit: "t", Price: "4100", ValidFrom: "2026-11-05"}
	done := p.approvePrices(p.clerk, p.boss, line)
	waiting, _, err := p.e.Desk(p.clerk).ProposePriceChange(p.ctx, PriceChangeInput{Reason: "下周调价", Lines: []PriceLineInput{line}})
	p.must(err)
	back, _, err := p.e.Desk(p.buyer).ProposePriceChange(p.ctx, PriceChangeInput{Reason: "采购调价", Lines: []PriceLineInput{line}})
	p.must(err)
	p.must(p.e.Desk(p.boss).Act(p.ctx, back, ActionSendBack, "价格偏高"))
	docs, err := p.e.Desk(p.rep).OpenPriceChanges(p.ctx)
	p.must(err)
	var got []int64
	for _, d := range docs {
		got = append(got, d.ID)
	}
	if fmt.Sprint(got) != fmt.Sprint([]int64{back, waiting}) {
		t.Fatalf("open changes %v, want %v (not the approved %d)", got, []int64{back, waiting}, done)
	}
	if _, err := p.e.Desk(p.wh).OpenPriceChanges(p.ctx); err == nil {
		t.Fatal("the warehouse saw price changes")
	}
}

// TestWhoSeesThePriceList: the price list screen follows who may see
// list prices; the warehouse, planning and an administrator alone do not.
func TestWhoSeesThePriceList(t *testing.T) {
	for _, tc := range []struct {
		role Role
		want bool
	}{
		{Clerk, true}, {SalesRep, true}, {Supervisor, true}, {Finance, true}, {Purchasing, true},
		{Planning, false}, {Warehouse, false}, {Admin, false},
	} {
		u := store.User{ID: 1, Roles: []string{string(tc.role)}}
		if got := SeesScreen(u, ScreenPriceList); got != tc.want {
			t.Errorf("%s sees the price list: %v, want %v", tc.role, got, tc.want)
		}
		if got := Can(u, SeePriceList); got != tc.want {
			t.Errorf("%s may read prices: %v, but the screen says %v", tc.role, got, tc.want)
		}
	}
}
