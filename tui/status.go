package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// The status line says what the last action did ("saved", or why it was
// refused), and leaves when it no longer applies: at the next key, when
// another screen is shown, and at the latest after a while. An error that
// came while an input had focus (a save refused in a form) stays while
// the clerk types on in that input to put it right, and leaves with the
// input (the form saved, or closed with esc).

// How long a status stays when nothing else moves it on: a notice is
// read at a glance, an error may be read on return to the desk.
const (
	noticeLife = 15 * time.Second
	errorLife  = 60 * time.Second
)

// statusExpiredMsg says status number seq has been shown its while.
type statusExpiredMsg struct{ seq int }

// statusState is the status shown and where it came from.
type statusState struct {
	shown   common.StatusMsg
	inInput bool // came while the screen's input had focus
	seq     int  // counts statuses, so an old timer leaves a newer one alone
	life    [2]time.Duration
	timer   tea.Cmd // to start (see statusTimer)
}

// showStatus shows msg until it no longer applies (or its time is up).
func (a *App) showStatus(msg common.StatusMsg) {
	s := &a.status
	s.shown, s.inInput = msg, a.screens[a.active].Capturing()
	s.seq++
	life := s.life[0]
	if msg.Error {
		life = s.life[1]
	}
	seq := s.seq
	s.timer = a.c.Background(tea.Tick(life, func(time.Time) tea.Msg { return statusExpiredMsg{seq: seq} }))
}

// statusTimer is the timer of a status shown since it was last asked,
// for Update to start outside any awaited answer: keys never wait on it.
func (a *App) statusTimer() tea.Cmd {
	t := a.status.timer
	a.status.timer = nil
	return t
}

func (a *App) statusExpired(msg statusExpiredMsg) {
	if msg.seq == a.status.seq {
		a.clearStatus()
	}
}

func (a *App) clearStatus() { a.status.shown, a.status.inInput = common.StatusMsg{}, false }

// typed applies a key or a paste that goes to the screen's focused input:
// the status it leaves is one about what is being typed there, until the
// input closes.
func (a *App) typed(msg tea.Msg) tea.Cmd {
	if !a.status.shown.Error || !a.status.inInput {
		a.clearStatus()
	}
	cmd := a.forward(msg)
	if a.status.inInput && !a.screens[a.active].Capturing() {
		a.clearStatus() // the input it was about has closed
	}
	return cmd
}
