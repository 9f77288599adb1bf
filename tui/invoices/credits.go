package invoices

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// A credit (红字发票) starts from the issued invoice shown: r opens its
// form (an allowance's amount, or the quantities that came back), which
// saves and submits it for the second person's check in Review; finance
// issues it here with I once it is checked.

// creditMsg carries what the credit form starts from, for request seq:
// a new credit's blank input, or the input of edit as it was saved.
type creditMsg struct {
	seq   int
	in    workflow.CreditInput
	basis workflow.CreditBasis
	edit  *store.Credit
	err   error
}

// startCredit reads the invoice shown and what is left to credit of it.
func (s *Screen) startCredit() tea.Cmd {
	if s.detail == nil {
		return nil
	}
	s.formReq = s.NextReq()
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, s.detail.DocID
	return func() tea.Msg {
		in, b, err := d.NewCreditInput(ctx, id)
		return creditMsg{seq: seq, in: in, basis: b, err: err}
	}
}

// applyCredit opens the credit form: the reason and an allowance's
// amount, then the invoice's lines with what may still come back.
func (s *Screen) applyCredit(msg creditMsg) tea.Cmd {
	if msg.seq != s.formReq {
		return nil
	}
	if msg.err != nil {
		return s.Status(msg.err)
	}
	v := msg.basis.Invoice
	s.editing, s.creditLeft, s.creditEdit = &v, msg.basis.Left, msg.edit
	item := common.WidestCell(28, msg.basis.Lines, func(l store.Creditable) string { return l.Item() })
	f := form.New(s.c, s.Field(workflow.FReason, 40), s.Field(workflow.FAmount, 14)).WithLines(s.ReadOnlyField(workflow.FLine, item),
		s.ReadOnlyField(fCreditable, 12), s.Field(workflow.FQuantity, 10), s.Field(workflow.FWeight, 10))
	f.SetValue(workflow.FReason, msg.in.Reason)
	f.SetValue(workflow.FAmount, msg.in.Amount)
	for n, l := range msg.basis.Lines {
		cells := map[string]string{workflow.FLine: l.Item(), fCreditable: l.OpenQty().String() + l.Unit}
		if n < len(msg.in.Lines) && msg.in.Lines[n].InvoiceLineID == l.ID {
			cells[workflow.FQuantity], cells[workflow.FWeight] = msg.in.Lines[n].Quantity, msg.in.Lines[n].Weight
		}
		i := f.AddLine(cells)
		f.SetLineID(i, l.ID)
	}
	f.DropBlankFirst()
	s.openForm(formCredit, f)
	return nil
}

// fCreditable is the credit form's column of what may still come back.
const fCreditable = "creditable"

// creditInput reads the credit form.
func (s *Screen) creditInput() workflow.CreditInput {
	f := s.Form
	in := workflow.CreditInput{InvoiceID: s.editing.DocID, Reason: f.Value(workflow.FReason), Amount: f.Value(workflow.FAmount)}
	for i := 0; i < f.Lines(); i++ {
		if f.LineID(i) != 0 {
			in.Lines = append(in.Lines, workflow.CreditLineInput{InvoiceLineID: f.LineID(i),
				Quantity: f.Cell(i, workflow.FQuantity), Weight: f.Cell(i, workflow.FWeight)})
		}
	}
	return in
}

// saveCredit drafts the credit and submits it for the check: the
// invoice stays shown, with the credit under it.
func (s *Screen) saveCredit() tea.Cmd {
	in, ctx, d, inv := s.creditInput(), s.c.Ctx, s.c.Desk, s.editing.DocID
	if s.creditEdit != nil {
		return s.saveCreditEdit(in)
	}
	return s.act("invoices.credit_saved", inv, true, func() error {
		id, err := d.CreateCredit(ctx, in)
		if err != nil {
			return err
		}
		return d.SubmitCredit(ctx, id, 0)
	})
}

// waitingCredit is the first credit of the invoice shown that waits for
// finance's issue.
func (s *Screen) waitingCredit() *store.Credit {
	for i := range s.credits {
		if s.credits[i].Status == "checked" {
			return &s.credits[i]
		}
	}
	return nil
}

// startCreditIssue opens finance's issue form of the credit waiting.
func (s *Screen) startCreditIssue() tea.Cmd {
	c := s.waitingCredit()
	if c == nil {
		return s.Say(s.c.T("invoices.no_credit_waits"))
	}
	cc := *c
	s.issuing = &cc
	f := form.New(s.c, s.Field(workflow.FInvoiceNo, 22), s.Field(workflow.FIssuedOn, 12))
	f.SetValue(workflow.FIssuedOn, s.c.Now().Format("2006-01-02"))
	s.openForm(formCreditIssue, f)
	return nil
}

func (s *Screen) saveCreditIssue() tea.Cmd {
	f, ctx, d, c, inv := s.Form, s.c.Ctx, s.c.Desk, *s.issuing, s.detail.DocID
	in := workflow.IssueInput{InvoiceNo: f.Value(workflow.FInvoiceNo), IssuedOn: f.Value(workflow.FIssuedOn)}
	return s.act("key.issue", inv, true, func() error { return d.IssueCredit(ctx, c.DocID, c.Version, in) })
}

// creditTitle is the title of the credit forms.
func (s *Screen) creditTitle() string {
	if s.formKind == formCreditIssue {
		return s.c.T("invoices.credit_issue", s.issuing.Ref, s.issuing.Total.String())
	}
	no := s.editing.Ref
	if s.editing.Issue != nil {
		no = s.editing.Issue.InvoiceNo
	}
	if s.creditEdit != nil {
		return s.c.T("invoices.credit_edit_title", s.creditEdit.Ref, no, s.creditLeft.String())
	}
	return s.c.T("invoices.credit_title", no, s.creditLeft.String())
}

// creditLines lists the credits of the invoice shown.
func (s *Screen) creditLines() string {
	if len(s.credits) == 0 {
		return ""
	}
	st, c := s.c.Styles, s.c
	var b strings.Builder
	b.WriteString("\n" + st.Header.Render(c.T("invoices.credits")) + "\n")
	for _, x := range s.credits {
		b.WriteString(common.Wrap(c.T("invoices.credit_line", x.Ref, c.T("credit.basis."+x.Basis), "-"+x.Total.String(),
			c.T("state.credit."+x.Status), strings.TrimSpace(x.CreditNo+" "+x.Reason)), s.Width) + "\n")
	}
	return b.String()
}
