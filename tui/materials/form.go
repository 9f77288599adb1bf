package materials

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// formKind says what a form writes.
type formKind int

const (
	entryForm   formKind = iota // what was sent: whom, what, when, how
	receiptForm                 // its receipt: the day and who confirmed it
)

// hints are each form's keys, as catalogue keys.
var hints = map[formKind]string{entryForm: "materials.form_hint", receiptForm: "materials.receipt_hint"}

// openForm opens a form of kind; row is the row a receipt is confirmed
// on.
func (s *Screen) openForm(kind formKind, row store.MaterialSent, title string, fields ...form.Field) *form.Form {
	s.forms++
	s.form, s.formKind, s.formRow = docscreen.NewHeldForm(s.c, s.forms, title, hints[kind], fields...), kind, row
	s.form.Resize(s.Width, s.Height)
	s.back, s.Mode = s.Mode, modeForm
	return s.form.F
}

func (s *Screen) choice(key, prefix string, values []string) form.Field {
	f := s.Field(key, 14)
	for _, v := range values {
		f.Options = append(f.Options, form.Option{Value: v, Label: s.c.T(prefix + v)})
	}
	return f
}

// startSend opens the form of a new entry: sent today by courier, the
// company left for the clerk to pick (a default would record the wrong
// one as readily as the right).
func (s *Screen) startSend() tea.Cmd {
	if !s.canEdit() {
		return common.Status(s.c.T("materials.cannot_edit"), true)
	}
	t := s.c.T
	whom := s.Field(workflow.FRecipient, 30)
	whom.Hint = t("materials.whom_hint")
	order := s.Field(workflow.FContractOrder, 16)
	order.Hint = t("materials.order_hint")
	sent := s.Field(workflow.FSentOn, 11)
	sent.Hint = t("leads.day_hint")
	courier := s.choice(workflow.FCourier, "materials.courier.", append([]string{""}, workflow.Couriers...))
	courier.Options[0].Label = t("materials.courier.none")
	tracking := s.Field(workflow.FTracking, 22)
	tracking.Hint = t("materials.tracking_hint")
	f := s.openForm(entryForm, store.MaterialSent{}, t("materials.new"),
		whom, s.Field(workflow.FContact, 12), s.choice(workflow.FMaterial, "materials.what.", workflow.MaterialTypes),
		s.Field(workflow.FDescription, 36), order, sent, s.choice(workflow.FVia, "materials.via.", workflow.MaterialVias),
		courier, tracking)
	f.SetValue(workflow.FSentOn, s.today())
	f.SetValue(workflow.FVia, "courier")
	f.MarkClean()
	return nil
}

// startReceipt opens the form confirming a sent row's receipt, who
// confirmed it started from its contact.
func (s *Screen) startReceipt(m store.MaterialSent) tea.Cmd {
	switch {
	case !s.canEdit():
		return common.Status(s.c.T("materials.cannot_edit"), true)
	case m.Status != workflow.MaterialSent:
		return s.Status(&workflow.Refusal{Code: workflow.MaterialClosed})
	}
	on := s.Field(workflow.FReceiptOn, 11)
	on.Hint = s.c.T("leads.day_hint")
	f := s.openForm(receiptForm, m, s.c.T("materials.receipt_title", m.Ref, m.Who), on, s.Field(workflow.FReceiptBy, 12))
	f.SetValue(workflow.FReceiptOn, s.today())
	f.SetValue(workflow.FReceiptBy, m.Contact)
	// The focus lands on the day once it is filled, so it is selected: a
	// day typed replaces today's rather than running on after it.
	f.FocusField(workflow.FReceiptOn)
	f.MarkClean()
	return nil
}

// updateForm takes a key or paste for the form; ctrl+s saves, esc
// leaves (asking once when something was typed).
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	if s.form == nil {
		s.Mode = modeList
		return nil
	}
	cmd, closed := s.form.Key(msg, s.save)
	if closed {
		s.form, s.Mode = nil, s.back
	}
	return cmd
}

// save sends a copy of what the form holds to the workflow.
func (s *Screen) save() tea.Cmd {
	ctx, desk, v, id, row := s.c.Ctx, s.c.Desk, s.form.F.Value, s.form.ID, s.formRow
	if s.formKind == receiptForm {
		in := workflow.ArrivalInput{On: v(workflow.FReceiptOn), By: v(workflow.FReceiptBy)}
		return func() tea.Msg {
			return savedMsg{form: id, id: row.DocID, err: desk.ConfirmMaterialReceipt(ctx, row.DocID, row.Version, in)}
		}
	}
	in := workflow.MaterialInput{Recipient: v(workflow.FRecipient), Contact: v(workflow.FContact), What: v(workflow.FMaterial),
		Description: v(workflow.FDescription), Order: v(workflow.FContractOrder), SentOn: v(workflow.FSentOn), Via: v(workflow.FVia),
		Courier: v(workflow.FCourier), Tracking: v(workflow.FTracking)}
	return func() tea.Msg {
		msg := savedMsg{form: id}
		msg.id, msg.err = desk.SendMaterial(ctx, in)
		return msg
	}
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	if cmd, ok := s.form.Saved(msg.form, msg.err); !ok {
		return cmd
	}
	said := map[formKind]string{entryForm: "materials.saved", receiptForm: "materials.confirmed"}[s.formKind]
	s.form = nil
	return tea.Batch(s.reload(), s.shown.Show(msg.id), common.Status(s.c.T(said), false))
}
