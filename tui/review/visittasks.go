package review

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// visitsScreen is the title key of the Visits screen, where a visit is
// reviewed.
const visitsScreen = "screen.visits"

// shownVisitTasks are the visits waiting for my review listed: none
// while showing my own documents.
func (s *Screen) shownVisitTasks() []workflow.VisitTask {
	if s.documentsOnly() {
		return nil
	}
	return s.visitTasks
}

// visitsBefore is how many rows the cursor walks before the visits.
func (s *Screen) visitsBefore() int {
	return len(s.items()) + len(s.shownTasks()) + len(s.shownLeadTasks())
}

// currentVisitTask is the visit under the cursor, past the leads.
func (s *Screen) currentVisitTask() (workflow.VisitTask, bool) {
	i := s.cursor.Pos - s.visitsBefore()
	vs := s.shownVisitTasks()
	if i < 0 || i >= len(vs) {
		return workflow.VisitTask{}, false
	}
	return vs[i], true
}

// openVisitTask asks the frame to show the visit on the Visits screen.
func openVisitTask(x workflow.VisitTask) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: visitsScreen, DocID: x.DocID} }
}

func (s *Screen) visitTaskColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("review.visits.col.ref"), Width: 13, Keep: true},
		{Title: t("review.visits.col.whom"), Width: 20},
		{Title: t("review.visits.col.day"), Width: 10, Keep: true},
		{Title: t("review.visits.col.late"), Width: 4, Right: true},
		{Title: t("review.visits.col.goal"), Width: 8, Words: true},
	}
	// The goal is words: "solve a problem" needs more than "解决问题".
	cols = common.WidenTo(cols, s.shownVisitTasks(), s.visitTaskCells)
	return common.Squeeze(common.Stretch(cols, 1, s.width), s.width,
		common.Shrink{Col: 4, Min: 0}, common.Shrink{Col: 1, Min: 8})
}

func (s *Screen) visitTaskCells(x workflow.VisitTask) []string {
	return []string{x.Ref, x.Who, x.On, strconv.Itoa(x.Late), s.c.T("visits.goal." + x.Goal)}
}

// visitTasksView lists the visits waiting for my review, in at most rows
// lines.
func (s *Screen) visitTasksView(rows int) string {
	vs := s.shownVisitTasks()
	return section(s, s.c.T("review.visits.heading", len(vs)), s.c.T("review.visits.hint"), rows, s.visitTaskColumns(), vs,
		s.visitTaskCells, s.cursor.Pos-s.visitsBefore())
}
