package statistics

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/internal/benchgen/statvolume"
	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow"
	"orderdesk/workflow/workflowtest"
)

// benchKey times one key to the frame it leads to: its Update, the load
// it starts (if any) answered and applied, and the View; p50 and p99
// beside the mean. Unless burst, what the key started in the background
// (the settle timer and the reads ahead) runs after the frame, as the
// program runs it while no key comes: ns/op counts it, p50 and p99 do
// not. burst drops it, as keys typed faster than the screen settles
// leave it unstarted. At least minSamples keys are timed.
func benchKey(b *testing.B, s *Screen, burst bool, keys ...string) {
	b.Helper()
	sample(b, func(i int) time.Duration {
		t0 := time.Now()
		bg := press(s, keys[i%len(keys)])
		took := time.Since(t0)
		if !burst {
			settle(s, bg)
		}
		return took
	})
	if s.dropWhole != nil {
		s.dropWhole() // the last key's read goes on no longer than the benchmark
	}
}

// sample runs the i-th step as the benchmark's loop, and more until
// there are minSamples, and reports the p50 and p99 of what each step
// says it took.
func sample(b *testing.B, step func(i int) time.Duration) {
	const minSamples = 20
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		times = append(times, step(i))
	}
	for i := len(times); i < minSamples; i++ {
		times = append(times, step(i))
	}
	slices.Sort(times)
	ms := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}

// press hands the screen a key and the answers of what it started, then
// draws the frame; what it started in the background comes back.
func press(s *Screen, k string) []tea.Cmd {
	_, cmd := s.Update(screenrig.Key(k))
	bg := run(s, cmd, nil)
	_ = s.View()
	return bg
}

// run hands the screen the answer of cmd and of what that starts in
// turn, and adds what is marked common.Background to bg.
func run(s *Screen, cmd tea.Cmd, bg []tea.Cmd) []tea.Cmd {
	if cmd == nil {
		return bg
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			bg = run(s, c, bg)
		}
	case common.BackgroundMsg:
		bg = append(bg, msg.Cmd)
	default:
		_, next := s.Update(msg)
		bg = run(s, next, bg)
	}
	return bg
}

// settle runs background work and what it starts until none is left.
func settle(s *Screen, bg []tea.Cmd) {
	for len(bg) > 0 {
		next := run(s, bg[0], nil)
		bg = append(bg[1:], next...)
	}
}

// statKeys are the keys timed: j moves the cursor, s sorts by the next
// column, enter and esc drill a rep down to their customers and back,
// ] reads the next month, enter on a customer opens their documents
// ("documents"); "at once" are keys typed faster than the screen
// settles, so nothing was read ahead for them.
var statKeys = []struct {
	name  string
	keys  []string
	burst bool
}{{"move", []string{"j", "k"}, false}, {"sort", []string{"s"}, false}, {"drill", []string{"enter", "esc"}, false},
	{"period", []string{"]", "["}, false}, {"drill at once", []string{"enter", "esc"}, true}, {"period at once", []string{"]", "["}, true},
	{"documents at once", []string{"enter", "esc"}, true}}

// benchKeys times statKeys, each on a screen opened by open (settled
// unless burst).
func benchKeys(b *testing.B, open func(burst bool) *Screen) {
	for _, c := range statKeys {
		b.Run(c.name, func(b *testing.B) {
			s := open(c.burst)
			if strings.HasPrefix(c.name, "drill") {
				bg := press(s, "v") // by rep: enter opens a rep's customers
				if !c.burst {
					settle(s, bg)
				}
			}
			benchKey(b, s, c.burst, c.keys...)
		})
	}
}

// openBench is the screen of login on the day now, 120×40, its first
// view read and, unless burst, what it reads ahead read. The session has
// a type-ahead gate, so the screen's background work comes marked as the
// program sees it, and the screen settles at once.
func openBench(b *testing.B, eng *workflow.Engine, login string, now time.Time, burst bool) *Screen {
	c := screenrig.Session(context.Background(), eng.Desk(userOf(b, eng, login)), "zh", screenrig.Fixed(now))
	c.Gate = &common.Gate{}
	s := New(c)
	s.settleFor = time.Microsecond
	s.SetSize(120, 40)
	bg := run(s, s.Init(), nil)
	if !burst {
		settle(s, bg)
	}
	if s.answered == 0 {
		b.Fatal("the first view never came")
	}
	return s
}

// The demo desk's two years (30 customers).
func BenchmarkStatisticsKeys(b *testing.B) {
	eng := statDesk(b)
	benchKeys(b, func(burst bool) *Screen { return openBench(b, eng, "zhao", today, burst) })
}

// The two-year volume (5,000 customers, 12 reps, 2.2 million day rows,
// built straight into the statistics' tables): the screen opens on the
// month by customer, each row with its 24 months.
//
//	go test -run '^$' -bench StatisticsKeysTwoYears ./tui/statistics
func BenchmarkStatisticsKeysTwoYears(b *testing.B) {
	eng := workflowtest.Open(b, statvolume.DB(b), store.AllowBenchDB())
	b.Cleanup(func() { eng.Store().Close() })
	day, _ := time.Parse(time.DateOnly, statvolume.Last)
	open := func(burst bool) *Screen {
		s := openBench(b, eng, statvolume.Supervisor, day.Add(15*time.Hour), burst)
		if len(s.view.Rows) < statvolume.Customers/2 {
			b.Fatalf("the volume's month shows %d customers", len(s.view.Rows))
		}
		return s
	}
	benchKeys(b, open)
	// A month's rows read alone (every figure and what each owes: what a
	// key typed ahead waits for), and the whole view with every
	// customer's 24 months, when the sparklines and the chart show; by
	// customer and by rep (summed from its customers).
	for _, dim := range []store.StatDim{store.StatCustomer, store.StatRep} {
		for _, months := range []int{0, trendMonths} {
			name := map[int]string{0: "rows alone", trendMonths: "whole view"}[months]
			if dim != store.StatCustomer {
				name = "by " + string(dim) + ", " + name
			}
			b.Run(name, func(b *testing.B) {
				s := open(false)
				q := s.query()
				q.Dim, q.Months = dim, months
				sample(b, func(int) time.Duration {
					t0 := time.Now()
					if _, err := s.c.Desk.Statistics(s.c.Ctx, q); err != nil {
						b.Fatal(err)
					}
					return time.Since(t0)
				})
			})
		}
	}
}
