package review

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// leadsScreen is the title key of the Leads screen, where a lead's next
// step is taken.
const leadsScreen = "screen.leads"

// shownLeadTasks are the leads to follow up listed: none while showing
// my own documents.
func (s *Screen) shownLeadTasks() []workflow.LeadTask {
	if s.documentsOnly() {
		return nil
	}
	return s.leadTasks
}

// currentLeadTask is the lead under the cursor, past the documents and
// the collections tasks.
func (s *Screen) currentLeadTask() (workflow.LeadTask, bool) {
	i := s.cursor.Pos - len(s.items()) - len(s.shownTasks())
	ls := s.shownLeadTasks()
	if i < 0 || i >= len(ls) {
		return workflow.LeadTask{}, false
	}
	return ls[i], true
}

// openLeadTask asks the frame to show the lead on the Leads screen.
func openLeadTask(x workflow.LeadTask) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: leadsScreen, DocID: x.DocID} }
}

func (s *Screen) leadTaskColumns() []common.Column {
	t := s.c.T
	cols := []common.Column{
		{Title: t("review.leads.col.ref"), Width: 13, Keep: true},
		{Title: t("review.leads.col.name"), Width: 20},
		{Title: t("review.leads.col.stage"), Width: 6, Words: true},
		{Title: t("review.leads.col.due"), Width: 10, Keep: true},
		{Title: t("review.leads.col.late"), Width: 4, Right: true},
		{Title: t("review.leads.col.step"), Width: 16},
	}
	// The stage is words: "contacted" needs more than "已联系".
	cols = common.WidenTo(cols, s.shownLeadTasks(), s.leadTaskCells)
	return common.Squeeze(common.Stretch(cols, 1, s.width), s.width,
		common.Shrink{Col: 5, Min: 0}, common.Shrink{Col: 2, Min: 0}, common.Shrink{Col: 1, Min: 8})
}

func (s *Screen) leadTaskCells(x workflow.LeadTask) []string {
	return []string{x.Ref, x.Name, s.c.T("state.lead." + x.Status), x.NextOn, strconv.Itoa(x.Overdue), x.NextStep}
}

// leadTasksView lists the leads whose next step is overdue, in at most
// rows lines.
func (s *Screen) leadTasksView(rows int) string {
	ls := s.shownLeadTasks()
	return section(s, s.c.T("review.leads.heading", len(ls)), s.c.T("review.leads.hint"), rows, s.leadTaskColumns(), ls,
		s.leadTaskCells, s.cursor.Pos-len(s.items())-len(s.shownTasks()))
}
