package statistics

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/internal/benchgen/statvolume"
	"orderdesk/store"
	"orderdesk/tui/tuitest/screenrig"
	"orderdesk/workflow/workflowtest"
)

// benchKey times one key to the frame it leads to: its Update, the load
// it starts (if any) answered and applied, and the View; p50 and p99
// beside the mean.
func benchKey(b *testing.B, s *Screen, keys ...string) {
	b.Helper()
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		t0 := time.Now()
		press(s, keys[i%len(keys)])
		times = append(times, time.Since(t0))
	}
	slices.Sort(times)
	ms := func(q float64) float64 { return float64(times[int(q*float64(len(times)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}

// press hands the screen a key and the answer of what it started, then
// draws the frame.
func press(s *Screen, k string) {
	var cmd tea.Cmd
	for _, cmd = s.Update(screenrig.Key(k)); cmd != nil; {
		_, cmd = s.Update(cmd())
	}
	_ = s.View()
}

// statKeys are the keys timed: j moves the cursor, s sorts by the next
// column, enter and esc drill a rep down to their customers and back,
// ] reads the next month.
var statKeys = []struct {
	name string
	keys []string
}{{"move", []string{"j", "k"}}, {"sort", []string{"s"}}, {"drill", []string{"enter", "esc"}}, {"period", []string{"]", "["}}}

// benchKeys times statKeys on the desk, the screen opened by open.
func benchKeys(b *testing.B, open func() *Screen) {
	for _, c := range statKeys {
		b.Run(c.name, func(b *testing.B) {
			s := open()
			if c.name == "drill" {
				press(s, "v") // by rep: enter opens a rep's customers
			}
			benchKey(b, s, c.keys...)
		})
	}
}

// The demo desk's two years (30 customers).
func BenchmarkStatisticsKeys(b *testing.B) {
	eng := statDesk(b)
	benchKeys(b, func() *Screen {
		_, s := open(b, eng, "zhao", "zh", 120, 40)
		return s
	})
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
	benchKeys(b, func() *Screen {
		_, s := openAt(b, eng, statvolume.Supervisor, "zh", 120, 40, day.Add(15*time.Hour))
		if len(s.view.Rows) < statvolume.Customers/2 {
			b.Fatalf("the volume's month shows %d customers", len(s.view.Rows))
		}
		return s
	})
}
