package review

import (
	"sort"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// reconScreen is the title key of the Reconciliation screen, where a
// collections task is done.
const reconScreen = "screen.reconciliation"

// tasksMsg answers a load of this user's collections tasks.
type tasksMsg struct {
	seq     int
	tasks   []workflow.Collectible
	leads   []workflow.LeadTask   // my leads whose next step is overdue
	visits  []workflow.VisitTask  // my visits waiting for their review
	actions []workflow.ActionTask // my meeting action items due
	err     error

	mats []workflow.MaterialTask // what I sent awaiting its receipt
}

// reloadTasks asks workflow which ladder tasks wait for this user today;
// the screen never decides whose a task is.
func (s *Screen) reloadTasks() tea.Cmd {
	s.taskSeq++
	seq, desk, ctx := s.taskSeq, s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		tasks, err := desk.MyCollectionTasks(ctx, "")
		// Oldest first: the longest past due on top.
		sort.SliceStable(tasks, func(i, j int) bool { return tasks[i].Overdue > tasks[j].Overdue })
		msg := tasksMsg{seq: seq, tasks: tasks, err: err}
		if err == nil {
			msg.leads, msg.err = desk.MyLeadTasks(ctx)
		}
		if msg.err == nil {
			msg.visits, msg.err = desk.MyVisitTasks(ctx)
		}
		if msg.err == nil {
			msg.actions, msg.err = desk.MyActionTasks(ctx)
		}
		if msg.err == nil {
			msg.mats, msg.err = desk.MyMaterialTasks(ctx)
		}
		return msg
	}
}

func (s *Screen) applyTasks(msg tasksMsg) {
	if msg.seq != s.taskSeq {
		return // overtaken by a newer load
	}
	if msg.err != nil {
		s.tasks, s.leadTasks, s.visitTasks, s.actionTasks, s.materialTasks = nil, nil, nil, nil, nil
		return
	}
	s.tasks, s.leadTasks, s.visitTasks, s.actionTasks, s.materialTasks = msg.tasks, msg.leads, msg.visits, msg.actions, msg.mats
	s.cursor.Pos = min(s.cursor.Pos, max(s.rowCount()-1, 0))
}

// tasksChanged reports whether a change may move the ladder.
func tasksChanged(kind string) bool {
	switch kind {
	case store.InvoiceKind, workflow.ReceiptKind, store.ReconciliationKind, store.LeadKind, store.VisitKind, store.MeetingKind, store.MaterialKind:
		return true
	}
	return false
}

// shownTasks are the tasks listed: none while showing my own documents.
func (s *Screen) shownTasks() []workflow.Collectible {
	if s.documentsOnly() {
		return nil
	}
	return s.tasks
}

// rowCount is every row the cursor walks: the inbox, then the tasks,
// then the leads to follow up, then the visits to review, then the
// meeting action items due, then what I sent awaiting its receipt.
func (s *Screen) rowCount() int { return s.materialsBefore() + len(s.shownMaterialTasks()) }

// currentTask is the task under the cursor, if the cursor is past the
// inbox's documents.
func (s *Screen) currentTask() (workflow.Collectible, bool) {
	i := s.cursor.Pos - len(s.items())
	ts := s.shownTasks()
	if i < 0 || i >= len(ts) {
		return workflow.Collectible{}, false
	}
	return ts[i], true
}

// openTask asks the frame to show the invoice on the Reconciliation
// screen's ladder.
func openTask(x workflow.Collectible) tea.Cmd {
	return func() tea.Msg { return common.OpenMsg{Screen: reconScreen, DocID: x.InvoiceID} }
}

func (s *Screen) taskColumns() []common.Column {
	cols := []common.Column{
		{Title: s.c.T("review.tasks.col.inv"), Width: 21, Keep: true},
		{Title: s.c.T("review.tasks.col.cust"), Width: 20},
		{Title: s.c.T("review.tasks.col.open"), Width: 14, Right: true, Keep: true},
		{Title: s.c.T("review.tasks.col.late"), Width: 9, Right: true},
		{Title: s.c.T("review.tasks.col.stage"), Width: 14, Keep: true},
		{Title: s.c.T("review.tasks.col.todo"), Width: 24},
	}
	// In a narrow window what to do (the stage says it too) and the
	// customer's name give way; the invoice, the sum and the stage stay whole.
	return common.Squeeze(common.Stretch(common.WidenTo(cols, s.shownTasks(), s.taskCells), 1, s.width), s.width,
		common.Shrink{Col: 5, Min: 0}, common.Shrink{Col: 2}, common.Shrink{Col: 0}, common.Shrink{Col: 1, Min: 8},
		common.Shrink{Col: 3, Min: 4})
}

// taskCells are a task's cells in the list.
func (s *Screen) taskCells(x workflow.Collectible) []string {
	return []string{x.InvoiceNo, x.Customer, "¥" + x.Open().String(), strconv.Itoa(x.Overdue),
		s.c.T("recon.stage." + string(x.Stage)), s.c.T("review.tasks." + string(x.Task))}
}

// tasksView lists the tasks under the inbox, in at most rows lines.
func (s *Screen) tasksView(rows int) string {
	ts := s.shownTasks()
	return section(s, s.c.T("review.tasks.heading", len(ts)), s.c.T("review.tasks.hint"), rows, s.taskColumns(), ts, s.taskCells,
		s.cursor.Pos-len(s.items()))
}

// section draws rows of one kind under the inbox (collections tasks,
// leads to follow up) in at most height lines: its heading and hint, the
// columns' header, and the rows in view, cur (the cursor's place among
// them) marked. None shows nothing.
func section[T any](s *Screen, heading, hint string, height int, cols []common.Column, rows []T, cells func(T) []string, cur int) string {
	if len(rows) == 0 || height < 3 {
		return ""
	}
	st := s.c.Styles
	var b strings.Builder
	b.WriteString("\n" + st.Title.Render(heading) + "  " + st.Muted.Render(hint) + "\n")
	b.WriteString(st.Header.Render(common.Header(cols)) + "\n")
	height -= 3
	// A cursor past this section leaves it scrolled to its end, not past
	// it: the section keeps its rows while another is walked.
	start := max(0, min(cur, len(rows)-1)-height+1)
	for i := start; i < len(rows) && i < start+height; i++ {
		line := common.Line(cols, cells(rows[i]))
		if i == cur {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
