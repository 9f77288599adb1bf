package orders

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/workflow"
)

// detailMsg is an order loaded for its detail (or for its form).
type detailMsg struct {
	req   int
	id    int64
	edit  bool // open the form on it
	od    workflow.OrderDetail
	audit []store.AuditRecord
	err   error
}

// createdMsg is a new draft made from a quote or a copy: the form opens
// on it.
type createdMsg struct {
	req    int
	id     int64
	copied bool // a copy of an earlier order: its form opens on a new line
	err    error
}

// actedMsg is the end of a step on the order shown (submit, sign-back,
// a stock answer, …); what names it for the status line.
type actedMsg struct {
	req  int
	what string
	ref  string
	id   int64 // the document to show next (a revision), 0 for the same
	err  error
}

// openDetail loads an order and shows its detail.
func (s *Screen) openDetail(id int64) tea.Cmd {
	s.openID, s.line = id, 0
	return s.loadDetail(id, false)
}

// openEdit loads an order and opens the form on it.
func (s *Screen) openEdit(id int64) tea.Cmd { return s.loadDetail(id, true) }

// reloadDetail reads the order shown again, keeping the line cursor.
func (s *Screen) reloadDetail() tea.Cmd {
	if s.openID == 0 {
		return nil
	}
	return s.loadDetail(s.openID, false)
}

func (s *Screen) loadDetail(id int64, edit bool) tea.Cmd {
	s.detailReq = s.nextReq()
	req, desk, ctx := s.detailReq, s.c.Desk, s.c.Ctx
	return func() tea.Msg {
		od, err := desk.Order(ctx, id)
		var audit []store.AuditRecord
		if err == nil && !edit {
			audit, err = desk.OrderAudit(ctx, id, 50)
		}
		return detailMsg{req: req, id: id, edit: edit, od: od, audit: audit, err: err}
	}
}

func (s *Screen) onDetail(msg detailMsg) tea.Cmd {
	if msg.req != s.detailReq || !msg.edit && msg.id != s.openID {
		return nil // overtaken by a later open, or left
	}
	if msg.err != nil {
		return statusErr(s, msg.err)
	}
	if msg.edit {
		return s.startEdit(msg.od)
	}
	od := msg.od
	if s.mode == modeList || s.mode == modeDetail || s.mode == modePicker {
		s.mode = modeDetail
	}
	s.detail, s.audit, s.openID = &od, msg.audit, msg.id
	s.line = min(s.line, max(len(od.Order.Lines)-1, 0))
	return nil
}

// act runs a step on the order shown in a command.
func (s *Screen) act(what string, fn func() (int64, error)) tea.Cmd {
	if s.busy {
		return nil
	}
	s.busy = true
	req := s.nextReq()
	r := ""
	if s.detail != nil {
		r = ref(s.detail)
	}
	return func() tea.Msg {
		id, err := fn()
		return actedMsg{req: req, what: what, ref: r, id: id, err: err}
	}
}
