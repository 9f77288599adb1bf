package shipping

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// returnBinding is r on a note that left: goods came back on it, and the
// Returns screen opens a return against it (退货). Before a note leaves
// r releases it (the two never meet: release is a held note's step).
func returnBinding(c *common.Common) key.Binding {
	b := c.Bind("r", "shipping.key.return", "r")
	u := c.Desk.User
	b.SetEnabled(workflow.Can(u, workflow.EditReturns) && workflow.SeesScreen(u, workflow.ScreenReturns))
	return b
}

// noteLeft is true when the note shown has left the warehouse.
func (s *Screen) noteLeft() bool {
	return s.detail != nil && (s.detail.Status == "in_transit" || s.detail.Status == "delivered")
}

// startReturn asks the root to open the Returns screen on a return
// against the note shown.
func (s *Screen) startReturn(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !s.noteLeft() || !key.Matches(msg, s.keys.ret) {
		return nil, false
	}
	id := s.detail.ID
	return func() tea.Msg { return common.OpenMsg{Screen: "screen.returns", DocID: id} }, true
}
