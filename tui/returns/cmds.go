package returns

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

const (
	modeList   = docscreen.List
	modeDetail = docscreen.Detail
	modeForm   = docscreen.Form
)

// detailMsg carries a return for request seq.
type detailMsg struct {
	seq   int
	rd    workflow.ReturnDetail
	steps map[string]bool
	err   error
}

// formMsg carries what a new return starts from, for request seq.
type formMsg struct {
	seq   int
	start workflow.ReturnStart
	err   error
}

// doneMsg says an action finished: what it was (a catalogue key) and the
// return to show, or the exchange's note to open in Shipping.
type doneMsg struct {
	what     string
	id       int64
	exchange int64
	err      error
	form     bool // from a form: on error the form stays with its input
}

// open shows a return, or, asked with a delivery note (r on a note in
// Shipping), starts a return against it.
func (s *Screen) open(id int64) tea.Cmd {
	seq, ctx, d := s.AskDetail(), s.c.Ctx, s.c.Desk
	s.formReq = seq
	return func() tea.Msg {
		dd, err := d.Document(ctx, id)
		if err != nil {
			return detailMsg{seq: seq, err: err}
		}
		if dd.Kind == store.DeliveryNoteKind {
			rs, err := d.StartReturn(ctx, id, "")
			return formMsg{seq: seq, start: rs, err: err}
		}
		rd, err := d.Return(ctx, id)
		return detailMsg{seq: seq, rd: rd, steps: common.Steps(dd.Actions), err: err}
	}
}

func (s *Screen) loadDetail(id int64) tea.Cmd {
	seq, ctx, d := s.AskDetail(), s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		rd, err := d.Return(ctx, id)
		return detailMsg{seq: seq, rd: rd, steps: common.Steps(rd.Actions), err: err}
	}
}

func (s *Screen) applyDetail(msg detailMsg) tea.Cmd {
	if ok, cmd := s.TakeDetail(msg.seq, msg.rd.Return.DocID, msg.err); !ok {
		return cmd
	}
	s.detail, s.steps = &msg.rd, msg.steps
	return nil
}

// act runs an action in a command; what names it for the status line.
func (s *Screen) act(what string, id int64, fn func() error) tea.Cmd {
	s.Busy = true
	return func() tea.Msg { return doneMsg{what: what, id: id, err: fn()} }
}

func (s *Screen) applyDone(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		return s.ActionFailed(msg.err, msg.form, s.ShowFieldErrors(s.rowOf), s.refreshAll)
	}
	s.Busy = false
	if msg.form {
		s.Form, s.editing = nil, nil
	}
	s.Prompt = nil
	if msg.exchange != 0 { // the exchange's note is drafted: on to it in Shipping
		return tea.Batch(s.Say(s.c.T(msg.what)), s.refreshAll(),
			func() tea.Msg { return common.OpenMsg{Screen: "screen.shipping", DocID: msg.exchange} })
	}
	s.Mode = modeDetail
	done := s.Say(s.c.T(msg.what))
	if s.detail != nil && s.detail.Return.DocID == msg.id {
		done = s.Say(s.c.T("returns.done", s.c.T(msg.what), s.detail.Return.Ref))
	}
	return tea.Batch(done, s.loadDetail(msg.id), s.refreshAll())
}
