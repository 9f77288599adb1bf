package docscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
)

// Field is the field key of a step's form, named as the catalogue names
// it, width cells wide.
func (b *Base) Field(key string, width int) form.Field {
	return form.Field{Key: key, Label: common.FieldName(b.c.Cat, key), Width: width}
}

// ReadOnlyField is a field shown in a step's form and not typed in.
func (b *Base) ReadOnlyField(key string, width int) form.Field {
	f := b.Field(key, width)
	f.ReadOnly = true
	return f
}

// OpenForm shows f, a step's form, fitted to the window; what it holds
// as it opens counts as nothing typed yet.
func (b *Base) OpenForm(f *form.Form) {
	b.Form = f
	f.MarkClean()
	f.SetSize(b.Width, b.Height-4)
	b.Mode = Form
}

// FormKey takes the keys every step's form takes alike: cancel closes
// it (asking first over typed input, as every form does), back to the
// document when one is shown (docShown) or else to the lists, and save
// saves unless an action is on its way. handled is false for any other
// key: it is the form's. The form is nil once it closed.
func (b *Base) FormKey(msg tea.KeyPressMsg, docShown bool, save func() tea.Cmd) (cmd tea.Cmd, handled bool) {
	switch {
	case key.Matches(msg, b.c.Keys.Cancel):
		if question, asking := b.Form.Leaving(); asking {
			return question, true
		}
		b.Form, b.Mode = nil, List
		if docShown {
			b.Mode = Detail
		}
		return nil, true
	case key.Matches(msg, b.c.Keys.Save):
		if b.Busy {
			return nil, true
		}
		return save(), true
	}
	return nil, false
}
