package common

import (
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// filterInput is a list's filter line. Reopened with / over a filter
// already kept, it holds that text selected, as a spreadsheet cell
// does: typing starts a new filter, backspace or delete clear it, and
// end, home, ← or → edit it in place. "/ 鞍山 enter" then finds 鞍山
// whatever the list was filtered by before.
type filterInput struct {
	// in is made on first use: a session holds some forty lists, most
	// never filtered, and an input is 7.8 KB before it holds a letter.
	in       *textinput.Model
	c        *Common
	width    int
	selected bool
}

func newFilterInput(c *Common) filterInput { return filterInput{c: c} }

// model is the input, made now if it was not yet.
func (f *filterInput) model() *textinput.Model {
	if f.in == nil {
		ti := NewInput()
		ti.Prompt = f.c.T("filter.prompt")
		if f.width > 0 {
			ti.SetWidth(f.width)
		}
		f.in = &ti
	}
	return f.in
}

// Value is the text typed: none before the input is made.
func (f *filterInput) Value() string {
	if f.in == nil {
		return ""
	}
	return f.in.Value()
}

func (f *filterInput) SetValue(s string) {
	if f.in == nil && s == "" {
		return
	}
	f.model().SetValue(s)
}

func (f *filterInput) SetWidth(w int) {
	f.width = w
	if f.in != nil {
		f.in.SetWidth(w)
	}
}

// open gives the filter the focus, its kept text selected.
func (f *filterInput) open() tea.Cmd {
	f.selected = f.Value() != ""
	f.model().CursorEnd()
	return f.model().Focus()
}

// close takes the focus away; clear drops the text too.
func (f *filterInput) close(clear bool) {
	f.selected = false
	if f.in == nil {
		return // never opened: nothing to blur or clear
	}
	f.in.Blur()
	if clear {
		f.SetValue("")
	}
}

// edit types msg into the filter; changed says whether its text moved.
func (f *filterInput) edit(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	before := f.Value()
	if !(f.selected && f.typeOver(msg)) {
		*f.model(), cmd = f.model().Update(msg)
	}
	return cmd, f.Value() != before
}

// typeOver applies the selection to msg before the input takes it; used
// says msg was spent here (a backspace that cleared the selection).
func (f *filterInput) typeOver(msg tea.Msg) (used bool) {
	clear, used, stays := OverSelection(msg)
	f.selected = stays
	if clear {
		f.SetValue("")
	}
	return used
}

// view is the filter line: the input while editing (its kept text shown
// selected), the active filter otherwise, or nothing.
func (f *filterInput) view(editing bool, query string) string {
	c := f.c
	switch {
	case editing && f.selected:
		return f.model().Prompt + c.Styles.Selected.Render(f.Value())
	case editing:
		return f.model().View()
	case query != "":
		return c.Styles.Muted.Render(c.T("filter.prompt") + query)
	}
	return ""
}
