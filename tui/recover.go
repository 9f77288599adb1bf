package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// A bug in one screen must not end the session: a panic in a screen's
// Update starts that screen afresh (a form's typed text survives in its
// draft) and says so on the status line; a panic in its View shows as
// text; a panic in a command comes back as a common.PanicMsg.

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

// restart replaces screen i with a new one after a panic.
func (a *App) restart(i int, r any) tea.Cmd {
	a.screens[i] = a.defs[i].build(a.c)
	a.screens[i].SetSize(a.width, a.bodyHeight())
	a.started[i] = false
	var start tea.Cmd
	if i == a.active {
		start = a.start(i)
	}
	return tea.Batch(start, common.Status(a.c.T("error.unexpected", fmt.Sprint(r)), true))
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
