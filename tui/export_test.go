package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// SetFirstScreen puts a screen built by build first in a, started, for
// tests of the frame's own rules (type-ahead, recovery).
func SetFirstScreen(a *App, build func(*common.Common) common.Screen) common.Screen {
	a.defs[0].build = build
	a.screens[0], a.started[0] = build(a.c), true
	return a.screens[0]
}

// Safe is safe, for tests.
func Safe(cmd tea.Cmd) tea.Cmd { return safe(cmd) }

// SetStatusLife sets how long a notice and an error stay on the status
// line when nothing else moves them on.
func SetStatusLife(a *App, notice, err time.Duration) { a.status.life = [2]time.Duration{notice, err} }

// Capturing says whether the screen shown has an input with focus.
func Capturing(a *App) bool { return a.screens[a.active].Capturing() }
