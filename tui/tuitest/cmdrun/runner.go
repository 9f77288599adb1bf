// Package cmdrun runs a screen's commands for screen tests, as the program
// would, without importing the app (screens' own tests use it).
package cmdrun

import (
	"reflect"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
)

// Runner runs a screen's commands the way the program does, each in a
// goroutine, and holds their messages until a test delivers them: screen
// tests call Update themselves and see every answer arrive.
type Runner struct {
	Inbox   chan tea.Msg
	pending atomic.Int64 // commands still running
}

// NewRunner holds up to size undelivered messages.
func NewRunner(size int) *Runner { return &Runner{Inbox: make(chan tea.Msg, size)} }

// Start runs cmd; batches and sequences run each of their commands. A
// cursor's blink is dropped: fed back it would blink for ever.
func (r *Runner) Start(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	r.pending.Add(1)
	go func() {
		defer r.pending.Add(-1)
		msg := cmd()
		switch m := msg.(type) {
		case nil, cursor.BlinkMsg:
		case tea.BatchMsg:
			for _, c := range m {
				r.Start(c)
			}
		default:
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				for i := range v.Len() {
					r.Start(v.Index(i).Interface().(tea.Cmd))
				}
				return
			}
			r.Inbox <- msg
		}
	}()
}

// Pump delivers every message already waiting.
func (r *Runner) Pump(deliver func(tea.Msg)) {
	for {
		select {
		case msg := <-r.Inbox:
			deliver(msg)
		default:
			return
		}
	}
}

// Settle delivers messages until no command is running and none waits,
// or d has passed.
func (r *Runner) Settle(d time.Duration, deliver func(tea.Msg)) {
	deadline := time.Now().Add(d)
	for {
		r.Pump(deliver)
		if r.pending.Load() == 0 && len(r.Inbox) == 0 || time.Now().After(deadline) {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}
