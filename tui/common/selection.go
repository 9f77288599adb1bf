package common

import tea "charm.land/bubbletea/v2"

// OverSelection is what msg does to a field whose text is held selected,
// as a spreadsheet cell's is when the focus lands on it: typing or a
// paste replaces the text (clear, then the field takes msg), backspace or
// delete clear it (used: the field takes nothing more), and F2, end,
// home, ← or → edit it in place. stays is false once the selection is
// gone; any other key leaves it.
func OverSelection(msg tea.Msg) (clear, used, stays bool) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return true, false, false
	case tea.KeyPressMsg:
		switch msg.String() {
		case "backspace", "delete":
			return true, true, false
		case "f2", "end", "home", "left", "right":
			return false, false, false
		}
		if msg.Text != "" && msg.Mod&^tea.ModShift == 0 {
			return true, false, false
		}
	}
	return false, false, true
}
