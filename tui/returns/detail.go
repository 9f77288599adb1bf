package returns

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// detailKeys offers the steps the workflow would take from this user now
// (a key pressed anyway still gets the workflow's refusal).
func (s *Screen) detailKeys() []key.Binding {
	k := s.keys
	var steps []key.Binding
	if v := s.detail; v != nil {
		can := s.steps
		steps = common.Offered(
			common.Offer{Key: k.submit, OK: can[workflow.ActionSubmit] || can[workflow.ActionResubmit]},
			common.Offer{Key: k.check, OK: can[workflow.ActionApprove]}, common.Offer{Key: k.sendBack, OK: can[workflow.ActionSendBack]},
			common.Offer{Key: k.receive, OK: can[workflow.ActionReceive]},
			common.Offer{Key: k.edit, OK: editable(v.Status)},
			common.Offer{Key: k.exchange, OK: v.Status == workflow.ReturnReceived},
			common.Offer{Key: k.credit, OK: v.Status == workflow.ReturnReceived && v.Invoiced},
			common.Offer{Key: k.void, OK: can[workflow.ActionVoid]})
	}
	return s.DocHelp(steps...)
}

// closeDetail forgets the return shown and reads the lists again.
func (s *Screen) closeDetail() tea.Cmd {
	s.detail = nil
	return s.refreshAll()
}

func (s *Screen) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, step := s.DocKey(msg, s.closeDetail, s.loadDetail); !step || s.detail == nil {
		return cmd
	}
	k, v := s.keys, s.detail.Return
	ctx, d, id, seen := s.c.Ctx, s.c.Desk, v.DocID, v.Version
	switch {
	case key.Matches(msg, k.submit):
		return s.act("returns.key.submit", id, func() error { return d.SubmitReturn(ctx, id, seen) })
	case key.Matches(msg, k.check):
		return s.act("returns.key.check", id, func() error { return d.CheckReturn(ctx, id, seen) })
	case key.Matches(msg, k.receive):
		return s.act("key.receive", id, func() error { return d.ReceiveReturn(ctx, id, seen) })
	case key.Matches(msg, k.sendBack):
		s.OpenPrompt("returns.reason_back", func(text string) tea.Cmd {
			return s.act("key.send_back", id, func() error { return d.ActOn(ctx, id, seen, workflow.ActionSendBack, text) })
		})
	case key.Matches(msg, k.void):
		s.OpenPrompt("returns.reason_void", func(text string) tea.Cmd {
			return s.act("key.void", id, func() error { return d.VoidReturn(ctx, id, seen, text) })
		})
	case key.Matches(msg, k.edit) && editable(v.Status):
		return s.startEdit(id)
	case key.Matches(msg, k.credit): // the goods were invoiced: their credits, off invoiced only
		return s.act("returns.credited", id, func() error { _, err := d.DraftReturnCredit(ctx, id); return err })
	case key.Matches(msg, k.exchange):
		s.Busy = true
		return func() tea.Msg {
			in, err := d.ExchangeInput(ctx, id)
			if err != nil {
				return doneMsg{what: "returns.exchanged", id: id, err: err}
			}
			note, err := d.CreateDelivery(ctx, in)
			return doneMsg{what: "returns.exchanged", id: id, exchange: note, err: err}
		}
	}
	return nil
}

// detailView shows the return: its note, order and customer, the day,
// why and the complaint, its lines, what it takes back and who received
// it.
func (s *Screen) detailView() string {
	st, c := s.c.Styles, s.c
	if s.detail == nil {
		return st.Muted.Render(c.T("status.loading"))
	}
	v := s.detail.Return
	var b strings.Builder
	b.WriteString(st.Title.Render(fmt.Sprintf("%s  %s", common.DocTitle(c, "return", v.Ref), c.T("state.return."+v.Status))) + "\n")
	b.WriteString(c.T("returns.against", v.NoteRef, v.NoteLeftOn, v.OrderNo, v.Customer) + "\n")
	b.WriteString(c.T("field.name.returned_on") + ": " + v.ReturnedOn + "   " + c.T("field.name.reason") + ": " + v.Reason + "\n")
	if v.ComplaintRef != "" {
		b.WriteString(c.T("returns.led_from", v.ComplaintRef) + "\n")
	}
	// The numbers as wide as they are, the goods whole where that leaves
	// room (the spec tells one line from another: 4×1250×12000).
	num := func(title string) common.Column {
		return common.Column{Title: title, Width: 4, Right: true, Keep: true}
	}
	cols := []common.Column{{Title: "#", Width: 3, Right: true}, {Title: c.T("returns.col.note_line"), Width: 4, Right: true},
		{Title: c.T("field.name.line"), Width: 12, Keep: true}, num(c.T("field.name.quantity")), num(c.T("field.name.weight")),
		num(c.T("returns.col.price")), num(c.T("returns.col.total"))}
	if s.detail.MoneyHidden {
		cols = cols[:5]
	}
	cells := func(l store.ReturnLine) []string {
		return []string{strconv.Itoa(l.LineNo), strconv.Itoa(l.NoteLineNo), l.Item(), l.Qty.String() + l.Unit, l.Weight.String(),
			l.Price.String(), l.Amount.String()}
	}
	cols = common.WidenTo(cols, v.Lines, cells)
	cols[2].Tail = true // the goods may still give way, to twelve cells
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 2, Min: 12})
	b.WriteString("\n" + st.Header.Render(common.Header(cols)) + "\n")
	for _, l := range v.Lines {
		b.WriteString(common.Line(cols, cells(l)) + "\n")
	}
	if !s.detail.MoneyHidden {
		b.WriteString(c.T("returns.total_line", v.Total.String()) + "\n")
	}
	if x := v.Receipt; x != nil {
		b.WriteString(c.T("returns.received_line", x.ReceivedOn, x.By) + "\n")
	}
	if v.Status == workflow.ReturnReceived {
		b.WriteString(st.Muted.Render(c.T("returns.books_followed")) + "\n")
	}
	return b.String()
}
