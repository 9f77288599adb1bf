package tuitest

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/tuitest/screenrig"
)

// Keys turns typing into key presses (see screenrig.Keys).
func Keys(typed string) []tea.Msg { return screenrig.Keys(typed) }

// Key is a key press by name (see screenrig.Key).
func Key(name string) tea.KeyPressMsg { return screenrig.Key(name) }

// Char is the key press of one character.
func Char(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }
