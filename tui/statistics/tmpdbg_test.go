package statistics

import (
	"fmt"
	"testing"
	"time"

	"orderdesk/internal/benchgen/statvolume"
	"orderdesk/store"
	"orderdesk/workflow/workflowtest"
)

func BenchmarkTmpSeq(b *testing.B) {
	eng := workflowtest.Open(b, statvolume.DB(b), store.AllowBenchDB())
	b.Cleanup(func() { eng.Store().Close() })
	day, _ := time.Parse(time.DateOnly, statvolume.Last)
	for _, keys := range [][]string{{"]", "["}, {"v", "enter", "esc"}} {
		s := openBench(b, eng, statvolume.Supervisor, day.Add(15*time.Hour), false)
		for i := 0; i < 8; i++ {
			k := keys[i%len(keys)]
			if i >= len(keys) && k == "v" {
				continue
			}
			ahead := []string{}
			for _, a := range s.aheadViews {
				ahead = append(ahead, a.q.Period.Label()+string(a.q.Dim))
			}
			t0 := time.Now()
			bg := press(s, k)
			d := time.Since(t0)
			fmt.Println(k, d, s.period.Label(), s.top().dim, ahead)
			settle(s, bg)
		}
	}
}
