package statistics

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest/screenrig"
)

// benchKey times one key to the frame it leads to: its Update, the load
// it starts (if any) answered and applied, and the View.
func benchKey(b *testing.B, s *Screen, keys ...string) {
	b.Helper()
	for i := 0; b.Loop(); i++ {
		press(s, keys[i%len(keys)])
	}
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

// The demo desk's two years (30 customers): j moves the cursor, s sorts
// by the next column, enter and esc drill a rep down to their customers
// and back, ] reads the next month.
func BenchmarkStatisticsKeys(b *testing.B) {
	eng := statDesk(b)
	for _, c := range []struct {
		name string
		keys []string
	}{{"move", []string{"j", "k"}}, {"sort", []string{"s"}}, {"drill", []string{"enter", "esc"}}, {"period", []string{"]", "["}}} {
		b.Run(c.name, func(b *testing.B) {
			_, s := open(b, eng, "zhao", "zh", 120, 40)
			if c.name == "drill" {
				press(s, "v") // by rep: enter opens a rep's customers
			}
			benchKey(b, s, c.keys...)
		})
	}
}
