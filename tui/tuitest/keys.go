package tuitest

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest/screenrig"
)

// Keys turns typing into key presses (see screenrig.Keys).
func Keys(typed string) []tea.Msg { return screenrig.Keys(typed) }
