package pricing

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
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
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("orderdesk-pricing-screen-bench-%d-%d-%d-v%d.db",
		benchCustomers, benchInquiries, benchMarketDays, store.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	tmp := path + ".building"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	st, err := store.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	eng, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.MarketDays = benchCustomers, 300, benchInquiries, benchMarketDays
	start := time.Now()
	sum, err := demo.Generate(ctx, eng, opts)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %+v in %v: %s", sum, time.Since(start).Round(time.Second), path)
	return path
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
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	eng, err := workflow.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	var u store.User
	var quoteID int64
	var lines, quotes, market int
	err = st.Read(ctx, func(tx *store.Tx) error {
		if u, err = tx.UserByLogin(ctx, "wangli"); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro") // counts and the quote with the most lines
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
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
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
