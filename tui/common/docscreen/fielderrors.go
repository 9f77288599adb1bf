package docscreen

import (
	"errors"

	"orderdesk/tui/common"
	"orderdesk/workflow"
)

// ShowFieldErrors puts each field's problem in err at its field or cell
// of the step's form; what was typed stays. row gives the form's row of
// a line the workflow numbers from 1 (nil: the line's own position), -1
// for none.
func (b *Base) ShowFieldErrors(row func(line int) int) func(error) {
	return func(err error) {
		var fes workflow.FieldErrors
		if !errors.As(err, &fes) || b.Form == nil {
			return
		}
		for _, fe := range fes {
			text := common.FieldText(b.c.Cat, fe)
			if fe.Line == 0 {
				b.Form.SetError(fe.Field, text)
				continue
			}
			i := fe.Line - 1
			if row != nil {
				i = row(fe.Line)
			}
			if i >= 0 && i < b.Form.Lines() {
				b.Form.SetLineError(i, fe.Field, text)
			}
		}
	}
}
