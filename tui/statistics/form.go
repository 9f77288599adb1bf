package statistics

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// openRange asks for a range of days, first and last both counted.
func (s *Screen) openRange() tea.Cmd {
	t := s.c.T
	s.rangeForm = form.New(s.c,
		form.Field{Key: workflow.FFrom, Label: t("field.name.from"), Width: 12, Placeholder: "2026-11-01"},
		form.Field{Key: workflow.FTo, Label: t("field.name.to"), Width: 12, Placeholder: "2026-11-30"})
	s.rangeForm.SetSize(s.width, max(s.height-2, 3))
	return nil
}

// formKey: enter or ctrl+s reads the range, esc leaves it (asking first
// over typed days, as every form does); a day that cannot be read is
// said at its field and the form stays.
func (s *Screen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := s.rangeForm
	switch {
	case key.Matches(msg, s.c.Keys.Cancel):
		if question, asking := f.Leaving(); asking {
			return question
		}
		s.rangeForm = nil
		return nil
	case key.Matches(msg, s.c.Keys.Save, s.c.Keys.Confirm):
		f.ClearErrors()
		p, err := workflow.RangePeriod(workflow.FFrom, f.Value(workflow.FFrom), workflow.FTo, f.Value(workflow.FTo), s.today())
		if err != nil {
			var fes workflow.FieldErrors
			if !errors.As(err, &fes) {
				return common.Status(common.ErrorText(s.c.Cat, err), true)
			}
			for _, e := range fes {
				f.SetError(e.Field, common.FieldText(s.c.Cat, e))
			}
			return nil
		}
		s.rangeForm, s.period = nil, p
		return s.load()
	}
	return f.Update(msg)
}
