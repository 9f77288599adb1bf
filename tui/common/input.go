package common

import "charm.land/bubbles/v2/textinput"

// NewInput is a text input with a steady cursor: a blinking one redraws
// every SSH session's screen twice a second for nothing.
func NewInput() textinput.Model {
	ti := textinput.New()
	st := ti.Styles()
	st.Cursor.Blink = false
	ti.SetStyles(st)
	return ti
}
