package review

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// edge moves the cursor to the first (g) or the last (G) row of the list
// it is in, the inbox or the tasks under it, so G never leaves the inbox
// for the tasks; false for any other key.
func (s *Screen) edge(msg tea.KeyPressMsg) bool {
	k := s.c.Keys
	first, last := 0, len(s.items)-1
	if s.cursor.Pos >= len(s.items) {
		first, last = len(s.items), s.rowCount()-1
	}
	switch {
	case key.Matches(msg, k.Top):
		s.cursor.Pos = first
	case key.Matches(msg, k.Bottom):
		s.cursor.Pos = max(last, first)
	default:
		return false
	}
	return true
}

// inboxStart is the first document shown in rows lines: the window
// follows the cursor while it is in the inbox and keeps the last
// documents on screen once it has moved down to the tasks.
func (s *Screen) inboxStart(rows int) int {
	return max(0, min(s.cursor.Pos, len(s.items)-1)-rows+1)
}
