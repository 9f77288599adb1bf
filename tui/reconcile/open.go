package reconcile

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
)

// open shows the ladder of today with the cursor on one invoice: a
// collections task opened from the Review inbox.
func (s *Screen) open(msg common.OpenMsg) tea.Cmd {
	now := time.Now()
	if s.c.Now != nil {
		now = s.c.Now()
	}
	s.month, s.view, s.mine = now.Format("2006-01"), viewLadder, false
	s.cursor, s.focus = common.Cursor{}, msg.DocID
	return s.load()
}

// applyFocus puts the cursor on the invoice asked for by open, once the
// ladder holding it has loaded.
func (s *Screen) applyFocus() {
	if s.focus == 0 || s.view != viewLadder {
		return
	}
	for i, x := range s.coll.Items {
		if x.InvoiceID == s.focus {
			s.cursor.Pos = i
			break
		}
	}
	s.focus = 0
	s.clamp()
}
