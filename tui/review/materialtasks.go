package review

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// materialsScreen is the title key of the Materials sent screen, where a
// receipt is confirmed.
const materialsScreen = "screen.materials"

// shownMaterialTasks are what I sent still awaiting its receipt listed:
// none while showing my own documents.
func (s *Screen) shownMaterialTasks() []workflow.MaterialTask {
	if s.documentsOnly() {
		return nil
	}
	return s.materialTasks
}

// materialsBefore is how many rows the cursor walks before them.
func (s *Screen) materialsBefore() int { return s.actionsBefore() + len(s.shownActionTasks()) }

// currentMaterialTask is the row under the cursor, past the action items.
func (s *Screen) currentMaterialTask() (workflow.MaterialTask, bool) {
	i := s.cursor.Pos - s.materialsBefore()
	ms := s.shownMaterialTasks()
	if i < 0 || i >= len(ms) {
		return workflow.MaterialTask{}, false
	}
	return ms[i], true
}

// openMaterialTask asks the frame to show the row on the Materials sent
// screen.
func openMaterialTask(x workflow.MaterialTask) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: materialsScreen, DocID: x.DocID} }
}

func (s *Screen) materialTaskColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		// 20: a mailed invoice is named by its tax invoice number.
		{Title: t("review.materials.col.ref"), Width: 20, Keep: true},
		{Title: t("review.materials.col.whom"), Width: 24},
		{Title: t("review.materials.col.sent"), Width: 10, Keep: true},
		{Title: t("review.materials.col.days"), Width: 4, Right: true},
	}
	return common.Squeeze(common.Stretch(cols, 1, s.width), s.width, common.Shrink{Col: 1, Min: 8})
}

func (s *Screen) materialTaskCells(x workflow.MaterialTask) []string {
	return []string{x.Ref, x.Who, x.SentOn, strconv.Itoa(x.Days)}
}

// materialTasksView lists them, in at most rows lines.
func (s *Screen) materialTasksView(rows int) string {
	ms := s.shownMaterialTasks()
	return section(s, s.c.T("review.materials.heading", len(ms)), s.c.T("review.materials.hint"), rows, s.materialTaskColumns(), ms,
		s.materialTaskCells, s.cursor.Pos-s.materialsBefore())
}
