package tuitest

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/screenrig"
)

// Common is the session of user u in lang, for driving one screen's
// Update directly.
func (f *Fixture) Common(u store.User, lang string) *common.Common {
	return screenrig.Session(f.Ctx, f.Engine.Desk(u), lang, screenrig.Fixed(Clock))
}

// Burst hands every message to the screen's Update before any command
// runs or anything is drawn, as keys typed ahead arrive; then it runs
// the commands and hands back their messages until nothing is left.
func Burst(t testing.TB, s common.Screen, msgs ...tea.Msg) {
	t.Helper()
	var cmds []tea.Cmd
	for _, m := range msgs {
		var cmd tea.Cmd
		s, cmd = s.Update(m)
		cmds = append(cmds, cmd)
	}
	Settle(t, s, cmds...)
}

// Settle runs commands and hands their messages to the screen until
// nothing is left (Settle(t, s, s.Init()) opens a screen).
func Settle(t testing.TB, s common.Screen, cmds ...tea.Cmd) {
	t.Helper()
	for round := 0; len(cmds) > 0; round++ {
		if round > 50 {
			t.Fatal("the screen's commands never settle")
		}
		var next []tea.Cmd
		for _, msg := range runAll(cmds) {
			var cmd tea.Cmd
			s, cmd = s.Update(msg)
			next = append(next, cmd)
		}
		cmds = next
	}
}

// runAll runs commands, batches and sequences included, and returns the
// messages they made (a cursor's blink left out: it would tick for ever).
func runAll(cmds []tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, cmd := range cmds {
		if cmd == nil {
			continue
		}
		switch m := cmd().(type) {
		case nil, cursor.BlinkMsg:
		case tea.BatchMsg:
			out = append(out, runAll(m)...)
		default:
			// tea.Sequence's message is an unexported []tea.Cmd.
			if v := reflect.ValueOf(m); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
				seq := make([]tea.Cmd, v.Len())
				for i := range seq {
					seq[i] = v.Index(i).Interface().(tea.Cmd)
				}
				out = append(out, runAll(seq)...)
				continue
			}
			out = append(out, m)
		}
	}
	return out
}
