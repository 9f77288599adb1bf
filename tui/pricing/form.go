package pricing

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// Editing a draft (or a version sent back): its header and its lines,
// prices included, in the desk's form. ctrl+s saves the whole version as
// seen; a problem shows at its field or cell and what was typed stays.

type editState struct {
	form   *form.Form
	docID  int64
	seen   int64 // the version the form was filled from
	saving bool
	rows   []int // the form line of each line sent in the last save
}

type editSavedMsg struct {
	docID int64
	warn  workflow.FieldErrors
	err   error
}

func (s *Screen) startEdit() tea.Cmd {
	switch {
	case !s.d.loaded:
		return nil
	case !workflow.Can(s.c.Desk.User, workflow.EditInquiries):
		return s.refuse(workflow.RoleNotAllowed, workflow.EditInquiries)
	case !s.editable():
		return s.refuse(workflow.NotEditable, workflow.EditInquiries)
	}
	q := *s.d.q.Quote
	in := workflow.InputFromQuote(q)
	t := s.c.T
	f := form.New(s.c,
		form.Field{Key: workflow.FPaymentTerms, Label: t("pricing.field.terms"), Width: 10},
		form.Field{Key: workflow.FTermsDays, Label: t("pricing.field.terms_days"), Width: 5},
		form.Field{Key: workflow.FValidityDays, Label: t("pricing.field.validity_days"), Width: 5},
		form.Field{Key: workflow.FNotes, Label: t("pricing.field.notes"), Width: 50},
	).WithLines(
		form.Field{Key: workflow.FGrade, Label: t("pricing.col.grade"), Width: 9},
		form.Field{Key: workflow.FProductName, Label: t("pricing.col.name"), Width: 12, Narrow: 6},
		form.Field{Key: workflow.FSpec, Label: t("pricing.col.spec"), Width: 16},
		form.Field{Key: workflow.FQuantity, Label: t("pricing.col.qty"), Width: 10, Right: true},
		form.Field{Key: workflow.FUnit, Label: t("pricing.col.unit"), Width: 5},
		form.Field{Key: workflow.FWantedOn, Label: t("pricing.col.wanted_on"), Width: 11},
		form.Field{Key: workflow.FRequirements, Label: t("pricing.col.requirements"), Width: 14, Narrow: 6},
		form.Field{Key: workflow.FPrice, Label: t("pricing.col.price_yuan"), Width: 12, Right: true},
	)
	f.SetValue(workflow.FPaymentTerms, t("terms."+in.PaymentTerms))
	f.SetValue(workflow.FTermsDays, in.TermsDays)
	f.SetValue(workflow.FValidityDays, in.ValidityDays)
	f.SetValue(workflow.FNotes, in.Notes)
	for i, l := range in.Lines {
		cells := map[string]string{workflow.FGrade: l.Grade, workflow.FProductName: l.Name, workflow.FSpec: l.Spec,
			workflow.FQuantity: l.Quantity, workflow.FUnit: l.Unit, workflow.FWantedOn: l.WantedOn,
			workflow.FRequirements: l.Requirements, workflow.FPrice: l.Price}
		if s.d.q.MoneyHidden {
			cells[workflow.FPrice] = ""
		}
		n := 0
		if i > 0 {
			n = f.AddLine(cells)
		} else {
			for k, v := range cells {
				f.SetCell(0, k, v)
			}
		}
		f.SetLineID(n, l.ID)
	}
	f.MarkClean()
	f.SetSize(s.width, s.height-3)
	s.edit = &editState{form: f, docID: s.d.id, seen: s.d.q.Version}
	s.mode = modeEdit
	return nil
}

func (s *Screen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	e := s.edit
	if e == nil {
		s.mode = modeDetail
		return nil
	}
	switch {
	case key.Matches(msg, s.keys.save):
		return s.saveEdit()
	case key.Matches(msg, s.keys.cancel):
		if question, asking := e.form.Leaving(); asking {
			return question // typed terms or prices stay until esc again
		}
		s.edit, s.mode = nil, modeDetail
		return nil
	}
	return e.form.Update(msg)
}

// termsCode reads the payment terms as typed: the desk's words in
// either language, or the code.
func (s *Screen) termsCode(typed string) string {
	v := strings.TrimSpace(typed)
	for _, code := range []string{store.TermsPrepaid, store.TermsMonthly} {
		if strings.EqualFold(v, code) || v == s.c.T("terms."+code) || v == (i18nOther(s.c, "terms."+code)) {
			return code
		}
	}
	return v
}

func (s *Screen) saveEdit() tea.Cmd {
	e := s.edit
	if e.saving {
		return nil // one save at a time
	}
	f := e.form
	in := workflow.QuoteInput{
		PaymentTerms: s.termsCode(f.Value(workflow.FPaymentTerms)), TermsDays: f.Value(workflow.FTermsDays),
		ValidityDays: f.Value(workflow.FValidityDays), Notes: f.Value(workflow.FNotes),
	}
	e.rows = e.rows[:0]
	for i := range f.Lines() {
		if f.BlankLine(i) {
			continue
		}
		in.Lines = append(in.Lines, workflow.LineInput{ID: f.LineID(i),
			Grade: f.Cell(i, workflow.FGrade), Name: f.Cell(i, workflow.FProductName), Spec: f.Cell(i, workflow.FSpec),
			Quantity: f.Cell(i, workflow.FQuantity), Unit: f.Cell(i, workflow.FUnit), WantedOn: f.Cell(i, workflow.FWantedOn),
			Requirements: f.Cell(i, workflow.FRequirements), Price: f.Cell(i, workflow.FPrice)})
		e.rows = append(e.rows, i)
	}
	e.saving = true
	f.ClearErrors()
	desk, ctx, id, seen := s.c.Desk, s.c.Ctx, e.docID, e.seen
	return func() tea.Msg {
		warn, err := desk.UpdateQuote(ctx, id, seen, in)
		return editSavedMsg{docID: id, warn: warn, err: err}
	}
}

func (s *Screen) onEditSaved(msg editSavedMsg) tea.Cmd {
	e := s.edit
	if e == nil || e.docID != msg.docID {
		return nil
	}
	e.saving = false
	var fe workflow.FieldErrors
	if errors.As(msg.err, &fe) {
		for _, x := range fe {
			text := common.FieldText(s.c.Cat, x)
			if x.Line > 0 && x.Line <= len(e.rows) {
				e.form.SetLineError(e.rows[x.Line-1], x.Field, text)
			} else {
				e.form.SetError(x.Field, text)
			}
		}
		return common.Status(s.c.T("error.fix_fields"), true)
	}
	if msg.err != nil {
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true) // the form stays as typed
	}
	s.edit, s.mode = nil, modeDetail
	cmds := []tea.Cmd{s.reloadQuote(), common.Status(s.c.T("status.saved"), false)}
	if len(msg.warn) > 0 {
		cmds = append(cmds, common.Status(s.c.T("pricing.saved_unknown", len(msg.warn)), false))
	}
	return tea.Batch(cmds...)
}

func (s *Screen) editView() string {
	if s.edit == nil {
		return ""
	}
	st := s.c.Styles
	q := s.d.q
	title := st.Title.Render(s.c.T("pricing.edit_title", q.Ref, q.Quote.Revision))
	hint := common.Hints(s.c.T("pricing.edit_hint"), s.edit.form.Width()-ansi.StringWidth(title)-2)
	return title + "  " + st.Muted.Render(hint) + "\n\n" + s.edit.form.View()
}

// i18nOther is key in the session's other language: payment terms typed
// in either are read.
func i18nOther(c *common.Common, key string) string {
	other := i18n.Catalog{Lang: i18n.English}
	if c.Cat.Lang == i18n.English {
		other.Lang = i18n.Chinese
	}
	return other.T(key)
}
