package review

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// G goes to the last row of the list the cursor is in and g to its
// first: from the inbox G stays in the inbox, from the tasks it goes to
// the last task; the inbox stays on screen while the cursor is below it.
func TestInboxEdgesStayInTheirList(t *testing.T) {
	r := newTaskRig(t)
	r.lateInvoice(t)
	s := r.screen(t, r.user(t, "zhao", 0), "en")
	s.SetSize(80, 14)
	docs, tasks := len(s.items()), len(s.shownTasks())
	if docs < 2 || tasks < 2 {
		t.Fatalf("the rig needs two documents and two tasks, has %d and %d", docs, tasks)
	}
	press := func(r rune, want int) {
		t.Helper()
		s.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		if s.cursor.Pos != want {
			t.Fatalf("after %c the cursor is on row %d, want %d:\n%s", r, s.cursor.Pos, want, s.View())
		}
		if !strings.Contains(s.View(), s.items()[0].Ref) {
			t.Fatalf("after %c the inbox is empty:\n%s", r, s.View())
		}
	}
	press('G', docs-1)
	press('g', 0)
	press('G', docs-1)
	press('j', docs) // the first task
	press('G', docs+tasks-1)
	press('g', docs)
	press('k', docs-1)
}
