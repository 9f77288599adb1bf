package orders

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/tui/tuitest/benchkit"
	"orderdesk/workflow"
	"orderdesk/workflow/demo"
	"orderdesk/workflow/workflowtest"
)

// The orders screen's numbers (issue 5): a keystroke in the / filter to
// the screen drawn again over 100,000 orders and a million lines, and
// opening an order of 200 lines. Each is timed as the program runs it:
// Update with the key, the command it returns (the query), Update with
// the answer, and View.

// benchGenVersion changes when the database the benchmark builds
// would differ, so a cached one is rebuilt.
const benchGenVersion = 2

var benchToday = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)

// volumeDB returns a database with n orders of about ten lines each for
// 2,000 customers, built once by the demo's volume generator and kept
// in the temp folder keyed by size, schema and version.
//
// ORDERDESK_BENCH_DB names a database built the same way to use instead
// (store's BenchmarkOrdersFilter keeps one in the temp folder).
func volumeDB(b *testing.B, n int) string {
	b.Helper()
	if p := os.Getenv("ORDERDESK_BENCH_DB"); p != "" {
		return p
	}
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.OrderVolume, opts.Today = 2000, 200, 0, 0, n, benchToday
	opts.Pending, opts.SentBack = 0, 0
	return benchkit.DemoDB(b, fmt.Sprintf("orderdesk-ordersui-bench-%d-v%d-g%d.db", n, store.SchemaVersion(), benchGenVersion), opts, nil)
}

// benchScreen opens the orders screen of the demo's clerk 王丽 over path.
func benchScreen(b *testing.B, path string) (*Screen, *workflow.Engine) {
	st, eng, u := benchkit.OpenAs(b, path, "wangli")
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	cat := i18n.Catalog{Lang: i18n.Chinese}
	c := &common.Common{Ctx: ctx, Desk: eng.Desk(u), Cat: cat, Styles: common.NewStyles(true), Keys: common.NewKeyMap(cat),
		Now: func() time.Time { return benchToday }}
	s := New(c)
	s.SetSize(160, 50)
	drive(s, s.Init())
	return s, eng
}

// drive runs cmd as the program would and feeds its messages back,
// until nothing is left.
func drive(s *Screen, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch m := c().(type) {
		case nil, common.StatusMsg:
		case tea.BatchMsg:
			queue = append(queue, m...)
		default:
			if _, isKey := m.(tea.KeyPressMsg); isKey {
				continue
			}
			_, next := s.Update(m)
			queue = append(queue, next)
		}
	}
}

// keystroke is one key in the filter until the page it asks for is on
// screen: commands run in goroutines, as in the program, so a cursor's
// blink timer never counts; the page's answer is applied and drawn.
func keystroke(s *Screen, k tea.KeyPressMsg) {
	_, cmd := s.Update(k)
	ch := make(chan tea.Msg, 64)
	var launch func(tea.Cmd)
	launch = func(c tea.Cmd) {
		if c == nil {
			return
		}
		go func() {
			switch m := c().(type) {
			case tea.BatchMsg:
				for _, c := range m {
					launch(c)
				}
			default:
				ch <- m
			}
		}()
	}
	launch(cmd)
	for msg := range ch {
		if _, ok := msg.(common.PageMsg[store.OrderRow]); ok {
			s.Update(msg)
			_ = s.View()
			return
		}
	}
}

func keyOf(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func reportLatency(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	at := func(p float64) float64 { return float64(d[int(p*float64(len(d)-1))].Nanoseconds()) / 1e6 }
	b.ReportMetric(at(0.50), "ms-p50")
	b.ReportMetric(at(0.99), "ms-p99")
}

// BenchmarkOrdersFilterKeystroke types the words clerks search by into
// the / filter, one key at a time, each followed by the page and the
// screen drawn, over 100,000 orders (a million lines). Target: p99 <
// 10 ms. ORDERDESK_BENCH_SMALL=1 uses 10,000 orders. The first run
// builds the database (run with -timeout 90m).
func BenchmarkOrdersFilterKeystroke(b *testing.B) {
	n := 100_000
	if os.Getenv("ORDERDESK_BENCH_SMALL") != "" {
		n = 10_000
	}
	s, _ := benchScreen(b, volumeDB(b, n))
	words := []string{"q235b", "鞍山", "恒达", "lnsyno.01", "热轧", "20×1500", "45#", "sybf", "不存在", "304", "dd2026"}
	rng := rand.New(rand.NewPCG(1, 2))
	lat := make([]time.Duration, 0, b.N)
	s.Update(keyOf('/'))
	type timed struct {
		q string
		d time.Duration
	}
	var slow []timed
	var word []rune
	typed := 0
	for b.Loop() {
		if typed == len(word) {
			// The word is in: clear the filter and start another, as a
			// clerk does (not timed).
			for range typed {
				keystroke(s, tea.KeyPressMsg{Code: tea.KeyBackspace})
			}
			word, typed = []rune(words[rng.IntN(len(words))]), 0
		}
		k := keyOf(word[typed])
		typed++
		start := time.Now()
		keystroke(s, k)
		d := time.Since(start)
		lat = append(lat, d)
		slow = append(slow, timed{s.list.Query(), d})
	}
	sort.Slice(slow, func(i, j int) bool { return slow[i].d > slow[j].d })
	for _, t := range slow[:min(5, len(slow))] {
		b.Logf("slowest: %q %v", t.q, t.d)
	}
	reportLatency(b, lat)
}

// BenchmarkOrderOpen200 opens a signed-off order of 200 lines from the
// list: enter, the order with its history and audit loaded, drawn.
// Target: < 20 ms.
func BenchmarkOrderOpen200(b *testing.B) {
	opts := demo.DefaultOptions()
	opts.Customers, opts.Products, opts.Inquiries, opts.Orders, opts.Today = 50, 100, 0, 0, benchToday
	path := filepath.Join(b.TempDir(), "open.db")
	st, eng, _ := benchkit.Generate(b, path, opts, nil)
	ctx := context.Background()
	clerk, boss := workflowtest.User(b, eng, "wangli"), workflowtest.User(b, eng, "zhao")
	cust := workflowtest.FirstCustomer(b, eng)
	d := eng.Desk(clerk)
	in, err := d.NewOrderInput(ctx, cust)
	if err != nil {
		b.Fatal(err)
	}
	in.DeliveryDate, in.SigningPlace, in.ShipTo = time.Now().AddDate(0, 0, 14).Format("2006-01-02"), "沈阳", "沈阳市铁西区北二路18号"
	for i := range 200 {
		in.Lines = append(in.Lines, workflow.OrderLineInput{Grade: "Q235B", Name: "热轧钢板", Spec: fmt.Sprintf("%d×1500×6000", 6+i%40),
			Quantity: fmt.Sprintf("%d.%03d", 1+i%40, i), Unit: "t", Price: fmt.Sprint(3800 + i)})
	}
	id, _, err := d.CreateOrder(ctx, in)
	if err == nil {
		err = d.SubmitOrder(ctx, id, 0)
	}
	if err == nil {
		err = eng.Desk(boss).Act(ctx, id, workflow.ActionApprove, "")
	}
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	s, _ := benchScreen(b, path)
	lat := make([]time.Duration, 0, b.N)
	for b.Loop() {
		start := time.Now()
		drive(s, s.openDetail(id))
		out := s.View()
		lat = append(lat, time.Since(start))
		if s.detail == nil || len(s.detail.Order.Lines) != 200 || s.detail.Number == "" || len(out) == 0 {
			b.Fatal("the order did not open")
		}
		s.mode, s.detail = modeList, nil
	}
	reportLatency(b, lat)
}
