package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// NewForm sets up an embedded huh form the way the desk wants it: esc
// (and ctrl+c) abandon it, help comes from the frame's footer in the
// user's language, no external editor (it would take over an SSH
// session), no option filter, and colours that follow the session's
// background. The theme is built once per form: huh asks for it on every
// update and view, and building it each time cost more than all else.
func NewForm(c *Common, groups ...*huh.Group) *huh.Form {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"))
	km.Select.Filter = key.NewBinding()
	km.Text.Editor = key.NewBinding()
	dark, light := formTheme(true), formTheme(false)
	theme := huh.ThemeFunc(func(bool) *huh.Styles {
		if c.Styles.Dark {
			return dark
		}
		return light
	})
	return huh.NewForm(groups...).WithKeyMap(km).WithTheme(theme).WithShowHelp(false)
}

func formTheme(dark bool) *huh.Styles {
	t := huh.ThemeCharm(dark)
	muted := NewStyles(dark).Muted.GetForeground()
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Foreground(muted)
	t.Blurred.TextInput.Placeholder = t.Blurred.TextInput.Placeholder.Foreground(muted)
	return t
}

// UpdateForm passes msg to an embedded form and keeps the form it returns.
func UpdateForm(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) {
	m, cmd := f.Update(msg)
	if nf, ok := m.(*huh.Form); ok {
		f = nf
	}
	return f, cmd
}

// NewInput is a text input with a steady cursor: a blinking one redraws
// every SSH session's screen twice a second for nothing.
func NewInput() textinput.Model {
	ti := textinput.New()
	st := ti.Styles()
	st.Cursor.Blink = false
	ti.SetStyles(st)
	return ti
}
