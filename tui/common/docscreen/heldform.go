package docscreen

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
)

// HeldForm is a step's form on a screen that holds its rows: what is
// typed stays until its save went through, one save is on its way at a
// time, a refused save marks each field, and an answer meant for an
// earlier form is dropped (ID tags them).
type HeldForm struct {
	c      *common.Common
	ID     int
	Title  string
	hint   string // catalogue key of the keys shown under it
	F      *form.Form
	Saving bool
	width  int
}

// heldFormChrome is the rows around the form: title, gap, hint.
const heldFormChrome = 3

// NewHeldForm opens a form titled title, its keys said by the catalogue
// key hint, tagged id.
func NewHeldForm(c *common.Common, id int, title, hint string, fields ...form.Field) *HeldForm {
	return &HeldForm{c: c, ID: id, Title: title, hint: hint, F: form.New(c, fields...)}
}

// Resize fits the form to the window.
func (f *HeldForm) Resize(w, h int) {
	f.width = w
	f.F.SetSize(w, max(h-heldFormChrome, 6))
}

// Key takes a key or a paste: ctrl+s saves with save unless a save is on
// its way, esc leaves (asking once when something was typed). closed is
// true when the form was left.
func (f *HeldForm) Key(msg tea.Msg, save func() tea.Cmd) (cmd tea.Cmd, closed bool) {
	cmd, act := f.F.Handle(msg, f.c.Keys)
	switch act {
	case form.Cancel:
		return nil, true
	case form.Save:
		if f.Saving {
			return nil, false
		}
		f.Saving = true
		return save(), false
	}
	return cmd, false
}

// Saved says whether the answer to a save of form id went through: not
// when it is another form's (nil), nor when refused (cmd says why, at
// the fields).
func (f *HeldForm) Saved(id int, err error) (cmd tea.Cmd, ok bool) {
	if f == nil || id != f.ID {
		return nil, false
	}
	f.Saving = false
	if cmd, no := Refused(f.c, f.F, err); no {
		return cmd, false
	}
	return nil, true
}

// View draws the form under its title (saying so while a save is on its
// way) with its keys under it.
func (f *HeldForm) View() string {
	return FormView(f.c, f.width, f.Title, f.Saving, f.c.T("form.saving"), f.F, f.hint)
}
