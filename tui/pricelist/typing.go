package pricelist

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"orderdesk/tui/common"
	"orderdesk/tui/common/draft"
	"orderdesk/tui/common/form"
	"orderdesk/workflow"
)

// typing is what the change and market forms share: the form, its
// draft, one save at a time and the two-step cancel.
type typing struct {
	form    *form.Form
	note    string // under the title, translated
	draft   *draft.Keeper[kept]
	busy    bool           // a save is running: a second ctrl+s waits for it
	leaving common.Leaving // esc over typed input asks; a second one discards it
}

// setSize gives the form the window less the title, the note (wrapped
// to the window) and the gap.
func (t *typing) setSize(w, h int) {
	t.form.SetSize(w, h-2-len(t.noteLines(w)))
}

func (t *typing) noteLines(w int) []string { return strings.Split(common.Wrap(t.note, w), "\n") }

// openDraft gives the form its draft, kept under key, and asks for it.
func (t *typing) openDraft(s *Screen, key string) tea.Cmd {
	var load tea.Cmd
	t.draft, load = draft.Open[kept](s.drafts, key)
	return load
}

// key takes a key for the form: ctrl+s saves; esc over typed input asks
// first, then discards the draft and closes; the rest is typed, and
// schedules the draft.
func (t *typing) key(s *Screen, msg tea.KeyPressMsg, save func() tea.Cmd, closeForm func()) tea.Cmd {
	k := s.c.Keys
	switch {
	case key.Matches(msg, k.Save):
		return save()
	case key.Matches(msg, k.Cancel):
		if question, asking := t.leaving.Esc(s.c, t.form.Dirty()); asking {
			return question
		}
		closeForm()
		return t.draft.Discard()
	}
	t.leaving.TypedOn()
	cmd := t.form.Update(msg)
	return tea.Batch(cmd, t.draft.Touched(t.form.Dirty()))
}

// refused shows why a save did not work, field problems at their
// fields (lines maps the input's lines to the grid's); what was typed
// stays.
func (t *typing) refused(s *Screen, err error, lines []int) tea.Cmd {
	t.busy = false
	var fields workflow.FieldErrors
	if errors.As(err, &fields) {
		s.showFieldErrors(t.form, fields, lines)
		return common.Status(s.c.T("error.fix_fields"), true)
	}
	return common.Status(common.ErrorText(s.c.Cat, err), true)
}

// view is the form under its title, hint, note and the draft's age,
// each within the window.
func (t *typing) view(c *common.Common, title string) string {
	st := c.Styles
	w := t.form.Width()
	title = st.Title.Render(title)
	var b strings.Builder
	b.WriteString(title + "  " + st.Muted.Render(common.Hints(c.T("pricelist.form_hint"), w-ansi.StringWidth(title)-2)))
	for _, l := range t.noteLines(w) {
		b.WriteString("\n" + st.Muted.Render(l))
	}
	return b.String() + draftNote(c, t.draft) + "\n\n" + t.form.View()
}
