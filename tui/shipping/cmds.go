package shipping

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

// inboxMsg carries this user's shipping tasks.
type inboxMsg struct {
	tasks []workflow.ShippingTask
	err   error
}

// detailMsg carries a note's detail for request seq.
type detailMsg struct {
	seq int
	dd  workflow.DeliveryDetail
	err error
}

// formMsg carries what a form starts from, for request seq.
type formMsg struct {
	seq   int
	kind  formKind
	order int64
	in    workflow.DeliveryInput
	open  []store.OpenLine
	note  *workflow.DeliveryDetail
	err   error
}

// doneMsg says an action finished: what it was, and the note to show.
type doneMsg struct {
	what string // the action's catalogue key
	note int64
	err  error
	form bool // it came from a form: on error the form stays with its input
}

func itoa(n int) string { return strconv.Itoa(n) }

func (s *Screen) loadInbox() tea.Cmd {
	ctx, d := s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		tasks, err := d.ShippingInbox(ctx, 50)
		return inboxMsg{tasks: tasks, err: err}
	}
}

func (s *Screen) loadDetail(id int64) tea.Cmd {
	seq, ctx, d := s.AskDetail(), s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		dd, err := d.Delivery(ctx, id)
		return detailMsg{seq: seq, dd: dd, err: err}
	}
}

func (s *Screen) applyDetail(msg detailMsg) tea.Cmd {
	if ok, cmd := s.TakeDetail(msg.seq, msg.dd.ID, msg.err); !ok {
		return cmd
	}
	s.detail = &msg.dd
	return nil
}

// act runs an action of the workflow in a command; what names it for the
// status line.
func (s *Screen) act(what string, note int64, fromForm bool, fn func() error) tea.Cmd {
	s.Busy = true
	return func() tea.Msg {
		return doneMsg{what: what, note: note, err: fn(), form: fromForm}
	}
}

func (s *Screen) applyDone(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		return s.ActionFailed(msg.err, msg.form, s.ShowFieldErrors(s.formRow), s.refreshAll)
	}
	s.Busy = false
	if msg.form {
		s.Form, s.formNote, s.editing = nil, nil, nil
	}
	s.Prompt = nil
	s.Mode = docscreen.Detail
	ref := ""
	if s.detail != nil && s.detail.ID == msg.note {
		ref = s.detail.Ref
	}
	text := s.c.T(msg.what)
	if ref != "" {
		text = s.c.T("shipping.done", text, ref)
	}
	return tea.Batch(s.Say(text), s.loadDetail(msg.note), s.refreshAll())
}
