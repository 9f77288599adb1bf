package docscreen

import "charm.land/bubbles/v2/key"

// Typing is true while a screen that holds its rows takes typing: its
// list's filter (editing), a form or the prompt.
func (b *Base) Typing(editing bool) bool {
	return editing || b.Mode == Form || b.Mode == Prompt
}

// TypingHelp is the help while typing, the same on every screen that
// holds its rows: a form's keys, or confirm and cancel for the prompt
// and for the list's filter (editing). typing is false otherwise.
func (b *Base) TypingHelp(editing bool) (help []key.Binding, typing bool) {
	k := b.c.Keys
	switch {
	case b.Mode == Form:
		return b.FormHelp(), true
	case b.Mode == Prompt, b.Mode == List && editing:
		return []key.Binding{k.Confirm, k.Cancel}, true
	}
	return nil, false
}

// FormHelp is the help of a form: the next and the previous field, save
// and cancel.
func (b *Base) FormHelp() []key.Binding {
	c := b.c
	return []key.Binding{c.Bind("tab/enter", "form.key.next_field", "tab", "enter"),
		c.Bind("shift+tab", "form.key.prev_field", "shift+tab"), c.Keys.Save, c.Keys.Cancel}
}
