package tuitest

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui"
	"orderdesk/tui/common"
	"orderdesk/tui/tuitest/cmdrun"
)

// settleFor bounds how long Press waits for answers: a query here takes
// milliseconds; only a stuck one would come near it.
const settleFor = 5 * time.Second

// Press hands msgs (keys, pastes, a window size) to app one after
// another, each followed by every answer its commands bring, as the
// program would deliver them, so a test reads the frame a person would
// see after typing. Timers the app runs in the background (a draft saved
// after a pause) are left out.
func Press(app *tui.App, msgs ...tea.Msg) {
	for _, m := range msgs {
		_, cmd := app.Update(m)
		Answer(app, cmd)
	}
}

// Answer runs cmd and hands app every answer it brings, and the answers
// those bring in turn, until none is left; background timers are left
// out. A benchmark times a key's Update and then lets Answer apply what
// the key started, as the program would between keys.
func Answer(app *tui.App, cmd tea.Cmd) {
	r := cmdrun.NewRunner(4096)
	deliver := func(m tea.Msg) {
		if _, ok := m.(common.BackgroundMsg); ok {
			return
		}
		_, next := app.Update(m)
		r.Start(next)
	}
	r.Start(cmd)
	r.Settle(settleFor, deliver)
}

// Quits says whether key, pressed now, ends the program.
func Quits(app *tui.App, key tea.KeyPressMsg) bool {
	_, cmd := app.Update(key)
	return quits(app, cmd)
}

func quits(app *tui.App, cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case common.AwaitedMsg:
		_, next := app.Update(msg)
		return quits(app, next)
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(app, c) {
				return true
			}
		}
	}
	return false
}

// Start readies app for Press as the program's Init would, without
// listening for other sessions' changes: a 120×40 window, and the first
// screen started (on the way back round the tabs) with its first page
// applied.
func Start(app *tui.App) {
	Press(app, tea.WindowSizeMsg{Width: 120, Height: 40}, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, tea.KeyPressMsg{Code: tea.KeyTab})
}
