package customers

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"orderdesk/tui/common"
)

// newHuhForm sets up an embedded huh form the way this desk wants it:
// esc abandons it, help comes from our footer (in the user's language),
// field errors show above the form (huh's footer falls below a form
// that fills the window; see fieldErrors),
// no external editor (it would take over an SSH session), no option
// filter, colours following the session's background.
func newHuhForm(c *common.Common, groups ...*huh.Group) *huh.Form {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"))
	km.Select.Filter = key.NewBinding()
	km.Text.Editor = key.NewBinding()
	dark, light := formTheme(c, true), formTheme(c, false)
	theme := huh.ThemeFunc(func(bool) *huh.Styles {
		if c.Styles.Dark {
			return dark
		}
		return light
	})
	return huh.NewForm(groups...).WithKeyMap(km).WithTheme(theme).WithShowHelp(false).WithShowErrors(false)
}

func formTheme(c *common.Common, dark bool) *huh.Styles {
	t := huh.ThemeCharm(dark)
	muted := common.NewStyles(dark).Muted.GetForeground()
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Foreground(muted)
	t.Blurred.TextInput.Placeholder = t.Blurred.TextInput.Placeholder.Foreground(muted)
	return t
}

// updateHuh passes msg to an embedded form and keeps the form it returns.
func updateHuh(f *huh.Form, msg tea.Msg) (*huh.Form, tea.Cmd) {
	m, cmd := f.Update(msg)
	if nf, ok := m.(*huh.Form); ok {
		f = nf
	}
	return f, cmd
}

// formSize is the width and height an embedded form gets: the body less
// the title and error lines above it, never wider than is easy to read.
func formSize(w, h int) (int, int) {
	return max(min(w, 110), 20), max(h-3, 5)
}

// fieldErrors is what is wrong with the fields of the form's current page,
// one line.
func fieldErrors(c *common.Common, f *huh.Form) string {
	errs := f.Errors()
	parts := make([]string, len(errs))
	for i, e := range errs {
		parts[i] = e.Error()
	}
	return strings.Join(parts, c.T("customers.list_sep"))
}
