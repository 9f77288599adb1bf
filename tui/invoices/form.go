package invoices

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// startRequest reads an order's shipped lines for a new request.
func (s *Screen) startRequest(o store.ToInvoice) tea.Cmd {
	s.formReq = s.NextReq()
	s.orderOf, s.orderName = o.OrderID, o.OrderNo+" "+o.Customer
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, o.OrderID
	return func() tea.Msg {
		in, lines, err := d.NewInvoiceInput(ctx, id)
		return formMsg{seq: seq, kind: formRequest, in: in, lines: lines, err: err}
	}
}

// startEdit opens the request shown for editing.
func (s *Screen) startEdit() tea.Cmd {
	v := s.detail
	if v == nil || (v.Status != "draft" && v.Status != "sent_back") {
		return s.Status(&workflow.Refusal{Code: workflow.NotEditable})
	}
	s.formReq = s.NextReq()
	s.orderOf, s.orderName = v.OrderID, v.OrderNo+" "+v.Customer
	seq, ctx, d, id, order := s.formReq, s.c.Ctx, s.c.Desk, v.DocID, v.OrderID
	return func() tea.Msg {
		inv, _, err := d.Invoice(ctx, id)
		if err != nil {
			return formMsg{seq: seq, err: err}
		}
		lines, err := d.InvoiceLinesFor(ctx, order, id)
		return formMsg{seq: seq, kind: formRequest, inv: &inv, lines: lines, err: err}
	}
}

// startStep opens the issue or mailing form of the invoice shown.
func (s *Screen) startStep(kind formKind) tea.Cmd {
	if s.detail == nil {
		return nil
	}
	s.formReq = s.NextReq()
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, s.detail.DocID
	action := workflow.ActionIssue
	if kind == formMail {
		action = workflow.ActionMail
	}
	return func() tea.Msg {
		// The form opens only when the workflow would take the step now:
		// a mailing day typed into a draft would only be refused on save.
		if err := stepRefused(ctx, d, id, action); err != nil {
			return formMsg{seq: seq, kind: kind, err: err}
		}
		inv, _, err := d.Invoice(ctx, id)
		return formMsg{seq: seq, kind: kind, inv: &inv, err: err}
	}
}

// startReceipt opens finance's receipt form for a customer (0: typed),
// with an amount to start from.
func (s *Screen) startReceipt(customer int64, name string, amount store.Money) tea.Cmd {
	if !s.keys.receipt.Enabled() {
		return nil
	}
	s.formReq = s.NextReq()
	s.customer, s.customerName = customer, name
	payer, ref := s.Field(workflow.FPayer, 24), s.Field(workflow.FReference, 24)
	payer.Limit, ref.Limit = workflow.MaxName, workflow.MaxName
	f := form.New(s.c, s.Field(workflow.FCustomer, 30), s.Field(workflow.FAmount, 16), s.Field(workflow.FReceivedOn, 12),
		s.Field(workflow.FMethod, 14), payer, ref, s.Field(workflow.FOrder, 16))
	f.SetValue(workflow.FCustomer, name)
	if amount > 0 {
		f.SetValue(workflow.FAmount, amount.Plain())
	}
	f.SetValue(workflow.FReceivedOn, s.c.Now().Format("2006-01-02"))
	f.SetValue(workflow.FMethod, s.c.T("method."+store.MethodBank))
	f.SetValue(workflow.FPayer, name)
	if name != "" {
		f.FocusField(workflow.FAmount)
	}
	s.openForm(formReceipt, f)
	return nil
}

// startAllocate reads a receipt and the open invoices it may pay.
// startAllocate opens the allocation of a receipt; said is what the
// status line says with its answer ("receipt recorded", straight after
// the receipt's form), one message so that neither can overtake the other.
func (s *Screen) startAllocate(receipt int64, said string) tea.Cmd {
	s.formReq = s.NextReq()
	seq, ctx, d := s.formReq, s.c.Ctx, s.c.Desk
	return func() tea.Msg {
		r, plan, err := d.AllocationPlan(ctx, receipt)
		return formMsg{seq: seq, kind: formAllocate, receipt: r, plan: plan, err: err, said: said}
	}
}

func (s *Screen) openForm(kind formKind, f *form.Form) {
	s.formKind = kind
	s.OpenForm(f)
}

// applyForm builds the form a request asked for.
func (s *Screen) applyForm(msg formMsg) tea.Cmd {
	if msg.seq != s.formReq {
		return nil
	}
	if msg.err != nil {
		return s.Status(msg.err)
	}
	s.editing, s.receipt = nil, nil
	switch msg.kind {
	case formRequest:
		item := common.WidestCell(28, msg.lines, store.Invoiceable.Item)
		f := form.New(s.c, s.Field(workflow.FNote, 40)).WithLines(s.ReadOnlyField(workflow.FNoteRef, 15), s.ReadOnlyField(workflow.FLine, item),
			s.ReadOnlyField(workflow.FShipped, 12), s.Field(workflow.FQuantity, 10), s.Field(workflow.FWeight, 10))
		byLine := map[int64]workflow.InvoiceLineInput{}
		for _, l := range msg.in.Lines {
			byLine[l.DeliveryLineID] = l
		}
		if msg.inv != nil { // editing: the request's own figures
			v := *msg.inv
			s.editing = &v
			f.SetValue(workflow.FNote, v.Notes)
			for _, l := range v.Lines {
				byLine[l.DeliveryLineID] = workflow.InvoiceLineInput{ID: l.ID, DeliveryLineID: l.DeliveryLineID, Quantity: l.Qty.String(), Weight: l.Weight.String()}
			}
		}
		for _, l := range msg.lines {
			li, ok := byLine[l.DeliveryLineID]
			if l.OpenQty() <= 0 && !ok {
				continue
			}
			i := f.AddLine(map[string]string{workflow.FNoteRef: l.NoteRef, workflow.FLine: l.Item(),
				workflow.FShipped: l.OpenQty().String() + l.Unit, workflow.FQuantity: li.Quantity, workflow.FWeight: li.Weight})
			f.SetLineID(i, l.DeliveryLineID)
		}
		f.DropBlankFirst()
		f.FocusCell(0, workflow.FQuantity)
		s.openForm(formRequest, f)
	case formIssue:
		v := *msg.inv
		s.editing = &v
		f := form.New(s.c, s.Field(workflow.FInvoiceNo, 22), s.Field(workflow.FIssuedOn, 12))
		f.SetValue(workflow.FIssuedOn, s.c.Now().Format("2006-01-02"))
		s.openForm(formIssue, f)
	case formMail:
		v := *msg.inv
		s.editing = &v
		f := form.New(s.c, s.Field(workflow.FMailedOn, 12), s.Field(workflow.FTracking, 24))
		f.SetValue(workflow.FMailedOn, s.c.Now().Format("2006-01-02"))
		s.openForm(formMail, f)
	case formAllocate:
		if len(msg.plan) == 0 {
			s.Mode = docscreen.List
			text := s.c.T("invoices.nothing_open")
			if msg.said != "" {
				text = msg.said + " · " + text
			}
			return s.Say(text)
		}
		r := msg.receipt
		s.receipt = &r
		f := form.New(s.c).WithLines(s.ReadOnlyField(workflow.FInvoiceNo, 21), s.ReadOnlyField(workflow.FDueOn, 10),
			s.ReadOnlyField(workflow.FOpenAmt, 14), s.Field(workflow.FAmount, 14))
		for _, p := range msg.plan {
			amt := ""
			if p.Amount > 0 {
				amt = p.Amount.Plain()
			}
			i := f.AddLine(map[string]string{workflow.FInvoiceNo: p.Invoice.InvoiceNo, workflow.FDueOn: p.Invoice.DueOn,
				workflow.FOpenAmt: p.Invoice.Open().String(), workflow.FAmount: amt})
			f.SetLineID(i, p.Invoice.DocID)
		}
		f.DropBlankFirst()
		f.FocusCell(0, workflow.FAmount)
		s.openForm(formAllocate, f)
		if msg.said != "" {
			return s.Say(msg.said)
		}
	}
	return nil
}

func (s *Screen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := s.FormKey(msg, s.detail != nil, s.saveForm); handled {
		if s.Form == nil {
			s.receipt, s.issuing = nil, nil
		}
		return cmd
	}
	return s.Form.Update(msg)
}

// saveForm hands what was typed to the workflow.
func (s *Screen) saveForm() tea.Cmd {
	f, ctx, d := s.Form, s.c.Ctx, s.c.Desk
	f.ClearErrors()
	switch s.formKind {
	case formRequest:
		in := workflow.InvoiceInput{OrderID: s.orderOf, Notes: f.Value(workflow.FNote)}
		for i := 0; i < f.Lines(); i++ {
			if f.LineID(i) != 0 {
				in.Lines = append(in.Lines, workflow.InvoiceLineInput{DeliveryLineID: f.LineID(i),
					Quantity: f.Cell(i, workflow.FQuantity), Weight: f.Cell(i, workflow.FWeight)})
			}
		}
		if orig := s.editing; orig != nil {
			o := *orig
			return s.act("invoices.saved", o.DocID, true, func() error { return d.UpdateInvoice(ctx, o, in) })
		}
		s.Busy = true
		return func() tea.Msg {
			id, err := d.CreateInvoice(ctx, in)
			return doneMsg{what: "invoices.saved", inv: id, err: err, form: true}
		}
	case formIssue:
		in := workflow.IssueInput{InvoiceNo: f.Value(workflow.FInvoiceNo), IssuedOn: f.Value(workflow.FIssuedOn)}
		id, seen := s.editing.DocID, s.editing.Version
		return s.act("key.issue", id, true, func() error { return d.IssueInvoice(ctx, id, seen, in) })
	case formMail:
		in := workflow.MailInput{MailedOn: f.Value(workflow.FMailedOn), Tracking: f.Value(workflow.FTracking)}
		id, seen := s.editing.DocID, s.editing.Version
		return s.act("key.mail", id, true, func() error { return d.MailInvoice(ctx, id, seen, in) })
	case formReceipt:
		in := workflow.ReceiptInput{CustomerID: s.customer, Customer: f.Value(workflow.FCustomer), Amount: f.Value(workflow.FAmount),
			ReceivedOn: f.Value(workflow.FReceivedOn), Method: s.methodCode(f.Value(workflow.FMethod)),
			Payer: f.Value(workflow.FPayer), Reference: f.Value(workflow.FReference), Order: f.Value(workflow.FOrder)}
		if strings.TrimSpace(in.Customer) != s.customerName {
			in.CustomerID = 0 // finance typed another customer
		}
		s.Busy = true
		return func() tea.Msg {
			id, err := d.RecordReceipt(ctx, in)
			return doneMsg{what: "invoices.recorded", receipt: id, err: err, form: true}
		}
	case formCredit:
		return s.saveCredit()
	case formCreditIssue:
		return s.saveCreditIssue()
	case formAllocate:
		var in []workflow.AllocationInput
		for i := 0; i < f.Lines(); i++ {
			in = append(in, workflow.AllocationInput{InvoiceID: f.LineID(i), Amount: f.Cell(i, workflow.FAmount)})
		}
		id := s.receipt.ID
		return s.act("invoices.allocated", 0, true, func() error { return d.Allocate(ctx, id, in) })
	}
	return nil
}

func (s *Screen) formView() string {
	st, c := s.c.Styles, s.c
	var title string
	switch s.formKind {
	case formRequest:
		if s.editing != nil {
			title = c.T("invoices.edit_title", s.editing.Ref)
		} else {
			title = c.T("invoices.new_title", s.orderName)
		}
	case formIssue:
		title = c.T("invoices.issue_title", s.editing.Ref, s.editing.Total.String())
	case formMail:
		title = c.T("invoices.mail_title", s.editing.Ref)
	case formReceipt:
		title = c.T("invoices.receipt_title", s.Form.Value(workflow.FCustomer))
	case formAllocate:
		title = c.T("invoices.allocate_title", s.receipt.Customer, s.receipt.ReceivedOn, s.receipt.Unallocated().String())
	case formCredit, formCreditIssue:
		title = s.creditTitle()
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	b.WriteString(s.Form.View() + "\n")
	if s.formKind == formReceipt {
		b.WriteString(common.WrapIn(st.Muted, c.T("invoices.methods"), s.Form.Width()) + "\n")
	}
	if s.formKind == formCredit {
		b.WriteString(common.WrapIn(st.Muted, c.T("invoices.credit_help"), s.Form.Width()) + "\n")
	}
	b.WriteString(st.Muted.Render(c.T("invoices.form_help")))
	return b.String()
}

// methodCode reads the method as typed: its code (bank, bill, cash,
// other) or its name on screen (银行转账, 承兑汇票 …); anything else goes to
// the workflow as typed, which refuses it at the field.
func (s *Screen) methodCode(typed string) string {
	v := strings.ToLower(strings.TrimSpace(typed))
	for _, m := range store.ReceiptMethods {
		if v == m || v == strings.ToLower(s.c.T("method."+m)) {
			return m
		}
	}
	return v
}
