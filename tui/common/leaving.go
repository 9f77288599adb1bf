package common

import tea "charm.land/bubbletea/v2"

// Leaving is esc over something typed, shared by every form and typed
// line: over typed text the first esc asks (the question for the status
// line) and what was typed stays; an esc right after the question, or
// over nothing typed, leaves. A key typed between takes the question
// back (TypedOn).
type Leaving struct{ asked bool }

// Esc is esc pressed; typed says whether something was typed. asking
// is true while the question is put and the text stays.
func (l *Leaving) Esc(c *Common, typed bool) (question tea.Cmd, asking bool) {
	if typed && !l.asked {
		l.asked = true
		// A notice, not an error: the status line keeps an error made in
		// an input while the typist puts it right, but the question is
		// taken back by the next key typed, and leaves with it.
		return Status(c.T("form.discard_ask"), false), true
	}
	l.asked = false
	return nil, false
}

// TypedOn takes the question back: the user went on typing.
func (l *Leaving) TypedOn() { l.asked = false }
