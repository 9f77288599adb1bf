package docscreen

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// Refused says why a save was refused, each problem at its field or
// anything else in the status line; false when the save went through.
func Refused(c *common.Common, f *form.Form, err error) (tea.Cmd, bool) {
	var fields workflow.FieldErrors
	switch {
	case errors.As(err, &fields):
		return ShowErrors(c, f, fields), true
	case err != nil:
		return common.Status(common.ErrorText(c.Cat, err), true), true
	}
	return nil, false
}

// ShowErrors puts each problem at its field, keeps everything typed,
// moves the focus to the first problem and names it in the status line.
func ShowErrors(c *common.Common, f *form.Form, errs workflow.FieldErrors) tea.Cmd {
	f.ClearErrors()
	first := ""
	for _, e := range errs {
		text := common.FieldText(c.Cat, e)
		f.SetError(e.Field, text)
		if first == "" {
			first = common.FieldName(c.Cat, e.Field) + c.T("customers.colon") + text
		}
	}
	return common.Status(c.T("error.fix_fields")+c.T("customers.colon")+first, true)
}

// FormView draws a form under its title (saying savingText while a save
// is on its way) and the keys of hint (a catalogue key) under it.
func FormView(c *common.Common, width int, title string, saving bool, savingText string, f *form.Form, hint string) string {
	st := c.Styles
	if saving {
		title += "  " + st.Muted.Render(savingText)
	}
	var b strings.Builder
	b.WriteString(common.Fit(st.Title.Render(title), width, false) + "\n")
	b.WriteString(f.View() + "\n")
	b.WriteString(st.Muted.Render(common.Hints(c.T(hint), width)))
	return b.String()
}
