package benchkit

import (
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Time times b.N rounds of step, each a key to the frame it brings (i
// counts the rounds), and reports the median and the 99th percentile;
// between, when given, runs untimed after each round: what the key
// started, applied as the program would between keys.
func Time(b *testing.B, step func(i int), between func()) {
	lat := make([]time.Duration, 0, b.N)
	runtime.GC()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		start := time.Now()
		step(i)
		lat = append(lat, time.Since(start))
		if between != nil {
			b.StopTimer()
			between()
			b.StartTimer()
		}
		i++
	}
	b.StopTimer()
	Report(b, lat)
}

// Frame sends msg to app, hands it messages until one whose type name
// contains want is applied, and draws the frame.
func (l *Loop) Frame(b *testing.B, app Viewer, msg tea.Msg, want string) {
	l.Send(app, msg)
	l.Until(b, app, want)
	_ = app.View()
}

// Viewer is an App that draws its frame.
type Viewer interface {
	App
	View() tea.View
}
