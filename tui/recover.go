package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// A bug in one screen must not end the session. This is the one place
// that recovers, for every screen: a panic in a screen's Update, or in a
// command (it comes back as a common.PanicMsg), starts the screen afresh
// (a form's typed text survives in its draft) and says so on the status
// line; a panic in its View shows as text.

// deliver hands msg to screen i, recovering from its panic.
func (a *App) deliver(i int, msg tea.Msg) (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			cmd = a.restart(i, r)
		}
	}()
	s, cmd := a.screens[i].Update(msg)
	a.screens[i] = s
	return cmd
}

// restart replaces screen i with a new one after a panic; the old one
// lets go of what it holds (a record its form had open).
func (a *App) restart(i int, r any) tea.Cmd {
	if c, ok := a.screens[i].(common.Closer); ok {
		c.Close()
	}
	a.screens[i] = a.defs[i].build(a.c)
	a.screens[i].SetSize(a.width, a.bodyHeight())
	a.started[i] = false
	var start tea.Cmd
	if i == a.active {
		start = a.start(i)
	}
	return tea.Batch(start, common.Status(a.c.T("error.unexpected", fmt.Sprint(r)), true))
}

// commandPanicked restarts the screen shown, whose command it was: it
// would wait for the answer for ever. Once until the next key, so a
// screen whose start panics again is not restarted in a loop.
func (a *App) commandPanicked(p common.PanicMsg) tea.Cmd {
	if a.restartedByCommand {
		return common.Status(a.c.T("error.unexpected", p.Error()), true)
	}
	a.restartedByCommand = true
	return a.restart(a.active, p.Value)
}

// screenView draws the active screen, or what went wrong drawing it.
func (a *App) screenView() (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = a.c.Styles.StatusError.Render(a.c.T("error.unexpected", fmt.Sprint(r)))
		}
	}()
	return a.screens[a.active].View()
}

// safe wraps a command (and each command of a batch it returns) so that
// its panic comes back as a message instead of ending the program.
func safe(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = common.PanicMsg{Value: r}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			wrapped := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				wrapped[i] = safe(c)
			}
			return wrapped
		}
		return msg
	}
}
