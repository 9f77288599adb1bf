package invoices

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

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
			common.Offer{Key: k.issue, OK: can[workflow.ActionIssue]}, common.Offer{Key: k.mail, OK: can[workflow.ActionMail]},
			common.Offer{Key: k.receipt, OK: true}, common.Offer{Key: k.edit, OK: v.Status == "draft" || v.Status == "sent_back"},
			common.Offer{Key: k.void, OK: can[workflow.ActionVoid]},
			common.Offer{Key: k.credit, OK: v.Status == "issued" || v.Status == "mailed"},
			common.Offer{Key: k.editCredit, OK: s.draftedCredit() != nil},
			common.Offer{Key: k.issueCredit, OK: s.waitingCredit() != nil})
	}
	return s.DocHelp(steps...)
}

// closeDetail forgets the invoice shown and reads the lists again.
func (s *Screen) closeDetail() tea.Cmd {
	s.detail = nil
	return s.refreshAll()
}

func (s *Screen) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, step := s.DocKey(msg, s.closeDetail, s.loadDetail); !step {
		return cmd
	}
	k, v := s.keys, s.detail
	ctx, d, id, seen := s.c.Ctx, s.c.Desk, v.DocID, v.Version
	switch {
	case key.Matches(msg, k.submit):
		return s.act("invoices.key.submit", id, false, func() error { return d.SubmitInvoice(ctx, id, seen) })
	case key.Matches(msg, k.check):
		return s.act("invoices.key.check", id, false, func() error { return d.CheckInvoice(ctx, id, seen) })
	case key.Matches(msg, k.sendBack):
		s.OpenPrompt("invoices.reason_back", func(text string) tea.Cmd {
			return s.act("key.send_back", id, false, func() error { return d.SendBackInvoice(ctx, id, seen, text) })
		})
	case key.Matches(msg, k.void):
		s.OpenPrompt("invoices.reason_void", func(text string) tea.Cmd {
			return s.act("key.void", id, false, func() error { return d.VoidInvoice(ctx, id, seen, text) })
		})
	case key.Matches(msg, k.issue):
		return s.startStep(formIssue)
	case key.Matches(msg, k.mail):
		return s.startStep(formMail)
	case key.Matches(msg, k.edit):
		return s.startEdit()
	case key.Matches(msg, k.receipt):
		return s.startReceipt(v.CustomerID, v.Customer, v.Open())
	case key.Matches(msg, k.credit):
		return s.startCredit()
	case key.Matches(msg, k.editCredit):
		return s.startCreditEdit()
	case key.Matches(msg, k.issueCredit):
		return s.startCreditIssue()
	}
	return nil
}

// detailView shows the invoice, its lines, issue, mailing, money and
// allocations.
func (s *Screen) detailView() string {
	st, c := s.c.Styles, s.c
	v := s.detail
	if v == nil {
		return st.Muted.Render(c.T("status.loading"))
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(fmt.Sprintf("%s  %s", common.DocTitle(c, "invoice", v.Ref), c.T("state.invoice."+v.Status))) + "\n")
	b.WriteString(c.T("invoices.open_order", v.OrderNo, v.Customer, common.Terms(c.Cat, v.PaymentTerms, v.TermsDays)) + "\n")
	if v.Notes != "" {
		b.WriteString(c.T("field.name.note") + ": " + v.Notes + "\n")
	}
	cols := []common.Column{{Title: "#", Width: 3, Right: true}, {Title: c.T("field.name.note_ref"), Width: 15},
		{Title: c.T("field.name.line"), Width: 28}, {Title: c.T("field.name.quantity"), Width: 10, Right: true},
		{Title: c.T("field.name.weight"), Width: 10, Right: true}, {Title: c.T("invoices.col.price"), Width: 11, Right: true},
		{Title: c.T("invoices.col.amount"), Width: 13, Right: true}}
	cols = common.Squeeze(cols, s.Width, common.Shrink{Col: 2, Min: 12}, common.Shrink{Col: 1, Min: 13})
	b.WriteString("\n" + st.Header.Render(common.Header(cols)) + "\n")
	for _, l := range v.Lines {
		b.WriteString(common.Line(cols, []string{strconv.Itoa(l.LineNo), l.NoteRef, l.Item(),
			l.Qty.String() + l.Unit, l.Weight.String(), l.Price.String(), l.Amount.String()}) + "\n")
	}
	b.WriteString(c.T("invoices.money_line", v.Total.String(), v.Allocated.String(), v.Open().String()) + "\n")
	if x := v.Issue; x != nil {
		b.WriteString(c.T("invoices.issue_line", x.InvoiceNo, x.IssuedOn, x.DueOn, x.By) + "\n")
	}
	if m := v.Mailing; m != nil {
		b.WriteString(c.T("invoices.mail_line", m.MailedOn, m.Tracking) + "\n")
	}
	if len(s.allocs) > 0 {
		b.WriteString("\n" + st.Header.Render(c.T("invoices.allocations")) + "\n")
		for _, a := range s.allocs {
			b.WriteString(c.T("invoices.alloc_line", a.On, a.ReceiptID, a.Amount.String(), a.By) + "\n")
		}
	}
	b.WriteString(s.creditLines())
	return b.String()
}
