package review

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// edge moves the cursor to the first (g) or the last (G) row of the list
// it is in: the inbox, or one of the lists under it (collections tasks,
// leads, visits, action items), so G never leaves a list for the next; false for any
// other key.
func (s *Screen) edge(msg tea.KeyPressMsg) bool {
	k := s.c.Keys
	first, last := s.section()
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

// section is the first and last row of the part the cursor is in: the
// documents, the collections tasks, the leads, the visits or the action
// items.
func (s *Screen) section() (first, last int) {
	first = 0
	for _, n := range []int{len(s.items()), len(s.shownTasks()), len(s.shownLeadTasks()), len(s.shownVisitTasks()), len(s.shownActionTasks()),
		len(s.shownMaterialTasks())} {
		if s.cursor.Pos < first+n {
			return first, first + n - 1
		}
		first += n
	}
	return len(s.items()), s.rowCount() - 1
}

// inboxStart is the first document shown in rows lines: the window
// follows the cursor while it is in the inbox and keeps the last
// documents on screen once it has moved down to the tasks.
func (s *Screen) inboxStart(rows int) int {
	return max(0, min(s.cursor.Pos, len(s.items())-1)-rows+1)
}
