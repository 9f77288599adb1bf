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
	AskLeave               // esc over typed input: the screen asks, and the next esc is Cancel
)

// Handle gives the form a key or a paste, except the session's save and
// cancel keys: those, and a completed form, it returns for the screen
// to act on.
func (f *Form) Handle(msg tea.Msg, keys *common.KeyMap) (tea.Cmd, Action) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, keys.Save):
			return nil, Save
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

// HandleLeaving is Handle for a form that asks before it drops what was
// typed: esc over typed input is AskLeave, and only an esc right after
// it, or over nothing typed, is Cancel.
func (f *Form) HandleLeaving(msg tea.Msg, keys *common.KeyMap) (tea.Cmd, Action) {
	cmd, act := f.Handle(msg, keys)
	if act == Cancel && f.Dirty() && !f.leaving {
		f.leaving = true
		return cmd, AskLeave
	}
	f.leaving = false
	return cmd, act
}
