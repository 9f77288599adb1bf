package benchkit

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// Loop plays a program's part for a benchmark: it runs commands on
// goroutines and hands their messages back, so a tick that sleeps or a
// feed that blocks never holds the benchmark up.
type Loop struct{ msgs chan tea.Msg }

// NewLoop holds up to 1024 undelivered messages.
func NewLoop() *Loop { return &Loop{msgs: make(chan tea.Msg, 1024)} }

// Run runs cmd, each command of a batch on its own.
func (l *Loop) Run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				l.Run(c)
			}
			return
		}
		if msg != nil {
			l.msgs <- msg
		}
	}()
}

// App is what a Loop drives: the app.
type App interface {
	Update(tea.Msg) (tea.Model, tea.Cmd)
}

// Send updates app with msg and runs the command it returns.
func (l *Loop) Send(app App, msg tea.Msg) {
	_, cmd := app.Update(msg)
	l.Run(cmd)
}

// Until hands messages to app until one whose type name contains want
// has been applied (an awaited answer counts by what it carries).
func (l *Loop) Until(b *testing.B, app App, want string) {
	timeout := time.After(10 * time.Second)
	for {
		select {
		case msg := <-l.msgs:
			l.Send(app, msg)
			inner := msg
			if a, ok := msg.(common.AwaitedMsg); ok {
				inner = a.Msg
			}
			if strings.Contains(fmt.Sprintf("%T", inner), want) {
				return
			}
		case <-timeout:
			b.Fatalf("no %s arrived", want)
		}
	}
}

// Settle hands messages to app until none has come for quiet: a screen
// switched to has read what it shows. It fails tb after ten seconds of
// messages that never stop.
func (l *Loop) Settle(tb testing.TB, app App, quiet time.Duration) {
	timeout := time.After(10 * time.Second)
	for {
		select {
		case msg := <-l.msgs:
			l.Send(app, msg)
		case <-time.After(quiet):
			return
		case <-timeout:
			tb.Fatal("the screen never settled")
		}
	}
}

// Report reports the median and the 99th percentile of lat.
func Report(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// TypedAndErased is each word typed and then taken back with backspace,
// as a clerk tries one search after another.
func TypedAndErased(words ...string) []tea.KeyPressMsg {
	var keys []tea.KeyPressMsg
	for _, word := range words {
		for _, ch := range word {
			keys = append(keys, tea.KeyPressMsg{Code: ch, Text: string(ch)})
		}
		for range []rune(word) {
			keys = append(keys, tea.KeyPressMsg{Code: tea.KeyBackspace})
		}
	}
	return keys
}
