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

// sendForm is one of the screen's forms being typed. What is typed stays
// until the save went through; a refused save marks each field.
type sendForm struct {
	c      *common.Common
	id     int // tags the answers meant for this form
	kind   formKind
	row    store.MaterialSent // the row a receipt is confirmed on
	title  string
	f      *form.Form
	saving bool
	width  int
}

// formChrome is the rows around the form: title, gap, hint.
const formChrome = 3

// hints are each form's keys, as catalogue keys.
var hints = map[formKind]string{entryForm: "materials.form_hint", receiptForm: "materials.receipt_hint"}

func (s *Screen) openForm(kind formKind, row store.MaterialSent, title string, fields ...form.Field) *form.Form {
	s.forms++
	s.form = &sendForm{c: s.c, id: s.forms, kind: kind, row: row, title: title, f: form.New(s.c, fields...)}
	s.form.resize(s.Width, s.Height)
	s.back, s.Mode = s.Mode, modeForm
	return s.form.f
}

func (s *Screen) field(key string, width int) form.Field {
	return form.Field{Key: key, Label: s.name(key), Width: width}
}

func (s *Screen) choice(key, prefix string, values []string) form.Field {
	f := s.field(key, 14)
	for _, v := range values {
		f.Options = append(f.Options, form.Option{Value: v, Label: s.c.T(prefix + v)})
	}
	return f
}

// startSend opens the form of a new entry: sent today by courier, the
// first company offered.
func (s *Screen) startSend() tea.Cmd {
	if !s.canEdit() {
		return common.Status(s.c.T("materials.cannot_edit"), true)
	}
	t := s.c.T
	whom := s.field(workflow.FRecipient, 30)
	whom.Hint = t("materials.whom_hint")
	order := s.field(workflow.FContractOrder, 16)
	order.Hint = t("materials.order_hint")
	sent := s.field(workflow.FSentOn, 11)
	sent.Hint = t("leads.day_hint")
	courier := s.choice(workflow.FCourier, "materials.courier.", append([]string{""}, workflow.Couriers...))
	courier.Options[0].Label = t("materials.courier.none")
	tracking := s.field(workflow.FTracking, 22)
	tracking.Hint = t("materials.tracking_hint")
	f := s.openForm(entryForm, store.MaterialSent{}, t("materials.new"),
		whom, s.field(workflow.FContact, 12), s.choice(workflow.FMaterial, "materials.what.", workflow.MaterialTypes),
		s.field(workflow.FDescription, 36), order, sent, s.choice(workflow.FVia, "materials.via.", workflow.MaterialVias),
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
	on := s.field(workflow.FReceiptOn, 11)
	on.Hint = s.c.T("leads.day_hint")
	f := s.openForm(receiptForm, m, s.c.T("materials.receipt_title", m.Ref, m.Who), on, s.field(workflow.FReceiptBy, 12))
	f.SetValue(workflow.FReceiptOn, s.today())
	f.SetValue(workflow.FReceiptBy, m.Contact)
	f.MarkClean()
	return nil
}

func (f *sendForm) resize(w, h int) {
	f.width = w
	f.f.SetSize(w, max(h-formChrome, 6))
}

// updateForm takes a key or paste for the form; ctrl+s saves, esc
// leaves (asking once when something was typed).
func (s *Screen) updateForm(msg tea.Msg) tea.Cmd {
	f := s.form
	if f == nil {
		s.Mode = modeList
		return nil
	}
	cmd, act := f.f.HandleLeaving(msg, s.c.Keys)
	switch act {
	case form.Cancel:
		s.form, s.Mode = nil, s.back
		return nil
	case form.AskLeave:
		return common.Status(s.c.T("leads.discard_ask"), true)
	case form.Save:
		if f.saving {
			return nil
		}
		f.saving = true
		return f.save(s.c)
	}
	return cmd
}

// save sends a copy of what the form holds to the workflow.
func (f *sendForm) save(c *common.Common) tea.Cmd {
	ctx, desk, v, id, row := c.Ctx, c.Desk, f.f.Value, f.id, f.row
	if f.kind == receiptForm {
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
	f := s.form
	if f == nil || msg.form != f.id {
		return nil
	}
	f.saving = false
	if cmd, no := docscreen.Refused(s.c, f.f, msg.err); no {
		return cmd
	}
	said := map[formKind]string{entryForm: "materials.saved", receiptForm: "materials.confirmed"}[f.kind]
	s.form, s.Mode = nil, modeDetail
	return tea.Batch(s.reload(), s.open(msg.id), common.Status(s.c.T(said), false))
}

func (f *sendForm) view() string {
	return docscreen.FormView(f.c, f.width, f.title, f.saving, f.c.T("leads.saving"), f.f, hints[f.kind])
}
