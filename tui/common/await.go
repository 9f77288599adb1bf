package common

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Gate is the session's count of answers that keys typed since are
// waiting for. While it is above zero the root holds every key back, in
// order, and hands them on once the answers have been applied: a key
// acts on the state every earlier key produced, never on a list still
// loading or a cursor about to move.
type Gate struct{ pending int }

// Pending is how many awaited answers have not arrived yet.
func (g *Gate) Pending() int {
	if g == nil {
		return 0
	}
	return g.pending
}

// Hold counts one more awaited answer.
func (g *Gate) Hold() { g.pending++ }

// Release counts one awaited answer in.
func (g *Gate) Release() { g.pending = max(g.pending-1, 0) }

// AwaitedMsg carries the answer of an awaited command to the root, which
// releases the gate, applies Msg and then the keys held back.
type AwaitedMsg struct{ Msg tea.Msg }

// PanicMsg is what a command that panicked answers instead: the status
// line says so and the session goes on.
type PanicMsg struct{ Value any }

func (p PanicMsg) Error() string { return fmt.Sprint(p.Value) }

// Await marks cmd as an answer later keys depend on: keys typed before
// it arrives wait for it. The root awaits every command a key starts (a
// page, a filter's result, a document opened, a save, a lookup) and
// every command those answers start in turn; a screen marks what must
// not hold keys back with Background. Only Update may call it (the gate
// is not shared between goroutines). Without a gate (a screen tested on
// its own) cmd runs as it is.
func (c *Common) Await(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || c.Gate == nil {
		return cmd
	}
	c.Gate.Hold()
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = AwaitedMsg{Msg: PanicMsg{Value: r}}
			}
		}()
		return AwaitedMsg{Msg: cmd()}
	}
}

// BackgroundMsg carries a command that must not hold keys back.
type BackgroundMsg struct{ Cmd tea.Cmd }

// Background marks cmd as work that keys need not wait for: a timer (a
// draft saved after a pause in typing), a refresh nobody asked for. The
// root runs it without holding keys. Without a gate cmd runs as it is.
func (c *Common) Background(cmd tea.Cmd) tea.Cmd {
	if cmd == nil || c.Gate == nil {
		return cmd
	}
	return func() tea.Msg { return BackgroundMsg{Cmd: cmd} }
}
