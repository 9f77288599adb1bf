package form

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// A text field the focus lands on with text in it holds that text
// selected, as a spreadsheet cell does: typing replaces it, backspace or
// delete clear it, and F2, end, home, ← or → edit it in place. ctrl+u
// clears any text field. A clerk who tabs onto "20" and types 30 gets
// 30, not 2030.

// selectOnArrival selects the text of the field the focus is on.
func (f *Form) selectOnArrival() {
	in := f.input(f.at)
	f.selected = in != nil && isText(in) && in.Value() != ""
}

func isText(e editor) bool {
	switch e.(type) {
	case *lineEditor, cellEditor:
		return true
	}
	return false
}

// typeOver applies the selection to msg before the field takes it; it
// says whether msg was used up here.
func (f *Form) typeOver(in editor, msg tea.Msg) (used bool) {
	if !isText(in) {
		return false
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if isKey && k.String() == "ctrl+u" {
		f.selected = false
		if in.Value() != "" {
			in.SetValue("")
			f.dirty = true
		}
		return true
	}
	if !f.selected {
		return false
	}
	clear, used, stays := common.OverSelection(msg)
	f.selected = stays
	if clear {
		in.SetValue("")
		f.dirty = f.dirty || used
	}
	return used
}

// selectedView is the selected text, shown as selected.
func (f *Form) selectedView(v string, width int) string {
	return f.c.Styles.Selected.Render(common.Fit(v, width, false))
}
