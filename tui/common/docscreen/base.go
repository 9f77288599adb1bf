package docscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/tui/common"
	"orderdesk/tui/common/form"
)

// Base is what every document screen holds alike: its size, the mode
// shown, the lists, the document, a step's form, the prompt under the
// document and whether an action is on its way. A screen embeds it and
// keeps only its own data, steps and views.
type Base struct {
	c             *common.Common
	Width, Height int
	Mode          Mode
	seq           int   // last request id given out
	ListReq       int   // the lists read whose answer is awaited, where the screen holds its rows
	DetailReq     int   // the document read whose answer is awaited
	Shown         int64 // the document shown (0: none)

	Lists              *common.Lists  // the row of lists, one shown
	PrevList, NextList key.Binding    // show the list before or after
	Body               *common.Detail // the document, wrapped and scrolled
	Form               *form.Form
	Prompt             *common.Prompt
	Busy               bool // an action is on its way
}

// NewBase starts the skeleton of the document screen whose catalogue
// keys start with name ("invoices": "invoices.list.…" names its lists);
// detailView draws the document into the scrolled body.
func NewBase(c *common.Common, name string, detailView func() string) Base {
	return Base{c: c, Body: common.NewDetail(c, detailView), Lists: common.NewLists(c, name+".list."),
		PrevList: c.Bind("←/[", name+".key.prev_list", "left", "["),
		NextList: c.Bind("→/]", name+".key.next_list", "right", "]")}
}

// Capturing is true while typing: a filter, a form or a prompt.
func (b *Base) Capturing() bool { return b.parts().Capturing() }

// SetSize fits the document, the lists and an open form to the window.
func (b *Base) SetSize(w, h int) {
	b.Width, b.Height = w, h
	b.Body.SetSize(w, h)
	b.Lists.SetHeight(max(h-8, 3))
	if b.Form != nil {
		b.Form.SetSize(w, h-4)
	}
}

// Help gives the bindings of the mode shown: the form's and the prompt's
// are the session's, the document's and the lists' the screen's (the
// lists' followed by the keys that move in a list); while a filter is
// typed, enter keeps it and esc drops it, as a prompt.
func (b *Base) Help(detail, list func() []key.Binding) []key.Binding {
	k := b.c.Keys
	switch {
	case b.Mode == Form:
		return []key.Binding{k.Save, k.Cancel}
	case b.Mode == Prompt, b.Mode != Detail && b.Lists != nil && b.Lists.Filtering():
		return []key.Binding{k.Confirm, k.Cancel}
	case b.Mode == Detail:
		return detail()
	}
	return append(list(), k.ListKeys()...)
}

// Route takes the messages every document screen takes alike: a
// document to open (open reads it), a key and a paste. ok is false for
// any other message.
func (b *Base) Route(msg tea.Msg, h Handlers, open func(id int64) tea.Cmd) (cmd tea.Cmd, ok bool) {
	switch msg := msg.(type) {
	case common.OpenMsg:
		b.Mode = Detail
		return open(msg.DocID), true
	case tea.KeyPressMsg:
		return b.Key(msg, h), true
	case tea.PasteMsg:
		return b.parts().Paste(msg), true
	}
	return nil, false
}

// Key gives a key to what has the focus; on the lists the keys that
// switch lists come first, and a prompt closed with esc leaves the
// document shown.
func (b *Base) Key(msg tea.KeyPressMsg, h Handlers) tea.Cmd {
	list := h.List
	h.List = func(msg tea.KeyPressMsg) tea.Cmd {
		if cmd, switched := b.Lists.Key(msg, b.PrevList, b.NextList); switched {
			return cmd
		}
		return list(msg)
	}
	cmd, closed := b.parts().Key(msg, b.Busy, h)
	if closed {
		b.Prompt, b.Mode = nil, Detail
	}
	return cmd
}

// View draws the mode shown: the form (formView), the document with the
// prompt under it, the document, or the lists (list).
func (b *Base) View(formView, list func() string) string {
	return b.parts().View(b.Height, formView, list)
}

// OpenPrompt asks for one line under the document; done gets it once
// confirmed.
func (b *Base) OpenPrompt(label string, done func(string) tea.Cmd) {
	b.Prompt, b.Mode = OpenPrompt(b.c, label, true, done)
}

// NextReq gives out a new request id: an answer is taken only while its
// id is the last one asked for.
func (b *Base) NextReq() int {
	b.seq++
	return b.seq
}

// AskDetail gives out the id of a new document read, the one whose
// answer is awaited.
func (b *Base) AskDetail() int {
	b.DetailReq = b.NextReq()
	return b.DetailReq
}

// TakeDetail says whether the answer to document read seq, document id,
// is to be shown; when it is, id is the one shown now, and another
// document than the last starts at its top. When not, cmd says why: a
// later read is on its way (nil), or this one failed (the error; with no
// document shown, the lists again).
func (b *Base) TakeDetail(seq int, id int64, err error) (ok bool, cmd tea.Cmd) {
	if seq != b.DetailReq {
		return false, nil
	}
	if err != nil {
		if b.Shown == 0 {
			b.Mode = List
		}
		return false, b.Status(err)
	}
	if id != b.Shown {
		b.Body.Reset()
	}
	b.Shown = id
	return true, nil
}

// ActionFailed ends an action that failed: an error from a form goes
// back to the form with its input (showFields marks the fields), the
// status line says why and what is shown is read again (refresh).
func (b *Base) ActionFailed(err error, fromForm bool, showFields func(error), refresh func() tea.Cmd) tea.Cmd {
	b.Busy = false
	if fromForm && b.Form != nil {
		showFields(err)
		b.Mode = Form
	}
	return tea.Batch(b.Status(err), refresh())
}

// Status shows an error in the status bar.
func (b *Base) Status(err error) tea.Cmd {
	return common.Status(common.ErrorText(b.c.Cat, err), true)
}

// Say shows words in the status bar.
func (b *Base) Say(text string) tea.Cmd { return common.Status(text, false) }

// parts are what the skeleton shows and routes to.
func (b *Base) parts() Parts {
	return Parts{Mode: b.Mode, Lists: b.Lists, Body: b.Body, Form: b.Form, Prompt: b.Prompt}
}

// DocKey takes the keys every shown document takes alike: back to the
// lists (closeDoc forgets the document and reads them again), refresh
// (reload reads it again) and the scrolling of its body. step is true
// when the key is left to the screen's steps: a document is shown, the
// key did not scroll it and no action is on its way.
func (b *Base) DocKey(msg tea.KeyPressMsg, closeDoc func() tea.Cmd, reload func(int64) tea.Cmd) (cmd tea.Cmd, step bool) {
	k, id := b.c.Keys, b.Shown
	switch {
	case key.Matches(msg, k.Back):
		b.Mode, b.Shown = List, 0
		return closeDoc(), false
	case key.Matches(msg, k.Refresh) && id != 0:
		return reload(id), false
	case id == 0 || b.Body.Key(msg) || b.Busy:
		return nil, false
	}
	return nil, true
}

// DocHelp is the help of a shown document: back, the screen's steps,
// refresh and the body's scrolling.
func (b *Base) DocHelp(steps ...key.Binding) []key.Binding {
	k := b.c.Keys
	out := append([]key.Binding{k.Back}, steps...)
	out = append(out, k.Refresh)
	return append(out, b.Body.ShortHelp()...)
}

// ReloadShown reads the document again while it is shown, alone or
// under the prompt (nil otherwise).
func (b *Base) ReloadShown(reload func(int64) tea.Cmd) tea.Cmd {
	if b.Shown != 0 && (b.Mode == Detail || b.Mode == Prompt) {
		return reload(b.Shown)
	}
	return nil
}

// Nested is true while something opened from the lists is shown: digits
// typed there (a number being read off) must not switch screens.
func (b *Base) Nested() bool { return b.Mode != List }
