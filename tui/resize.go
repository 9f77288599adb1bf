package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// A burst of window resizes (a window dragged, a tmux pane zoomed) can
// leave the terminal holding pieces of frames drawn for sizes already
// gone. Once the size has held still for a moment the whole screen is
// cleared and drawn again, so the frame after the last resize is always
// whole.

// resizeSettle is how long the size must hold still.
const resizeSettle = 120 * time.Millisecond

// resizeSettledMsg says resize number seq has held still.
type resizeSettledMsg struct{ seq int }

func (a *App) resized(w, h int) tea.Cmd {
	a.width, a.height = w, h
	for _, s := range a.screens {
		s.SetSize(a.width, a.bodyHeight())
	}
	a.resizeSeq++
	seq := a.resizeSeq
	return a.c.Background(tea.Tick(resizeSettle, func(time.Time) tea.Msg { return resizeSettledMsg{seq: seq} }))
}

func (a *App) resizeSettled(msg resizeSettledMsg) tea.Cmd {
	if msg.seq != a.resizeSeq {
		return nil // another resize came since: wait for it to settle
	}
	return tea.ClearScreen
}
