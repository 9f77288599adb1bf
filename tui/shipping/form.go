package shipping

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// startDraft reads an order's open lines for a new note.
func (s *Screen) startDraft(o store.OrderRow) tea.Cmd {
	s.formReq = s.NextReq()
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, o.ID
	return func() tea.Msg {
		in, open, err := d.NewDeliveryInput(ctx, id)
		return formMsg{seq: seq, kind: formDraft, order: id, in: in, open: open, err: err}
	}
}

// startEdit opens the draft shown for editing.
func (s *Screen) startEdit() tea.Cmd {
	dd := s.detail
	if dd == nil || (dd.Status != "draft" && dd.Status != "sent_back") {
		return s.Status(&workflow.Refusal{Code: workflow.NotEditable})
	}
	s.formReq = s.NextReq()
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, dd.ID
	return func() tea.Msg {
		dd, err := d.Delivery(ctx, id)
		if err != nil {
			return formMsg{seq: seq, err: err}
		}
		return formMsg{seq: seq, kind: formDraft, order: dd.Note.OrderID, open: dd.Open, note: &dd}
	}
}

// startStep opens the form of a step on the note shown.
func (s *Screen) startStep(kind formKind) tea.Cmd {
	if s.detail == nil {
		return nil
	}
	s.formReq = s.NextReq()
	seq, ctx, d, id := s.formReq, s.c.Ctx, s.c.Desk, s.detail.ID
	return func() tea.Msg {
		dd, err := d.Delivery(ctx, id)
		return formMsg{seq: seq, kind: kind, note: &dd, err: err}
	}
}

// applyForm builds the form a request asked for.
func (s *Screen) applyForm(msg formMsg) tea.Cmd {
	if msg.seq != s.formReq {
		return nil
	}
	if msg.err != nil {
		return s.Status(msg.err)
	}
	s.formKind, s.formNote, s.editing, s.draftOf = msg.kind, msg.note, nil, msg.order
	switch msg.kind {
	case formDraft:
		s.Form = form.New(s.c, s.Field(workflow.FShipTo, 40), s.Field("contact", 12), s.Field("phone", 16),
			s.Field(workflow.FShipOn, 12), s.Field(workflow.FNote, 40)).
			WithLines(s.ReadOnlyField(workflow.FLine, common.WidestCell(30, msg.open, store.OpenLine.Item)), s.ReadOnlyField(workflow.FOpen, 10), s.Field(workflow.FQuantity, 10), s.Field(workflow.FWeight, 10))
		in := msg.in
		byLine := map[int64]workflow.DeliveryLineInput{}
		if msg.note != nil { // editing: the note's own figures
			n := msg.note.Note
			s.editing = &n
			in = workflow.DeliveryInput{OrderID: n.OrderID, ShipTo: n.ShipTo, Contact: n.Contact, Phone: n.Phone, ShipOn: n.ShipOn, Notes: n.Notes}
			for _, l := range n.Lines {
				byLine[l.OrderLineID] = workflow.DeliveryLineInput{ID: l.ID, OrderLineID: l.OrderLineID, Quantity: l.Qty.String(), Weight: l.Weight.String()}
			}
		} else {
			for _, l := range in.Lines {
				byLine[l.OrderLineID] = l
			}
		}
		for k, v := range map[string]string{workflow.FShipTo: in.ShipTo, "contact": in.Contact, "phone": in.Phone, workflow.FShipOn: in.ShipOn, workflow.FNote: in.Notes} {
			s.Form.SetValue(k, v)
		}
		for _, l := range msg.open {
			open := l.Open()
			li, ok := byLine[l.OrderLineID]
			if msg.note != nil && ok { // what this note holds is open to it
				if q, err := store.ParseMilli(li.Quantity); err == nil {
					open += q
				}
			}
			if open <= 0 && !ok {
				continue
			}
			i := s.Form.AddLine(map[string]string{workflow.FLine: l.Item(), workflow.FOpen: open.String() + l.Unit,
				workflow.FQuantity: li.Quantity, workflow.FWeight: li.Weight})
			s.Form.SetLineID(i, l.OrderLineID)
		}
		s.Form.DropBlankFirst()
	case formPayment:
		s.Form = form.New(s.c, s.Field(workflow.FAmount, 16), s.Field(workflow.FReceivedOn, 12), s.Field(workflow.FMethod, 12), s.Field(workflow.FReference, 24))
		if g := msg.note.Gate; g != nil && g.Due > 0 {
			s.Form.SetValue(workflow.FAmount, g.Due.Plain())
		} else {
			s.Form.SetValue(workflow.FAmount, msg.note.Note.Total.Plain())
		}
		s.Form.SetValue(workflow.FReceivedOn, s.c.Now().Format("2006-01-02"))
	case formLoad:
		reason := s.Field(workflow.FReason, 20)
		reason.Narrow = 6
		s.Form = form.New(s.c).WithLines(s.ReadOnlyField(workflow.FLine, common.WidestCell(28, msg.note.Note.Lines, store.DeliveryLine.Item)), s.ReadOnlyField(workflow.FQuantity, 10), s.ReadOnlyField(workflow.FWeight, 10),
			s.Field(workflow.FLoadedQty, 10), s.Field(workflow.FLoadedWt, 12), reason)
		for _, l := range msg.note.Note.Lines {
			i := s.Form.AddLine(map[string]string{workflow.FLine: l.Item(), workflow.FQuantity: l.Qty.String() + l.Unit,
				workflow.FWeight: l.Weight.String(), workflow.FLoadedQty: l.Qty.String(), workflow.FLoadedWt: l.Weight.String()})
			s.Form.SetLineID(i, l.ID)
		}
		s.Form.DropBlankFirst()
	case formDispatch:
		s.Form = form.New(s.c, s.Field(workflow.FCarrier, 24), s.Field(workflow.FVehicle, 12), s.Field(workflow.FDriver, 20),
			s.Field(workflow.FShippedAt, 17), s.Field(workflow.FExpectedOn, 12), s.Field(workflow.FSignedBy, 12), s.Field(workflow.FSignedOn, 12))
		now := s.c.Now()
		s.Form.SetValue(workflow.FShippedAt, now.Format("2006-01-02 15:04"))
		s.Form.SetValue(workflow.FSignedOn, now.Format("2006-01-02"))
	}
	s.OpenForm(s.Form)
	return nil
}

func (s *Screen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := s.FormKey(msg, s.detail != nil, s.saveForm); handled {
		if s.Form == nil {
			s.formNote, s.editing = nil, nil
		}
		return cmd
	}
	cmd := s.Form.Update(msg)
	s.askLoadReasons()
	return cmd
}

// askLoadReasons asks, under each line as it is typed, for the reason a
// loaded weight further than the tolerance from the note's needs (the
// desk refuses the load without it, at the same cell).
func (s *Screen) askLoadReasons() {
	if s.formKind != formLoad || s.formNote == nil {
		return
	}
	for i, l := range s.formNote.Note.Lines {
		if i >= s.Form.Lines() {
			break
		}
		text := ""
		w, err := store.ParseMilli(s.Form.Cell(i, workflow.FLoadedWt))
		if err == nil && strings.TrimSpace(s.Form.Cell(i, workflow.FReason)) == "" &&
			workflow.OffTolerance(l.Weight, w, s.formNote.WeightTolerance) {
			text = s.c.T("shipping.load_reason_asked", l.Weight.String(), s.formNote.WeightTolerance)
		}
		s.Form.SetLineNote(i, text)
	}
}

// saveForm hands what was typed to the workflow.
func (s *Screen) saveForm() tea.Cmd {
	f, ctx, d := s.Form, s.c.Ctx, s.c.Desk
	f.ClearErrors()
	switch s.formKind {
	case formDraft:
		in := workflow.DeliveryInput{OrderID: s.draftOf, ShipTo: f.Value(workflow.FShipTo), Contact: f.Value("contact"),
			Phone: f.Value("phone"), ShipOn: f.Value(workflow.FShipOn), Notes: f.Value(workflow.FNote)}
		for i := 0; i < f.Lines(); i++ {
			if f.LineID(i) == 0 {
				continue
			}
			in.Lines = append(in.Lines, workflow.DeliveryLineInput{OrderLineID: f.LineID(i), Quantity: f.Cell(i, workflow.FQuantity), Weight: f.Cell(i, workflow.FWeight)})
		}
		if orig := s.editing; orig != nil {
			o := *orig
			return s.act("shipping.saved", o.DocID, true, func() error { return d.UpdateDelivery(ctx, o, in) })
		}
		s.Busy = true
		return func() tea.Msg {
			id, err := d.CreateDelivery(ctx, in)
			return doneMsg{what: "shipping.saved", note: id, err: err, form: true}
		}
	case formPayment:
		in := workflow.PaymentInput{NoteID: s.formNote.ID, Amount: f.Value(workflow.FAmount), ReceivedOn: f.Value(workflow.FReceivedOn),
			Method: f.Value(workflow.FMethod), Reference: f.Value(workflow.FReference)}
		return s.act("shipping.key.confirm_pay", in.NoteID, true, func() error { return d.ConfirmPayment(ctx, in) })
	case formLoad:
		var loads []workflow.LoadInput
		for i := 0; i < f.Lines(); i++ {
			loads = append(loads, workflow.LoadInput{LineID: f.LineID(i), Qty: f.Cell(i, workflow.FLoadedQty), Weight: f.Cell(i, workflow.FLoadedWt), Reason: f.Cell(i, workflow.FReason)})
		}
		id, seen := s.formNote.ID, s.formNote.Version
		return s.act("key.load", id, true, func() error { return d.Load(ctx, id, seen, loads) })
	case formDispatch:
		in := workflow.DispatchInput{Carrier: f.Value(workflow.FCarrier), Vehicle: f.Value(workflow.FVehicle), Driver: f.Value(workflow.FDriver),
			ShippedAt: f.Value(workflow.FShippedAt), ExpectedOn: f.Value(workflow.FExpectedOn), SignedBy: f.Value(workflow.FSignedBy), SignedOn: f.Value(workflow.FSignedOn)}
		id, seen := s.formNote.ID, s.formNote.Version
		return s.act("key.dispatch", id, true, func() error { return d.Dispatch(ctx, id, seen, in) })
	}
	return nil
}

// formRow is the form's row of a line the workflow names: a loading
// form's rows are the note's lines, found by their number.
func (s *Screen) formRow(lineNo int) int {
	if s.formKind != formLoad {
		return lineNo - 1
	}
	if s.formNote == nil {
		return -1
	}
	for i, l := range s.formNote.Note.Lines {
		if l.LineNo == lineNo {
			return i
		}
	}
	return -1
}

func (s *Screen) formView() string {
	st := s.c.Styles
	title := ""
	switch s.formKind {
	case formDraft:
		if s.editing != nil {
			title = s.c.T("shipping.edit_title", s.editing.Ref)
		} else {
			title = s.c.T("shipping.new_title", s.draftOrderRef())
		}
	case formPayment:
		title = s.c.T("shipping.pay_title", s.formNote.Ref)
	case formLoad:
		title = s.c.T("shipping.load_title", s.formNote.Ref)
	case formDispatch:
		title = s.c.T("shipping.dispatch_title", s.formNote.Ref)
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	if s.formKind == formPayment && s.formNote.Gate != nil {
		b.WriteString(common.WrapIn(st.Warning, s.gateText(*s.formNote.Gate), s.Width) + "\n")
	}
	b.WriteString(s.Form.View() + "\n")
	b.WriteString(st.Muted.Render(s.c.T("shipping.form_help")))
	return b.String()
}

func (s *Screen) draftOrderRef() string {
	if o, ok := s.orders.Current(); ok && o.ID == s.draftOf {
		return o.Number() + " " + o.Customer
	}
	return ""
}
