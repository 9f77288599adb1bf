package form

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// Action is what a key asks of the screen that holds the form.
type Action int

const (
	Typed    Action = iota // the form took it
	Save                   // ctrl+s, or enter that completed a form that EnterSaves
	Cancel                 // esc
	AskLeave               // esc over typed input: the form asks (its command), and the next esc is Cancel
)

// Handle gives the form a key or a paste, except the session's save and
// cancel keys: those, and a completed form, it returns for the screen
// to act on. Every form asks before it drops what was typed: esc over
// typed input is AskLeave, its command the question in the status line,
// and only an esc right after it, or over nothing typed, is Cancel.
func (f *Form) Handle(msg tea.Msg, keys *common.KeyMap) (tea.Cmd, Action) {
	asked := f.leaving
	f.leaving = false
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, keys.Save):
			return nil, Save
		case key.Matches(k, keys.Cancel) && f.Dirty() && !asked:
			f.leaving = true
			return common.Status(f.c.T("form.discard_ask"), true), AskLeave
		case key.Matches(k, keys.Cancel):
			return nil, Cancel
		}
	}
	cmd := f.Update(msg)
	if f.Completed() {
		return cmd, Save
	}
	return cmd, Typed
}
