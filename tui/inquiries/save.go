package inquiries

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/i18n"
	"orderdesk/workflow"
)

// input reads the form into the workflow's input: lines left blank are
// skipped, and rows maps each input line to its form line.
func (f *inquiryForm) input() (in workflow.InquiryInput, rows []int) {
	in = workflow.InquiryInput{
		CustomerID:   f.customer.ID,
		PaymentTerms: termsCode(f.f.Value(workflow.FPaymentTerms)),
		TermsDays:    f.f.Value(workflow.FTermsDays),
		Contact:      f.f.Value(workflow.FContact),
		Notes:        f.f.Value(workflow.FNotes),
	}
	for i := 0; i < f.f.Lines(); i++ {
		if f.f.BlankLine(i) {
			continue
		}
		cell := func(k string) string { return f.f.Cell(i, k) }
		in.Lines = append(in.Lines, workflow.LineInput{ID: f.f.LineID(i), Grade: cell(workflow.FGrade),
			Name: cell(workflow.FProductName), Spec: cell(workflow.FSpec), Quantity: cell(workflow.FQuantity),
			Unit: cell(workflow.FUnit), WantedOn: cell(workflow.FWantedOn), Requirements: cell(workflow.FRequirements)})
		rows = append(rows, i)
	}
	return in, rows
}

// termsCode reads payment terms as typed: the workflow's code, or the
// word in either language (先款后货, 月结, prepaid, monthly), or its first
// letter. Anything else goes to the workflow as typed, which refuses it
// at the field.
func termsCode(v string) string {
	v = strings.ToLower(workflow.NormalizeDigits(v))
	if v == "" {
		return ""
	}
	for _, code := range []string{store.TermsPrepaid, store.TermsMonthly} {
		words := []string{code, code[:1]}
		if t, ok := i18n.Lookup("terms." + code); ok {
			words = append(words, strings.ToLower(t.En), t.Zh)
		}
		for _, w := range words {
			if v == w {
				return code
			}
		}
	}
	return v
}

// save sends the form to the workflow; the form stays, as typed, until
// the answer says it worked.
func (s *Screen) save() tea.Cmd {
	f := s.form
	if f.saving {
		return nil
	}
	in, _ := f.input()
	f.saving = true
	return save(s.c.Ctx, s.c.Desk, f.id, f.docID, f.seen, in)
}

func (s *Screen) onSaved(msg savedMsg) tea.Cmd {
	f := s.form
	f.saving = false
	var fields workflow.FieldErrors
	switch {
	case errors.As(msg.err, &fields):
		return s.showErrors(fields)
	case errors.Is(msg.err, &workflow.Refusal{Code: workflow.StaleStatus}):
		// Changed meanwhile: find out what, and say so.
		return loadConflict(s.c.Ctx, s.c.Desk, f.id, f.docID)
	case msg.err != nil:
		return common.Status(common.ErrorText(s.c.Cat, msg.err), true)
	}
	_, rows := f.input()
	ref := f.ref
	if msg.ref != "" {
		ref = msg.ref
	}
	text := s.c.T("inquiries.saved", ref)
	if flagged := warnedLines(msg.warn, rows); flagged != "" {
		text = s.c.T("inquiries.saved_flagged", ref, flagged)
	}
	s.form, s.mode = nil, modeList
	show := s.list.Refresh()
	if f.docID == 0 { // a new inquiry, last of the list (oldest first): the cursor goes to it
		show = s.list.JumpLast(msg.id)
	}
	return tea.Batch(show, common.Status(text, false), f.draft.Discard())
}

// warnedLines names the form lines the workflow flagged as not in the
// catalogue ("2、4").
func warnedLines(warn workflow.FieldErrors, rows []int) string {
	var out []string
	for _, w := range warn {
		if w.Code == workflow.UnknownProduct && w.Line > 0 && w.Line <= len(rows) {
			out = append(out, strconv.Itoa(rows[w.Line-1]+1))
		}
	}
	return strings.Join(out, ", ")
}

// showErrors puts each problem at its field or cell, keeps everything
// typed, moves the focus to the first problem, and names it in the
// status line.
func (s *Screen) showErrors(errs workflow.FieldErrors) tea.Cmd {
	f := s.form
	_, rows := f.input()
	f.f.ClearErrors()
	first := ""
	focused := false
	for _, e := range errs {
		text := s.problem(e)
		switch {
		case e.Line == 0 && e.Field == workflow.FLines:
			text = s.c.T("inquiries.need_line")
			f.f.SetLineError(0, workflow.FGrade, text)
			if !focused {
				f.f.FocusCell(0, workflow.FGrade)
				focused = true
			}
		case e.Line == 0:
			f.f.SetError(e.Field, text)
			if !focused {
				f.f.FocusField(e.Field)
				focused = true
			}
		case e.Line <= len(rows):
			row := rows[e.Line-1]
			if e.Code == workflow.UnknownProduct {
				f.f.SetLineNote(row, s.c.T("inquiries.flagged"))
				continue
			}
			f.f.SetLineError(row, e.Field, text)
			if !focused {
				f.f.FocusCell(row, e.Field)
				focused = true
			}
			text = s.c.T("inquiries.line_problem", row+1, s.fieldLabel(e.Field), text)
		}
		if first == "" {
			first = text
		}
	}
	return common.Status(s.c.T("error.fix_fields")+s.c.T("customers.colon")+first, true)
}

// fieldLabel names a line's field as its column does.
func (s *Screen) fieldLabel(field string) string {
	labels := map[string]string{workflow.FGrade: "inquiries.col.grade", workflow.FProductName: "inquiries.col.name",
		workflow.FSpec: "inquiries.col.spec", workflow.FQuantity: "inquiries.col.qty", workflow.FUnit: "inquiries.col.unit",
		workflow.FWantedOn: "inquiries.col.wanted", workflow.FRequirements: "inquiries.col.req"}
	if k, ok := labels[field]; ok {
		return s.c.T(k)
	}
	return common.FieldName(s.c.Cat, field)
}

// problem says what is wrong with a field; for a choice it names the
// choices, since the form has no list to pick from.
func (s *Screen) problem(e *workflow.FieldError) string {
	text := common.FieldText(s.c.Cat, e)
	if e.Code != workflow.InvalidChoice {
		return text
	}
	switch e.Field {
	case workflow.FPaymentTerms:
		return text + s.c.T("inquiries.choices", s.c.T("inquiries.terms_hint"))
	case workflow.FUnit:
		return text + s.c.T("inquiries.choices", s.c.T("inquiries.unit_hint"))
	}
	return text
}
