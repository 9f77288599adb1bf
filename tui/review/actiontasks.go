package review

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// meetingsScreen is the title key of the Sales meetings screen, where
// an action item is closed.
const meetingsScreen = "screen.meetings"

// shownActionTasks are the meeting action items due listed: none while
// showing my own documents.
func (s *Screen) shownActionTasks() []workflow.ActionTask {
	if s.documentsOnly() {
		return nil
	}
	return s.actionTasks
}

// actionsBefore is how many rows the cursor walks before the action
// items: the documents, the collections tasks, the leads and the visits.
func (s *Screen) actionsBefore() int {
	return s.visitsBefore() + len(s.shownVisitTasks())
}

// currentActionTask is the action item under the cursor, past the
// documents, the collections tasks, the leads and the visits.
func (s *Screen) currentActionTask() (workflow.ActionTask, bool) {
	i := s.cursor.Pos - s.actionsBefore()
	as := s.shownActionTasks()
	if i < 0 || i >= len(as) {
		return workflow.ActionTask{}, false
	}
	return as[i], true
}

// openActionTask asks the frame to show the minutes on the Sales
// meetings screen.
func openActionTask(x workflow.ActionTask) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: meetingsScreen, DocID: x.DocID} }
}

func (s *Screen) actionTaskColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("review.actions.col.ref"), Width: 13, Keep: true},
		{Title: t("review.actions.col.what"), Width: 30},
		{Title: t("review.actions.col.due"), Width: 10, Keep: true},
		{Title: t("review.actions.col.late"), Width: 4, Right: true},
	}
	return common.Squeeze(common.Stretch(cols, 1, s.width), s.width, common.Shrink{Col: 1, Min: 8})
}

func (s *Screen) actionTaskCells(x workflow.ActionTask) []string {
	return []string{x.MeetingRef, x.What, x.DueOn, strconv.Itoa(x.Overdue)}
}

// actionTasksView lists the action items due, in at most rows lines.
func (s *Screen) actionTasksView(rows int) string {
	as := s.shownActionTasks()
	return section(s, s.c.T("review.actions.heading", len(as)), s.c.T("review.actions.hint"), rows, s.actionTaskColumns(), as,
		s.actionTaskCells, s.cursor.Pos-s.actionsBefore())
}
