package tui

import "orderdesk/tui/common"

// atTop says whether esc on s has nothing of the screen's own to close,
// so the root may take it back to the screen that sent the user there.
func atTop(s common.Screen) bool {
	if t, ok := s.(common.AtTop); ok {
		return t.AtTop()
	}
	if n, ok := s.(common.Nested); ok {
		return !n.Nested()
	}
	return true
}
