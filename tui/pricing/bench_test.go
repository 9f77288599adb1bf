package pricing

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/store/storetest"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
)

// Sizes of the benchmark's demo database: moderate, built once and kept
// in the temporary folder (the 200,000-quote one of store's benchmark
// takes an hour).
const (
	benchCustomers  = 5000
	benchInquiries  = 12000
	benchMarketDays = 3000
)

func pricingBenchDB(b *testing.B) string {
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.MarketDays = benchCustomers, 300, benchInquiries, benchMarketDays
	return benchkit.DemoDB(b, fmt.Sprintf("orderdesk-pricing-screen-bench-%d-%d-%d-v%d.db",
		benchCustomers, benchInquiries, benchMarketDays, store.SchemaVersion()), opts, nil)
}

// drain runs cmd and what it leads to on this goroutine, handing every
// message back to the screen, the way the program would.
func drain(s *Screen, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch m := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			drain(s, c)
		}
	case common.StatusMsg:
	default:
		_, next := s.Update(m)
		drain(s, next)
	}
}

// BenchmarkLinePriceContext times moving the cursor to another line of
// a quote: the key's Update, the price context query (list, last quoted,
// last sold, three markets), the Update with its answer and the View.
func BenchmarkLinePriceContext(b *testing.B) {
	path := pricingBenchDB(b)
	st, eng, u := benchkit.OpenAs(b, path, "wangli")
	defer st.Close()
	ctx := context.Background()
	var quoteID int64
	var lines, quotes, market int
	db := storetest.ReadOnly(b, path) // counts and the quote with the most lines
	db.QueryRow(`SELECT doc_id, count(*) n FROM quote_lines GROUP BY doc_id ORDER BY n DESC, doc_id LIMIT 1`).Scan(&quoteID, &lines)
	db.QueryRow(`SELECT count(*) FROM quotes`).Scan(&quotes)
	db.QueryRow(`SELECT count(*) FROM market_prices`).Scan(&market)
	b.Logf("%d quotes, %d market prices; quote %d has %d lines", quotes, market, quoteID, lines)

	cat := i18n.Catalog{Lang: i18n.Chinese}
	c := &common.Common{Ctx: ctx, Desk: eng.Desk(u), Cat: cat, Styles: common.NewStyles(true), Keys: common.NewKeyMap(cat),
		Now: time.Now, FollowUpDays: workflow.DefaultFollowUpDays}
	s := New(c)
	s.SetSize(120, 37)
	_, cmd := s.Update(common.OpenMsg{Screen: ScreenKey, DocID: quoteID})
	drain(s, cmd)
	if !s.d.loaded || len(s.lines()) < 2 {
		b.Fatalf("quote %d did not open with lines", quoteID)
	}
	down, up := tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyUp}
	dir := down
	lat := make([]time.Duration, 0, 4096)
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		switch {
		case s.d.line == len(s.lines())-1:
			dir = up
		case s.d.line == 0:
			dir = down
		}
		start := time.Now()
		_, cmd := s.Update(dir)
		drain(s, cmd)
		_ = s.View()
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	if s.d.pc == nil || s.d.pcLine != s.lines()[s.d.line].ID {
		b.Fatal("the context shown is not the line's")
	}
	benchkit.Report(b, lat)
}
