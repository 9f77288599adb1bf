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
	textinput.Model
	selected bool
}

func newFilterInput(c *Common) filterInput {
	ti := NewInput()
	ti.Prompt = c.T("filter.prompt")
	return filterInput{Model: ti}
}

// open gives the filter the focus, its kept text selected.
func (f *filterInput) open() tea.Cmd {
	f.selected = f.Value() != ""
	f.CursorEnd()
	return f.Focus()
}

// close takes the focus away; clear drops the text too.
func (f *filterInput) close(clear bool) {
	f.selected = false
	f.Blur()
	if clear {
		f.SetValue("")
	}
}

// edit types msg into the filter; changed says whether its text moved.
func (f *filterInput) edit(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	before := f.Value()
	if !(f.selected && f.typeOver(msg)) {
		f.Model, cmd = f.Model.Update(msg)
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
func (f filterInput) view(c *Common, editing bool, query string) string {
	switch {
	case editing && f.selected:
		return f.Prompt + c.Styles.Selected.Render(f.Value())
	case editing:
		return f.View()
	case query != "":
		return c.Styles.Muted.Render(c.T("filter.prompt") + query)
	}
	return ""
}
