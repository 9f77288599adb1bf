// Package materials is the Materials sent screen (寄出资料登记): the
// register of what went to whom, the latest first, each row sent,
// overdue, received or void; a row's detail with how it went, the
// document it belongs to and its receipt; the form an entry is made in,
// the receipt confirmed with the day and who, and an entry voided with
// the reason. A mailed invoice shows here from its mailing.
package materials

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"orderdesk/store"
	"orderdesk/tui/common"
	"orderdesk/tui/common/docscreen"
	"orderdesk/workflow"
)

const modeList, modeDetail, modeForm, modePrompt = docscreen.List, docscreen.Detail, docscreen.Form, docscreen.Prompt

// Screen is the Materials sent screen of one session: the document
// screen's skeleton and its own list, detail and forms.
type Screen struct {
	docscreen.Base
	c    *common.Common
	keys keyMap

	list  *common.List[store.MaterialSent]
	shown docscreen.HeldDoc[store.MaterialSent] // the row shown
	days  int                                   // the wait for a receipt, past which a row is overdue
	back  docscreen.Mode                        // where a form or the reason prompt goes back to

	form     *docscreen.HeldForm
	formKind formKind
	formRow  store.MaterialSent // the row a receipt is confirmed on
	forms    int                // forms opened, to tag their answers
}

// New builds the screen for one session.
func New(c *common.Common) *Screen {
	s := &Screen{c: c, keys: newKeyMap(c), days: workflow.DefaultMaterialDays}
	s.list = common.NewList(c, func(m store.MaterialSent) int64 { return m.DocID }).WithFilter(s.matches)
	s.Base = docscreen.NewHeldBase(c, s.detailText)
	s.shown = docscreen.NewHeldDoc(&s.Base, func(m store.MaterialSent) int64 { return m.DocID },
		func(seq int, id int64) tea.Cmd { return loadRow(c.Ctx, c.Desk, seq, id) })
	return s
}

// Init loads the register.
func (s *Screen) Init() tea.Cmd { return s.reload() }

// reload asks for the register again; an older answer is dropped.
func (s *Screen) reload() tea.Cmd {
	s.AskList()
	return loadList(s.c.Ctx, s.c.Desk, s.ListReq)
}

// Title is the tab label.
func (s *Screen) Title() string { return s.c.T("screen.materials") }

// Capturing is true while typing: the filter, a form or the prompt.
func (s *Screen) Capturing() bool { return s.Typing(s.list.Editing) }

// SetSize fits the screen, and an open form, to the window.
func (s *Screen) SetSize(w, h int) {
	s.SetHeldSize(w, h)
	s.list.SetHeight(max(h-listChrome, 1))
	if s.form != nil {
		s.form.Resize(w, h)
	}
}

// Update routes a message (a panic is the root's: see tui/recover.go).
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OpenMsg:
		return s, s.shown.Show(msg.DocID)
	case common.ChangedMsg:
		if msg.Change.Kind != store.MaterialKind && msg.Change.Kind != store.InvoiceKind {
			return s, nil
		}
		return s, s.refresh()
	case listMsg:
		if ok, cmd := s.TakeList(msg.req, msg.err); !ok {
			return s, cmd
		}
		s.days = msg.days
		s.list.SetRows(msg.rows)
		return s, nil
	case detailMsg:
		_, cmd := s.shown.Take(msg.req, msg.err, msg.row)
		return s, cmd
	case savedMsg:
		return s, s.onSaved(msg)
	case voidedMsg:
		return s, s.onVoided(msg)
	case tea.KeyPressMsg, tea.PasteMsg:
		return s, s.Input(msg, docscreen.Inputs{Form: s.updateForm, Detail: s.updateDetail, List: s.updateList,
			Prompt: func(msg tea.Msg) tea.Cmd { return s.PromptKey(msg, s.back, true) }})
	}
	return s, nil
}

// refresh reloads the register and the row shown, after a change here
// or in another session.
func (s *Screen) refresh() tea.Cmd {
	return tea.Batch(s.reload(), s.shown.ReadAgain(s.Mode == modeDetail))
}

// ShortHelp gives the bindings of the current mode, for the footer and help.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.keys
	if help, typing := s.TypingHelp(s.list.Editing); typing {
		return help
	}
	if s.Mode == modeDetail {
		return s.detailKeys()
	}
	return []key.Binding{s.c.Keys.Filter, k.open, k.create, k.confirm, k.refresh}
}

// FullHelp is the ? help: the same keys, as one group.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// View renders the current mode; it only reads state.
func (s *Screen) View() string {
	switch s.Mode {
	case modeDetail:
		return s.Body.View()
	case modePrompt:
		return s.DocWith(s.Prompt.View())
	case modeForm:
		if s.form != nil {
			return s.form.View()
		}
	}
	return s.viewList()
}

// today is the desk's day, as the workflow counts it.
func (s *Screen) today() string { return s.c.Now().Format("2006-01-02") }

// canEdit: the workflow would let this user enter and confirm.
func (s *Screen) canEdit() bool { return workflow.Can(s.c.Desk.User, workflow.EditMaterials) }
