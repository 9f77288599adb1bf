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
// to act on. esc over typed input asks first (AskLeave, its command the
// question; see Leaving), and only then is Cancel.
func (f *Form) Handle(msg tea.Msg, keys *common.KeyMap) (tea.Cmd, Action) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, keys.Save):
			f.leaving.TypedOn()
			return nil, Save
		case key.Matches(k, keys.Cancel):
			if question, asking := f.Leaving(); asking {
				return question, AskLeave
			}
			return nil, Cancel
		}
	}
	cmd := f.Update(msg)
	if f.Completed() {
		return cmd, Save
	}
	return cmd, Typed
}

// Leaving is esc on the form. Every form asks before it drops what was
// typed: over typed input the first esc asks (the question for the
// status line, and asking true) and the form stays; an esc right after
// the question, or over nothing typed, leaves. Any key typed between
// takes the question back.
func (f *Form) Leaving() (question tea.Cmd, asking bool) {
	return f.leaving.Esc(f.c, f.Dirty())
}
