package returns

import (
	tea "charm.land/bubbletea/v2"

	"orderdesk/workflow"
)

// editMsg carries a drafted return as its form, for request seq.
type editMsg struct {
	seq  int
	edit workflow.ReturnEdit
	err  error
}

// editable says a return in status may still be typed over: a draft,
// or one sent back (the workflow decides all the same).
func editable(status string) bool {
	return status == workflow.ReturnDraft || status == workflow.ReturnSentBack
}

// startEdit reads the return shown as its form.
func (s *Screen) startEdit(id int64) tea.Cmd {
	s.formReq = s.NextReq()
	seq, ctx, d := s.formReq, s.c.Ctx, s.c.Desk
	s.Busy = true
	return func() tea.Msg {
		re, err := d.EditReturn(ctx, id)
		return editMsg{seq: seq, edit: re, err: err}
	}
}

// applyEdit opens the form over the return as it was saved; ctrl+s
// saves it over that version, esc leaves it as it was.
func (s *Screen) applyEdit(msg editMsg) tea.Cmd {
	if msg.seq != s.formReq {
		return nil
	}
	s.Busy = false
	if msg.err != nil {
		return s.Status(msg.err)
	}
	r := msg.edit.Return
	s.editing, s.noteForm = &r, false
	s.OpenForm(s.returnForm(msg.edit.Input, msg.edit.Lines, true))
	return nil
}
