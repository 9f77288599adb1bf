package pricelist

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// changeForm proposes a price-list change, or edits one waiting for
// review or sent back: a reason and a grid of prices.
type changeForm struct {
	typing
	docID  int64 // 0 for a new change
	seen   int64 // the version edited
	ref    string
	status string
}

// The grid's columns, in tab order.
var changeCols = []struct {
	key, label string
	width      int
	right      bool
	narrow     int // a text column's narrowest in a narrow window
}{
	{workflow.FGrade, "pricelist.col.grade", 10, false, 0},
	{workflow.FProductName, "pricelist.col.name", 14, false, 6},
	{workflow.FSpec, "pricelist.col.spec", 16, false, 0},
	{workflow.FUnit, "pricelist.col.unit", 5, false, 0},
	{workflow.FPrice, "pricelist.col.price", 12, true, 0},
	{workflow.FValidFrom, "pricelist.col.from", 11, false, 0},
	{workflow.FValidTo, "pricelist.col.to", 11, false, 0},
}

// reasonKey is the header's one field.
const reasonKey = workflow.FReason

func newChangeForm(c *common.Common) *changeForm {
	cols := make([]form.Field, len(changeCols))
	for i, col := range changeCols {
		cols[i] = form.Field{Key: col.key, Label: c.T(col.label), Width: col.width, Right: col.right, Narrow: col.narrow}
	}
	f := form.New(c, form.Field{Key: workflow.FReason, Label: c.T("pricelist.field.reason"), Width: 50}).WithLines(cols...)
	return &changeForm{typing: typing{form: f, note: c.T("pricelist.change_form_note")}}
}

// newChange opens an empty change.
func (s *Screen) newChange() tea.Cmd {
	if cmd := s.refused(workflow.ProposePrices); cmd != nil {
		return cmd
	}
	s.change, s.mode = newChangeForm(s.c), editingChange
	s.change.setSize(s.width, s.height)
	return s.change.openDraft(s, "price_change:new")
}

// editChange opens the change loaded in s.detail in the form.
func (s *Screen) editChange() tea.Cmd {
	d := s.detail
	if d == nil {
		return nil
	}
	if cmd := s.refused(workflow.ProposePrices); cmd != nil {
		return cmd
	}
	if !editableChange(d.Status) {
		return common.Status(common.RefusalText(s.c.Cat, &workflow.Refusal{Code: workflow.NotEditable}), true)
	}
	cf := newChangeForm(s.c)
	cf.docID, cf.seen, cf.ref, cf.status = d.ID, d.Version, d.Ref, d.Status
	in := workflow.InputFromPriceChange(d.Summary, d.PriceChange)
	cf.form.SetValue(workflow.FReason, in.Reason)
	for i, l := range in.Lines {
		if i > 0 {
			cf.form.AddLine(nil)
		}
		for key, v := range map[string]string{workflow.FGrade: l.Grade, workflow.FProductName: l.Name, workflow.FSpec: l.Spec,
			workflow.FUnit: l.Unit, workflow.FPrice: l.Price, workflow.FValidFrom: l.ValidFrom, workflow.FValidTo: l.ValidTo} {
			cf.form.SetCell(i, key, v)
		}
		cf.form.SetLineID(i, l.ID)
	}
	cf.form.MarkClean()
	s.change, s.mode = cf, editingChange
	cf.setSize(s.width, s.height)
	return cf.openDraft(s, fmt.Sprintf("price_change:%d", cf.docID))
}

func (s *Screen) changeKey(msg tea.KeyPressMsg) tea.Cmd {
	return s.change.key(s, msg, s.saveChange, func() {
		s.mode, s.change = listing, nil
		if s.detail != nil && s.list == changesList {
			s.mode = changeDetail
		}
	})
}

// input reads the form; lines[i] is the grid line of the input's line i
// (blank lines are left out, so the workflow's line numbers map back).
func (cf *changeForm) input() (in workflow.PriceChangeInput, lines []int) {
	f := cf.form
	in.Reason = f.Value(workflow.FReason)
	for i := range f.Lines() {
		if f.BlankLine(i) {
			continue
		}
		in.Lines = append(in.Lines, workflow.PriceLineInput{ID: f.LineID(i),
			Grade: f.Cell(i, workflow.FGrade), Name: f.Cell(i, workflow.FProductName), Spec: f.Cell(i, workflow.FSpec),
			Unit: f.Cell(i, workflow.FUnit), Price: f.Cell(i, workflow.FPrice),
			ValidFrom: f.Cell(i, workflow.FValidFrom), ValidTo: f.Cell(i, workflow.FValidTo)})
		lines = append(lines, i)
	}
	return in, lines
}

type changeSavedMsg struct {
	id          int64
	new         bool
	resubmitted bool
	lines       []int
	warn        workflow.FieldErrors
	err         error
}

func (s *Screen) saveChange() tea.Cmd {
	cf := s.change
	if cf.busy {
		return nil
	}
	cf.busy = true
	in, lines := cf.input()
	desk, ctx, id, seen, sentBack := s.c.Desk, s.c.Ctx, cf.docID, cf.seen, cf.status == "sent_back"
	return func() tea.Msg {
		msg := changeSavedMsg{id: id, new: id == 0, lines: lines}
		if id == 0 {
			msg.id, msg.warn, msg.err = desk.ProposePriceChange(ctx, in)
			return msg
		}
		if msg.warn, msg.err = desk.UpdatePriceChange(ctx, id, seen, in); msg.err == nil && sentBack {
			// Edited after a send-back, it goes to the reviewer again.
			msg.err = desk.ActOn(ctx, id, 0, workflow.ActionResubmit, "")
			msg.resubmitted = msg.err == nil
		}
		return msg
	}
}

func (s *Screen) applyChangeSaved(msg changeSavedMsg) tea.Cmd {
	cf := s.change
	if cf == nil || s.mode != editingChange {
		return nil
	}
	if msg.err != nil {
		return cf.refused(s, msg.err, msg.lines)
	}
	cf.busy = false
	discard := cf.draft.Discard()
	s.mode, s.change, s.detail = listing, nil, nil
	s.list = changesList
	text := s.c.T("pricelist.change_saved")
	switch {
	case msg.new:
		text = s.c.T("pricelist.change_proposed")
	case msg.resubmitted:
		text = s.c.T("pricelist.change_resubmitted")
	}
	if len(msg.warn) > 0 {
		text += " " + s.c.T("pricelist.unknown_lines", len(msg.warn.Lines()))
	}
	return tea.Batch(discard, s.changes.reload(s.c), common.Status(text, false))
}

// showFieldErrors puts each problem at its field or cell and moves the
// focus to the first.
func (s *Screen) showFieldErrors(f *form.Form, errs workflow.FieldErrors, lines []int) {
	f.ClearErrors()
	first := true
	for _, e := range errs {
		text := common.FieldText(s.c.Cat, e)
		switch {
		case e.Line > 0 && e.Line <= len(lines):
			f.SetLineError(lines[e.Line-1], e.Field, text)
			if first {
				f.FocusCell(lines[e.Line-1], e.Field)
			}
		case e.Field == workflow.FLines:
			f.SetLineError(0, workflow.FGrade, s.c.T("pricelist.needs_lines"))
			if first {
				f.FocusCell(0, workflow.FGrade)
			}
		default:
			f.SetError(e.Field, text)
			if first {
				f.FocusField(e.Field)
			}
		}
		first = false
	}
}

func (cf *changeForm) view(c *common.Common) string {
	title := c.T("pricelist.new_change")
	if cf.docID != 0 {
		title = c.T("pricelist.edit_change", cf.ref)
	}
	return cf.typing.view(c, title)
}
