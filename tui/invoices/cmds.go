package invoices

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// detailMsg carries an invoice with its allocations for request seq.
type detailMsg struct {
	seq     int
	inv     store.Invoice
	allocs  []store.Allocation
	credits []store.Credit
	steps   map[string]bool // the workflow's steps open to this user now
	err     error
}

// formMsg carries what a form starts from, for request seq.
type formMsg struct {
	seq     int
	kind    formKind
	in      workflow.InvoiceInput
	lines   []store.Invoiceable
	inv     *store.Invoice
	receipt store.Receipt
	plan    []workflow.AllocationLine
	said    string // for the status line with the answer
	err     error
}

// doneMsg says an action finished: what it was (a catalogue key), the
// invoice to show or the receipt recorded.
type doneMsg struct {
	what    string
	inv     int64
	receipt int64
	err     error
	form    bool // from a form: on error the form stays with its input
}

func (s *Screen) loadDetail(id int64) tea.Cmd {
	seq, ctx, d := s.AskDetail(), s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		inv, allocs, err := d.Invoice(ctx, id)
		if err != nil {
			return detailMsg{seq: seq, err: err}
		}
		credits, err := d.Credits(ctx, store.CreditFilter{InvoiceID: id})
		if err != nil {
			return detailMsg{seq: seq, err: err}
		}
		dd, err := d.Document(ctx, id)
		return detailMsg{seq: seq, inv: inv, allocs: allocs, credits: credits, steps: common.Steps(dd.Actions), err: err}
	}
}

func (s *Screen) applyDetail(msg detailMsg) tea.Cmd {
	if ok, cmd := s.TakeDetail(msg.seq, msg.inv.DocID, msg.err); !ok {
		return cmd
	}
	s.detail, s.allocs, s.credits, s.steps = &msg.inv, msg.allocs, msg.credits, msg.steps
	return nil
}

// act runs an action in a command; what names it for the status line.
func (s *Screen) act(what string, inv int64, fromForm bool, fn func() error) tea.Cmd {
	s.Busy = true
	return func() tea.Msg {
		return doneMsg{what: what, inv: inv, err: fn(), form: fromForm}
	}
}

func (s *Screen) applyDone(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		return s.ActionFailed(msg.err, msg.form, s.ShowFieldErrors(nil), s.refreshAll)
	}
	s.Busy = false
	done := s.Say(s.c.T(msg.what))
	if ref := s.refOf(msg.inv); ref != "" {
		done = s.Say(s.c.T("invoices.done", s.c.T(msg.what), ref))
	}
	wasReceipt := msg.form && s.formKind == formReceipt
	if msg.form {
		s.Form, s.editing, s.receipt, s.issuing = nil, nil, nil, nil
	}
	s.Prompt = nil
	if wasReceipt { // straight on to allocating it
		s.Mode = modeList
		return tea.Batch(s.startAllocate(msg.receipt, s.c.T(msg.what)), s.refreshAll())
	}
	if msg.inv == 0 {
		s.Mode = modeList
		return tea.Batch(done, s.refreshAll())
	}
	s.Mode = modeDetail
	return tea.Batch(done, s.loadDetail(msg.inv), s.refreshAll())
}

func (s *Screen) refOf(inv int64) string {
	if s.detail != nil && s.detail.DocID == inv {
		return s.detail.Ref
	}
	return ""
}

// stepRefused asks the workflow whether this user may take action on the
// invoice now; nil when it may, else why not.
func stepRefused(ctx context.Context, d *workflow.Desk, id int64, action string) error {
	dd, err := d.Document(ctx, id)
	if err != nil {
		return err
	}
	for _, t := range dd.Actions {
		if t.Action == action {
			return nil
		}
	}
	if err := dd.Refused[action]; err != nil {
		return err
	}
	return &workflow.Refusal{Code: workflow.NoSuchTransition, Action: action}
}
