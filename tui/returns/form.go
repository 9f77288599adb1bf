package returns

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// startByNumber asks for the number of the delivery note the goods came
// back on; enter reads it and opens the return's form.
func (s *Screen) startByNumber() tea.Cmd {
	if !s.keys.create.Enabled() {
		return nil
	}
	s.formReq, s.noteForm, s.detail = s.NextReq(), true, nil
	s.OpenForm(form.New(s.c, s.Field(workflow.FNoteRef, 16)).EnterSaves())
	return nil
}

// readNote reads the note typed into the first form.
func (s *Screen) readNote() tea.Cmd {
	s.formReq = s.NextReq()
	seq, ctx, d, ref := s.formReq, s.c.Ctx, s.c.Desk, s.Form.Value(workflow.FNoteRef)
	s.Busy = true
	return func() tea.Msg {
		rs, err := d.StartReturn(ctx, 0, ref)
		return formMsg{seq: seq, start: rs, err: err}
	}
}

// applyForm opens the return's form over the note's lines: why, the
// complaint that led to it and the day first, then what came back of
// each line (blank: nothing).
func (s *Screen) applyForm(msg formMsg) tea.Cmd {
	if msg.seq != s.formReq {
		return nil
	}
	s.Busy = false
	if msg.err != nil {
		if s.noteForm && s.Form != nil { // the number typed stays, with what is wrong with it
			s.ShowFieldErrors(nil)(msg.err)
			return s.Status(msg.err)
		}
		if s.detail == nil {
			s.Mode = modeList
		}
		return s.Status(msg.err)
	}
	s.note, s.noteForm, s.editing = msg.start.Note, false, nil
	s.OpenForm(s.returnForm(msg.start.Input, msg.start.Lines, false))
	return common.ClearStatus() // a number refused before is no longer the question
}

// returnForm is the form of a return typed over in: why, the complaint
// that led to it (fixed once drafted) and the day first, then what
// came back of each note line.
func (s *Screen) returnForm(in workflow.ReturnInput, lines []store.ReturnableLine, drafted bool) *form.Form {
	item := common.WidestCell(24, lines, store.ReturnableLine.Item)
	reason := s.Field(workflow.FReason, 40)
	reason.Limit = workflow.MaxLong
	complaint := s.Field(workflow.FComplaint, 16)
	complaint.ReadOnly = drafted
	f := form.New(s.c, reason, complaint, s.Field(workflow.FReturnedOn, 12)).WithLines(
		s.ReadOnlyField(workflow.FLine, item), s.ReadOnlyField(workflow.FReturnable, 12), s.Field(workflow.FQuantity, 10), s.Field(workflow.FWeight, 10))
	f.SetValue(workflow.FReason, in.Reason)
	f.SetValue(workflow.FComplaint, in.Complaint)
	f.SetValue(workflow.FReturnedOn, in.ReturnedOn) // a new one's: the desk's today
	for n, l := range lines {
		cells := map[string]string{workflow.FLine: l.Item(), workflow.FReturnable: l.OpenQty().String() + l.Unit}
		if n < len(in.Lines) && in.Lines[n].DeliveryLineID == l.DeliveryLineID {
			cells[workflow.FQuantity], cells[workflow.FWeight] = in.Lines[n].Quantity, in.Lines[n].Weight
		}
		i := f.AddLine(cells)
		f.SetLineID(i, l.DeliveryLineID)
	}
	if f.Lines() > 1 && f.LineID(0) == 0 {
		f.DeleteLine(0)
	}
	f.FocusField(workflow.FReason)
	return f
}

func (s *Screen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := s.FormKey(msg, s.detail != nil, s.saveForm); handled {
		if s.Form == nil {
			s.noteForm, s.editing = false, nil
		}
		return cmd
	}
	cmd := s.Form.Update(msg)
	if s.noteForm && s.Form.Completed() && !s.Busy {
		return tea.Batch(cmd, s.readNote())
	}
	return cmd
}

// saveForm hands what was typed to the workflow; what is wrong comes
// back at its field with the typed text kept.
func (s *Screen) saveForm() tea.Cmd {
	if s.noteForm {
		return s.readNote()
	}
	f, ctx, d := s.Form, s.c.Ctx, s.c.Desk
	f.ClearErrors()
	in := workflow.ReturnInput{NoteID: s.note.DocID, ReturnedOn: f.Value(workflow.FReturnedOn), Reason: f.Value(workflow.FReason),
		Complaint: f.Value(workflow.FComplaint)}
	s.rows = s.rows[:0]
	for i := 0; i < f.Lines(); i++ {
		if f.LineID(i) != 0 {
			s.rows = append(s.rows, i)
			in.Lines = append(in.Lines, workflow.ReturnLineInput{DeliveryLineID: f.LineID(i),
				Quantity: f.Cell(i, workflow.FQuantity), Weight: f.Cell(i, workflow.FWeight)})
		}
	}
	s.Busy = true
	if s.editing != nil {
		orig := *s.editing
		return func() tea.Msg {
			return doneMsg{what: "returns.edited", id: orig.DocID, err: d.UpdateReturn(ctx, orig, in), form: true}
		}
	}
	return func() tea.Msg {
		id, err := d.CreateReturn(ctx, in)
		return doneMsg{what: "returns.saved", id: id, err: err, form: true}
	}
}

func (s *Screen) formView() string {
	st, c := s.c.Styles, s.c
	title := c.T("returns.number_title")
	switch {
	case s.editing != nil:
		title = c.T("returns.edit_title", s.editing.Ref, s.editing.NoteRef, s.editing.OrderNo, s.editing.Customer)
	case !s.noteForm:
		title = c.T("returns.new_title", s.note.Ref, s.note.OrderNo, s.note.Customer)
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + "\n")
	b.WriteString(s.Form.View() + "\n")
	b.WriteString(st.Muted.Render(c.T("returns.form_help")))
	return b.String()
}

// rowOf is the form's row of the return's line n (1-based, as the
// workflow numbers the lines it was given).
func (s *Screen) rowOf(n int) int {
	if n < 1 || n > len(s.rows) {
		return -1
	}
	return s.rows[n-1]
}
